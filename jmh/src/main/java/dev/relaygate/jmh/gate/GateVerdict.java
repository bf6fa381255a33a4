package dev.relaygate.jmh.gate;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The file {@code jmh/target/jmh-gate.json}: passed only when there are checks and every one passed; with
 * the build's run id and the SHA-256 of the result file it judged, so the report can tell this build's
 * verdict from a stale one and the judged result from a replaced one.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GateVerdict(boolean passed, List<GateCheck> checks, String runId, String resultSha256) {

    public GateVerdict {
        checks = List.copyOf(checks);
    }

    public static GateVerdict of(List<GateCheck> checks) {
        return new GateVerdict(!checks.isEmpty() && checks.stream().allMatch(GateCheck::passed), checks, null, null);
    }

    /** This verdict as the run {@code runId} judged the result file with hash {@code sha256}. */
    public GateVerdict of(String runId, String sha256) {
        return new GateVerdict(passed, checks, runId, sha256);
    }

    public List<GateCheck> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
