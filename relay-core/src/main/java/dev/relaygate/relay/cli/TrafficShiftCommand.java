package dev.relaygate.relay.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code relaygate traffic-shift --blue 90 --green 10}: {@code POST /admin/traffic-shift}. */
@Command(
        name = "traffic-shift",
        mixinStandardHelpOptions = true,
        description = "Set the blue/green split for new requests (cancels an active rollout).")
final class TrafficShiftCommand implements Callable<Integer> {

    @Mixin
    AdminOptions admin;

    @Option(names = "--blue", required = true, description = "Percent to blue [0,100].")
    int blue;

    @Option(names = "--green", required = true, description = "Percent to green [0,100].")
    int green;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (blue + green != 100 || blue < 0 || green < 0) {
            spec.commandLine()
                    .getErr()
                    .println("--blue + --green must be 100 with both in [0,100], but was " + blue + " + " + green);
            return 2;
        }
        return admin.call(
                "POST",
                "/admin/traffic-shift",
                "{\"blue\":" + blue + ",\"green\":" + green + "}",
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
