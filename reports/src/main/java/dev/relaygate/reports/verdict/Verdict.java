package dev.relaygate.reports.verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * The build's final verdict: every failed gate, benchmark check and missing, stale or unreadable input,
 * each with the figure and limit it missed or the reason it cannot be trusted. It passes only when every
 * expected check ran in this build and held, and at least one gate of ours passed: nothing checked is never
 * a pass, and neither is a gate the relay does not support.
 *
 * @param runId             the build's run id every result was held to (null when none was known)
 * @param defaults          the requested default gates, on the build's relay (relaygate or an external one)
 * @param comparison        relaygate's comparison gates ({@code relaygate/<gate>}); null in a default build
 * @param peers             each peer's comparison gates, in the manifest's order: shown, never failing the build
 * @param gatesNotRequested default gates left out (a {@code -Dgates=} subset, or all of them in a comparison build)
 * @param benchmarkChecks   JMH gate checks judged
 * @param loosened          thresholds overridden to a looser value, e.g. "steady-state.p99_below_ms = 500 (default 200)"
 */
public record Verdict(
        String runId,
        Tally defaults,
        Tally comparison,
        List<Tally> peers,
        int gatesNotRequested,
        int benchmarkChecks,
        List<Failure> failures,
        List<String> loosened) {

    /** {@code benchmarkChecks} of a comparison build, which runs no micro-benchmarks. */
    public static final int BENCHMARKS_NOT_RUN = -1;

    public Verdict {
        peers = List.copyOf(peers);
        failures = List.copyOf(failures);
        loosened = List.copyOf(loosened);
    }

    /** Every check that counts: each expected gate result (ours and the peers') plus benchmark checks. */
    public int checks() {
        int gates = defaults.expected() + (comparison == null ? 0 : comparison.expected());
        for (Tally peer : peers) {
            gates += peer.expected();
        }
        return gates + Math.max(0, benchmarkChecks);
    }

    /** Gates of ours (defaults and relaygate's comparison gates) that ran and held. */
    public int oursHeld() {
        return defaults.held() + (comparison == null ? 0 : comparison.held());
    }

    public boolean passed() {
        return failures.isEmpty() && checks() > 0 && oursHeld() > 0;
    }

    public String status() {
        return passed() ? "PASSED" : "FAILED";
    }

    /** One line for the banner and the console. */
    public String headline() {
        String peerText = peers.isEmpty()
                ? ""
                : "; " + String.join("; ", peers.stream().map(Tally::peerLine).toList());
        if (!passed()) {
            return (failures.isEmpty()
                            ? "nothing was checked, so nothing passed"
                            : failures.size() + (failures.size() == 1 ? " failure" : " failures") + " in " + checks()
                                    + " checks")
                    + peerText;
        }
        List<String> ours = new ArrayList<>();
        if (comparison == null || defaults.expected() > 0) {
            List<String> notes = new ArrayList<>();
            if (gatesNotRequested > 0) {
                notes.add(gatesNotRequested + " not requested");
            }
            defaults.notSupportedNote().ifPresent(notes::add);
            ours.add(defaults.held() + " of " + (defaults.expected() + gatesNotRequested) + " gates run"
                    + parenthesised(notes));
        }
        if (comparison != null) {
            List<String> notes = new ArrayList<>();
            comparison.notSupportedNote().ifPresent(notes::add);
            if (defaults.expected() == 0 && gatesNotRequested > 0) {
                notes.add(gatesNotRequested + " default gates not requested");
            }
            ours.add(comparison.held() + " of " + comparison.expected() + " comparison gates on " + comparison.relay()
                    + parenthesised(notes));
        }
        String ran = String.join(", ", ours) + ", "
                + (benchmarkChecks == BENCHMARKS_NOT_RUN
                        ? "benchmarks not run in a comparison build"
                        : benchmarkChecks + " benchmark checks")
                + peerText;
        return loosened.isEmpty()
                ? ran
                : ran + "; passed with " + loosened.size() + " loosened threshold" + (loosened.size() == 1 ? "" : "s")
                        + ": " + String.join(", ", loosened);
    }

    private static String parenthesised(List<String> notes) {
        return notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")";
    }

    /** What failed, in one sentence: the kind ("gate", "benchmark", "input"...), its name, how. */
    public record Failure(String kind, String name, String detail) {
        public String line() {
            return kind + " " + name + ": " + detail;
        }
    }

    /**
     * How one relay's expected gate results came out. {@code expected} counts every result the run expected;
     * those neither held, failed nor not supported were missing, stale, invalid or aborted.
     *
     * @param relay the relay's name; for the default gates the name their results carry (null when none did)
     */
    public record Tally(String relay, int expected, int held, int failed, int notSupported) {

        public static Tally none() {
            return new Tally(null, 0, 0, 0, 0);
        }

        /** Results missing, stale, invalid, aborted or self-contradictory. */
        public int unusable() {
            return expected - held - failed - notSupported;
        }

        java.util.Optional<String> notSupportedNote() {
            return notSupported == 0
                    ? java.util.Optional.empty()
                    : java.util.Optional.of(
                            notSupported + " not supported by " + (relay == null ? "the relay" : relay));
        }

        /** "portkey: 3 held, 1 failed, 1 not supported". */
        String peerLine() {
            String line = relay + ": " + held + " held, " + failed + " failed, " + notSupported + " not supported";
            return unusable() > 0 ? line + ", " + unusable() + " without a usable result" : line;
        }
    }
}
