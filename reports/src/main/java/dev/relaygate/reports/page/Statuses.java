package dev.relaygate.reports.page;

import dev.relaygate.reports.input.Input;

/** Turns an input's state into what the page says about it. */
final class Statuses {

    static final String GATES_COMMAND = "./mvnw -B verify -pl gatling-simulations -am";
    static final String JMH_COMMAND = "./mvnw -B verify -pl jmh -am";
    static final String ROI_COMMAND = "./mvnw -B verify -pl roi-calculator -am";

    private Statuses() {}

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
