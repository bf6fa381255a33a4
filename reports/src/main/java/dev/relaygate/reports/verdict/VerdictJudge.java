package dev.relaygate.reports.verdict;

import dev.relaygate.reports.input.GateFile;
import dev.relaygate.reports.input.GateResult;
import dev.relaygate.reports.input.Input;
import dev.relaygate.reports.input.JmhBenchmark;
import dev.relaygate.reports.input.JmhGateResult;
import dev.relaygate.reports.input.RoiResult;
import dev.relaygate.reports.format.Fmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Judges the loaded inputs: gates and benchmark checks count; missing inputs are only listed. */
public final class VerdictJudge {

    private VerdictJudge() {
    }

    public static Verdict judge(Input<List<GateFile>> gates, Input<List<JmhBenchmark>> jmh,
                                Input<JmhGateResult> jmhGate, Input<RoiResult> roi) {
        List<Verdict.Failure> failures = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        int checks = 0;

        if (gates instanceof Input.Present<List<GateFile>> present) {
            for (GateFile file : present.value()) {
                checks++;
                if (file instanceof GateFile.Invalid invalid) {
                    failures.add(new Verdict.Failure("gate file", invalid.file().getFileName().toString(),
                            "invalid: " + String.join("; ", invalid.errors())));
                } else if (file instanceof GateFile.Valid valid && !valid.result().passed()) {
                    failures.add(new Verdict.Failure("gate", valid.result().gate(), gateDetail(valid.result())));
                }
            }
        }
        if (jmhGate instanceof Input.Present<JmhGateResult> present) {
            JmhGateResult verdict = present.value();
            boolean anyCheckFailed = false;
            for (JmhGateResult.Check check : verdict.checks()) {
                checks++;
                if (!check.passed()) {
                    anyCheckFailed = true;
                    failures.add(new Verdict.Failure("benchmark", check.benchmark(), checkDetail(check)));
                }
            }
            if (!verdict.passed() && !anyCheckFailed) {
                checks += verdict.checks().isEmpty() ? 1 : 0;
                failures.add(new Verdict.Failure("benchmark gate", "jmh",
                        "passed is false, though no check in the file failed"));
            }
        }
        addInputState("gate results", gates, failures, notRun);
        addInputState("JMH result", jmh, failures, notRun);
        addInputState("JMH gate", jmhGate, failures, notRun);
        addInputState("ROI result", roi, failures, notRun);
        return new Verdict(checks, failures, notRun);
    }

    static String gateDetail(GateResult gate) {
        if (!gate.failures().isEmpty()) {
            return String.join("; ", gate.failures());
        }
        return "failed; thresholds " + pairs(gate.thresholds()) + "; measured " + pairs(gate.measured());
    }

    static String checkDetail(JmhGateResult.Check check) {
        String figure = check.metric() + " measured " + Fmt.num(check.measured()) + ", limit "
                + check.comparison() + " " + Fmt.num(check.limit())
                + " (over by " + Fmt.num(check.measured() - check.limit()) + ")";
        boolean hasMessage = check.message() != null && !check.message().isBlank();
        return hasMessage ? figure + ": " + check.message() : figure;
    }

    private static void addInputState(String what, Input<?> input, List<Verdict.Failure> failures,
                                      List<String> notRun) {
        if (input instanceof Input.Missing<?> missing) {
            notRun.add(what + " (" + missing.path() + ")");
        } else if (input instanceof Input.Invalid<?> invalid) {
            failures.add(new Verdict.Failure("input", what, invalid.path() + " is unreadable: " + invalid.message()));
        }
    }

    private static String pairs(Map<String, Object> values) {
        if (values.isEmpty()) {
            return "(none)";
        }
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + Fmt.value(e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
