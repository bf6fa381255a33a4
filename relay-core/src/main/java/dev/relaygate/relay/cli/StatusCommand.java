package dev.relaygate.relay.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code relaygate status}: prints {@code GET /admin/status}. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show policy, weights and per-environment counts and latency percentiles.")
final class StatusCommand implements Callable<Integer> {

    @Mixin
    AdminOptions admin;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return admin.call(
                "GET",
                "/admin/status",
                null,
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
