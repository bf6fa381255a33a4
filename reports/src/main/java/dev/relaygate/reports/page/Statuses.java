package dev.relaygate.reports.page;

import dev.relaygate.reports.claims.Scorecard;
import dev.relaygate.reports.input.Input;

/** Turns an input's state into what the page says about it. */
final class Statuses {

    static final String GATES_COMMAND = "./mvnw -B verify -pl gatling-simulations -am";
    static final String JMH_COMMAND = "./mvnw -B verify -pl jmh -am";
    static final String ROI_COMMAND = "./mvnw -B verify -pl roi-calculator -am";
    static final String CLAIMS_COMMAND = "./mvnw -B verify -Dclaims=FILE";

    private Statuses() {}

    /** The claims file: loaded, not given, or invalid with its first error (the scorecard lists them all). */
    static ReportPage.Status of(Scorecard scorecard) {
        String path = String.valueOf(scorecard.file());
        if (scorecard instanceof Scorecard.Invalid invalid) {
            return new ReportPage.Status(
                    "invalid", path, CLAIMS_COMMAND, invalid.errors().get(0));
        }
        if (scorecard instanceof Scorecard.NoFile) {
            return new ReportPage.Status("missing", path, CLAIMS_COMMAND, "not given");
        }
        return new ReportPage.Status("present", path, CLAIMS_COMMAND, "loaded");
    }

    static ReportPage.Status of(Input<?> input, String command) {
        String path = String.valueOf(input.path());
        if (input instanceof Input.Invalid<?> invalid) {
            return new ReportPage.Status("invalid", path, command, invalid.message());
        }
        if (input instanceof Input.Missing<?>) {
            return new ReportPage.Status("missing", path, command, "not run");
        }
        return new ReportPage.Status("present", path, command, "loaded");
    }
}
