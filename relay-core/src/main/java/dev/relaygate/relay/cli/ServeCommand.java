package dev.relaygate.relay.cli;

import dev.relaygate.relay.PortInUseException;
import dev.relaygate.relay.RelayServer;
import dev.relaygate.relay.config.ConfigException;
import dev.relaygate.relay.config.ConfigLoader;
import dev.relaygate.relay.config.RelayConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code relaygate serve --config FILE}: runs the relay until SIGTERM/SIGINT, then drains
 * (stops accepting, lets in-flight requests and streams finish up to {@code server.drain_timeout_ms}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the relay.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "YAML config (see examples/relaygate.yaml).")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        RelayConfig relayConfig;
        try {
            relayConfig = ConfigLoader.load(config);
        } catch (ConfigException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
        RelayServer relay;
        try {
            relay = RelayServer.start(relayConfig);
        } catch (ConfigException | PortInUseException e) {
            // One line naming the field: a stack trace adds nothing for a setting the operator can change.
            spec.commandLine().getErr().println("relaygate: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.err.println("relaygate: draining (up to "
                                    + relayConfig.server().drainTimeoutMs() + " ms)");
                            relay.close();
                            stopped.countDown();
                        },
                        "relaygate-shutdown"));
        var out = spec.commandLine().getOut();
        // The roles in effect: a restart after promote --swap may have reversed the config's.
        var roles = relay.upstreams().environments();
        out.println("relaygate listening on " + relay.baseUrl() + "  blue="
                + roles.blue().name()
                + " green=" + roles.green().name() + "  weights blue "
                + relay.policyStore().current().blueWeight() + " / green "
                + relay.policyStore().current().greenWeight());
        out.println("relaygate " + relay.connectionLimits());
        relay.fleetStatus()
                .ifPresent(fleet -> out.println("relaygate fleet " + fleet.get("name") + ": member "
                        + fleet.get("member_id") + ", " + ((List<?>) fleet.get("members")).size()
                        + " members in sight, leader " + fleet.get("leader") + ", record v"
                        + fleet.get("applied_version")));
        out.flush();
        stopped.await();
        return 0;
    }
}
