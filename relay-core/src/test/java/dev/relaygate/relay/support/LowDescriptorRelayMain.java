package dev.relaygate.relay.support;

import dev.relaygate.mock.MockSettings;
import dev.relaygate.mock.MockUpstream;
import dev.relaygate.relay.cli.RelaygateCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child JVM for descriptor-exhaustion tests: two mock upstreams and {@code relaygate serve} in one process,
 * with small upstream pools and {@code server.max_connections: 0}, so the relay derives its connection limit
 * from whatever open-file limit the parent started this process with. The relay prints its port and limit on
 * standard output; SIGTERM drains and exits as in production.
 */
public final class LowDescriptorRelayMain {

    private LowDescriptorRelayMain() {}

    public static void main(String[] args) throws IOException {
        MockUpstream blue =
                MockUpstream.start(MockSettings.of("blue", "sk-blue-upstream").withThreads(16, 8));
        MockUpstream green =
                MockUpstream.start(MockSettings.of("green", "sk-green-upstream").withThreads(16, 8));
        Path config = Files.createTempFile("relaygate-low-descriptors", ".yaml");
        config.toFile().deleteOnExit();
        Files.writeString(config, """
                server: {host: 127.0.0.1, port: 0, event_loops: 2, drain_timeout_ms: 2000, max_connections: 0}
                environments:
                  blue: {name: blue, base_url: "%s", api_key: sk-blue-upstream}
                  green: {name: green, base_url: "%s", api_key: sk-green-upstream}
                admin: {token: admin-token-for-tests}
                upstream: {pool_size: 4}
                health_check_interval_seconds: 0
                """.formatted(blue.baseUrl(), green.baseUrl()));
        System.exit(RelaygateCli.run("serve", "--config", config.toString()));
    }
}
