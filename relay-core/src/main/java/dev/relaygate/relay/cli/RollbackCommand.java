package dev.relaygate.relay.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code relaygate rollback}: {@code POST /admin/rollback} (blue 100, green 0). */
@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        description = "Send every new request to blue (in-flight streams finish where they started).")
final class RollbackCommand implements Callable<Integer> {

    @Mixin
    AdminOptions admin;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return admin.call(
                "POST",
                "/admin/rollback",
                "{}",
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
