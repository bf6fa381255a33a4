package dev.relaygate.jmh.gate;

import java.util.List;

/** The file {@code jmh/target/jmh-gate.json}: passed only when there are checks and every one passed. */
public record GateVerdict(boolean passed, List<GateCheck> checks) {

    public GateVerdict {
        checks = List.copyOf(checks);
    }

    public static GateVerdict of(List<GateCheck> checks) {
        return new GateVerdict(!checks.isEmpty() && checks.stream().allMatch(GateCheck::passed), checks);
    }

    public List<GateCheck> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
