package dev.relaygate.relay.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code relaygate promote --swap}: after PROMOTED, green becomes blue and the old blue the idle green. */
@Command(
        name = "promote",
        mixinStandardHelpOptions = true,
        description = "Finish a promoted rollout by swapping roles (POST /admin/promote).")
final class PromoteCommand implements Callable<Integer> {

    @Mixin
    AdminOptions admin;

    @Option(names = "--swap", required = true, description = "Swap roles: green becomes blue (required).")
    boolean swap;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return admin.call(
                "POST",
                "/admin/promote",
                "{\"swap\":" + swap + "}",
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
