package dev.relaygate.relay.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code relaygate reset}: after a rollback, back to STABLE (green stays 0) so a new rollout may start. */
@Command(
        name = "reset",
        mixinStandardHelpOptions = true,
        description = "Acknowledge a rollback: ROLLED_BACK -> STABLE (POST /admin/rollout/reset).")
final class ResetCommand implements Callable<Integer> {

    @Mixin
    AdminOptions admin;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return admin.call(
                "POST",
                "/admin/rollout/reset",
                "{}",
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
