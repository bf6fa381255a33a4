package dev.relaygate.reports.verdict;

import dev.relaygate.reports.format.Fmt;
import dev.relaygate.reports.input.GateFile;
import dev.relaygate.reports.input.GateManifest;
import dev.relaygate.reports.input.GateResult;
import dev.relaygate.reports.input.Input;
import dev.relaygate.reports.input.JmhGateResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Judges a build's results. Every input the build is expected to produce must be present, readable and
 * from this build's run: the gates the manifest requested, the JMH result and its gate verdict (tied to
 * that exact result file by its SHA-256), and the ROI result. A missing, stale, unreadable, aborted or
 * self-contradictory result fails the build with its reason, as does any failed gate or benchmark check.
 */
public final class VerdictJudge {

    private VerdictJudge() {}

    public static Verdict judge(VerdictInputs in) {
        List<Verdict.Failure> failures = new ArrayList<>();
        List<String> loosened = new ArrayList<>();
        GateManifest manifest = in.manifest() instanceof Input.Present<GateManifest> p ? p.value() : null;
        String runId = in.runId() != null ? in.runId() : manifest != null ? manifest.runId() : null;
        if (manifest == null) {
            failures.add(new Verdict.Failure(
                    "input",
                    "gates manifest",
                    in.manifest().path()
                            + (in.manifest() instanceof Input.Invalid<GateManifest> bad
                                    ? " is unreadable: " + bad.message()
                                    : " is missing")
                            + ", so nothing says which gates this run expected"));
        } else if (!manifest.runId().equals(runId)) {
            failures.add(
                    new Verdict.Failure("input", "gates manifest", VerdictReasons.staleRun(manifest.runId(), runId)));
        }
        String shownRunId = runId == null ? "(unknown)" : runId;

        Map<String, GateFile> files = new LinkedHashMap<>();
        if (in.gates() instanceof Input.Present<List<GateFile>> present) {
            present.value().forEach(f -> files.put(f.key(), f));
        } else if (in.gates() instanceof Input.Invalid<List<GateFile>> bad) {
            failures.add(new Verdict.Failure("input", "gate results", bad.path() + " is unreadable: " + bad.message()));
        }
        List<String> expected = manifest != null ? manifest.requested() : List.copyOf(files.keySet());
        for (String gate : expected) {
            GateFile file = files.remove(gate);
            if (file == null) {
                failures.add(new Verdict.Failure("gate", gate, VerdictReasons.missing(shownRunId)));
            } else if (file instanceof GateFile.Invalid invalid) {
                failures.add(new Verdict.Failure(
                        "gate",
                        gate,
                        "invalid result " + invalid.file().getFileName() + ": " + String.join("; ", invalid.errors())));
            } else if (file instanceof GateFile.Valid valid) {
                String problem = problem(valid.result(), runId);
                if (problem != null) {
                    failures.add(new Verdict.Failure("gate", gate, problem));
                }
                valid.result().thresholdOverrides().forEach((name, o) -> {
                    if (o.loosened()) {
                        loosened.add(gate + "." + name + " = " + Fmt.num(o.value()) + " (default "
                                + Fmt.num(o.defaultValue()) + ")");
                    }
                });
            }
        }
        files.keySet()
                .forEach(gate ->
                        failures.add(new Verdict.Failure("gate", gate, VerdictReasons.notRequested(shownRunId))));

        int benchmarkChecks = judgeJmh(in, runId, shownRunId, failures);
        judgeRoi(in, runId, shownRunId, failures);
        return new Verdict(
                runId,
                expected.size(),
                manifest == null ? 0 : manifest.notRequested().size(),
                benchmarkChecks,
                failures,
                loosened);
    }

    /** Null when the gate's result is this run's and passed; otherwise the one reason it is not. */
    static String problem(GateResult gate, String runId) {
        if (runId != null && !runId.equals(gate.runId())) {
            return VerdictReasons.staleRun(gate.runId(), runId);
        }
        String contradiction = gate.contradiction();
        if (contradiction != null) {
            return contradiction;
        }
        if (gate.wasAborted()) {
            return VerdictReasons.aborted(gate.failures());
        }
        return gate.passed() ? null : gateDetail(gate);
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

    /** Returns the number of benchmark checks judged. */
    private static int judgeJmh(VerdictInputs in, String runId, String shownRunId, List<Verdict.Failure> failures) {
        requirePresent(
                "JMH result",
                in.jmh(),
                shownRunId,
                " (the JMH short pass did not run, e.g. -Djmh.skip=true)",
                failures);
        if (!(in.jmhGate() instanceof Input.Present<JmhGateResult> present)) {
            requirePresent(
                    "JMH gate",
                    in.jmhGate(),
                    shownRunId,
                    " (the JMH gate did not run, e.g. -Djmh.skip=true)",
                    failures);
            return 0;
        }
        JmhGateResult verdict = present.value();
        if (runId != null && !runId.equals(verdict.runId())) {
            failures.add(new Verdict.Failure("input", "JMH gate", VerdictReasons.staleRun(verdict.runId(), runId)));
        }
        if (in.jmh() instanceof Input.Present<?>
                && (verdict.resultSha256() == null || !verdict.resultSha256().equals(in.jmhResultSha256()))) {
            failures.add(
                    new Verdict.Failure(
                            "input",
                            "JMH result",
                            in.jmh().path()
                                    + " is not the file the JMH gate judged (its SHA-256 differs from the gate's result_sha256)"));
        }
        boolean anyCheckFailed = false;
        for (JmhGateResult.Check check : verdict.checks()) {
            if (!check.passed()) {
                anyCheckFailed = true;
                failures.add(new Verdict.Failure("benchmark", check.benchmark(), checkDetail(check)));
            }
        }
        if (verdict.checks().isEmpty() || (!verdict.passed() && !anyCheckFailed)) {
            failures.add(new Verdict.Failure(
                    "benchmark gate",
                    "jmh",
                    verdict.checks().isEmpty()
                            ? "the JMH gate judged no check"
                            : "passed is false, though no check in the file failed"));
        }
        return verdict.checks().size();
    }

    private static void judgeRoi(VerdictInputs in, String runId, String shownRunId, List<Verdict.Failure> failures) {
        if (in.roi() instanceof Input.Present<dev.relaygate.reports.input.RoiResult> present) {
            if (runId != null && !runId.equals(present.value().runId())) {
                failures.add(new Verdict.Failure(
                        "input",
                        "ROI result",
                        VerdictReasons.staleRun(present.value().runId(), runId)));
            }
        } else {
            requirePresent("ROI result", in.roi(), shownRunId, "", failures);
        }
    }

    private static void requirePresent(
            String what, Input<?> input, String shownRunId, String hint, List<Verdict.Failure> failures) {
        if (input instanceof Input.Missing<?> missing) {
            failures.add(new Verdict.Failure(
                    "input", what, VerdictReasons.missing(shownRunId) + " at " + missing.path() + hint));
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
