package dev.relaygate.relay.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code relaygate events [--since-ms T]}: prints the rollout timeline ({@code GET /admin/events}). */
@Command(
        name = "events",
        mixinStandardHelpOptions = true,
        description = "Show the rollout timeline: phase and weight changes, verdicts, rollbacks with evidence.")
final class EventsCommand implements Callable<Integer> {

    @Mixin
    AdminOptions admin;

    @Option(names = "--since-ms", description = "Only events at or after this epoch millisecond.")
    Long sinceMs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String path = "/admin/events" + (sinceMs == null ? "" : "?since_ms=" + sinceMs);
        return admin.call(
                "GET",
                path,
                null,
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
