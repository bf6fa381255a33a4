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
 * from this build's run: the gates the manifest requested, every comparison relay's comparison gates, the
 * JMH result and its gate verdict (tied to that exact result file by its SHA-256), and the ROI result. A
 * missing, stale, unreadable, aborted or self-contradictory result fails the build with its reason, as does
 * a failed benchmark check and a failed gate of ours (a requested gate, or relaygate's comparison gate). A
 * peer's failed gate is shown, never failing the build. A gate a relay does not support is neither passed
 * nor failed; a build where no gate of ours passed does not pass.
 */
public final class VerdictJudge {

    /**
     * The relay this repository builds: in a comparison build its failed gates fail the build, while any
     * other relay's (a peer's) are that peer's findings.
     */
    public static final String OUR_RELAY = "relaygate";

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
        List<String> requested = manifest != null ? manifest.requested() : List.copyOf(files.keySet());
        Counter defaults = new Counter(null);
        for (String gate : requested) {
            judgeGate(gate, files.remove(gate), defaults, false, runId, shownRunId, failures, loosened);
        }
        Counter comparison = null;
        List<Counter> peers = new ArrayList<>();
        GateManifest.Comparison compared = manifest == null ? null : manifest.comparison();
        if (compared != null) {
            comparison = new Counter(OUR_RELAY);
            for (String relay : compared.relays()) {
                boolean peer = !OUR_RELAY.equals(relay);
                Counter counter = peer ? new Counter(relay) : comparison;
                if (peer) {
                    peers.add(counter);
                }
                for (String gate : compared.gates()) {
                    String key = GateFile.key(relay, gate);
                    judgeGate(key, files.remove(key), counter, peer, runId, shownRunId, failures, loosened);
                }
            }
        }
        files.keySet()
                .forEach(
                        key -> failures.add(new Verdict.Failure("gate", key, VerdictReasons.notRequested(shownRunId))));
        if (failures.isEmpty() && defaults.held + (comparison == null ? 0 : comparison.held) == 0) {
            failures.add(nothingOfOursHeld(defaults, comparison));
        }

        // A comparison build measures relays side by side and does not run relaygate's micro-benchmarks (the
        // manifest says which build this is, and the banner says they were not run); every other build must.
        int benchmarkChecks = compared != null ? Verdict.BENCHMARKS_NOT_RUN : judgeJmh(in, runId, shownRunId, failures);
        judgeRoi(in, runId, shownRunId, failures);
        return new Verdict(
                runId,
                defaults.tally(),
                comparison == null ? null : comparison.tally(),
                peers.stream().map(Counter::tally).toList(),
                manifest == null ? 0 : manifest.notRequested().size(),
                benchmarkChecks,
                failures,
                loosened);
    }

    /**
     * Judges one expected result into its relay's tally. Missing, invalid, stale, self-contradictory and
     * aborted results fail the build whoever ran them; a failed gate fails it only when it is ours, a peer's
     * is that peer's finding. A not-supported result is neither held nor failed.
     */
    private static void judgeGate(
            String key,
            GateFile file,
            Counter counter,
            boolean peer,
            String runId,
            String shownRunId,
            List<Verdict.Failure> failures,
            List<String> loosened) {
        counter.expected++;
        if (file == null) {
            failures.add(new Verdict.Failure("gate", key, VerdictReasons.missing(shownRunId)));
        } else if (file instanceof GateFile.Invalid invalid) {
            failures.add(new Verdict.Failure(
                    "gate",
                    key,
                    "invalid result " + invalid.file().getFileName() + ": " + String.join("; ", invalid.errors())));
        } else if (file instanceof GateFile.Valid valid) {
            GateResult result = valid.result();
            counter.name(result.relayName());
            String problem = unusable(result, runId);
            if (problem != null) {
                failures.add(new Verdict.Failure("gate", key, problem));
                return;
            }
            if (result.wasNotSupported()) {
                counter.notSupported++;
                return;
            }
            if (result.passed()) {
                counter.held++;
            } else {
                counter.failed++;
                if (!peer) {
                    failures.add(new Verdict.Failure("gate", key, gateDetail(result)));
                }
            }
            if (!peer || result.passed()) {
                result.thresholdOverrides().forEach((name, o) -> {
                    if (o.loosened()) {
                        loosened.add(key + "." + name + " = " + Fmt.num(o.value()) + " (default "
                                + Fmt.num(o.defaultValue()) + ")");
                    }
                });
            }
        }
    }

    /** Why a build whose every result was usable still did not pass: no gate of ours held. */
    private static Verdict.Failure nothingOfOursHeld(Counter defaults, Counter comparison) {
        if (defaults.expected == 0 && (comparison == null || comparison.expected == 0)) {
            return new Verdict.Failure(
                    "gates",
                    OUR_RELAY,
                    "no gate of " + OUR_RELAY + " was expected in this run, so none of ours passed");
        }
        int expected = defaults.expected + (comparison == null ? 0 : comparison.expected);
        int notSupported = defaults.notSupported + (comparison == null ? 0 : comparison.notSupported);
        String relay = defaults.expected > 0 && defaults.relay != null ? defaults.relay : OUR_RELAY;
        return new Verdict.Failure(
                "gates",
                relay,
                "no gate passed: " + notSupported + " of " + expected + " not supported by " + relay
                        + ", and a gate that could not run is no pass");
    }

    /** One relay's results as they are judged. */
    private static final class Counter {
        private String relay;
        private int expected;
        private int held;
        private int failed;
        private int notSupported;

        Counter(String relay) {
            this.relay = relay;
        }

        /** The default gates' relay is the one their results name (the first that names one). */
        void name(String resultRelay) {
            if (relay == null) {
                relay = resultRelay;
            }
        }

        Verdict.Tally tally() {
            return new Verdict.Tally(relay, expected, held, failed, notSupported);
        }
    }

    /**
     * Null when the result is this run's and can be believed (passed, failed or not supported); otherwise the
     * one reason it cannot: stale, self-contradictory or aborted.
     */
    public static String unusable(GateResult gate, String runId) {
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
        return null;
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
