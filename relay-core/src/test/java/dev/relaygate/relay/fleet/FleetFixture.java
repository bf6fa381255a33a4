package dev.relaygate.relay.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaygate.mock.MockSettings;
import dev.relaygate.mock.MockUpstream;
import dev.relaygate.relay.RelayServer;
import dev.relaygate.relay.config.ClusterConfig;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.config.RequestLogConfig;
import dev.relaygate.relay.support.Http;
import dev.relaygate.relay.support.RelayFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/** Two mock upstreams and three relays clustered on loopback in this JVM, each with its own state file. */
final class FleetFixture implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final MockUpstream blue;
    final MockUpstream green;
    final List<Integer> clusterPorts;
    final Path dir;
    final String name;
    final RelayServer[] members;

    private FleetFixture(MockUpstream blue, MockUpstream green, List<Integer> ports, Path dir, String name, int size) {
        this.blue = blue;
        this.green = green;
        this.clusterPorts = ports;
        this.dir = dir;
        this.name = name;
        this.members = new RelayServer[size];
    }

    /** Starts the mocks and three members (the first alone first, so it is the oldest: the leader). */
    static FleetFixture start(Path dir, UnaryOperator<RelayConfig> customize) {
        MockUpstream blue = MockUpstream.start(MockSettings.of("blue", "sk-blue-upstream"));
        MockUpstream green = MockUpstream.start(MockSettings.of("green", "sk-green-upstream"));
        List<Integer> ports = List.of(freePort(), freePort(), freePort());
        FleetFixture f = new FleetFixture(blue, green, ports, dir, "fleet-test-" + ports.get(0), 3);
        try {
            f.members[0] = RelayServer.start(customize.apply(f.config(0)));
            List<CompletableFuture<RelayServer>> joiners = new ArrayList<>();
            for (int i = 1; i < 3; i++) {
                RelayConfig c = customize.apply(f.config(i));
                joiners.add(CompletableFuture.supplyAsync(() -> RelayServer.start(c)));
            }
            for (int i = 1; i < 3; i++) {
                f.members[i] = joiners.get(i - 1).join();
            }
            f.await("three members in every member's status", () -> {
                for (int i = 0; i < 3; i++) {
                    if (f.status(i).path("cluster").path("members").size() != 3) {
                        return false;
                    }
                }
                return true;
            });
            return f;
        } catch (RuntimeException | Error e) {
            f.close();
            throw e;
        }
    }

    /** Member {@code i}'s config: its own relay port, cluster port, state file and log directory. */
    RelayConfig config(int i) {
        return RelayFixture.baseConfig(blue.baseUrl(), green.baseUrl())
                .withStateFile(dir.resolve("state-" + i + ".json").toString())
                .withRequestLog(new RequestLogConfig(logDir(i).toString(), null, null, null), java.util.Map.of())
                .withCluster(ClusterConfig.loopback(name, clusterPorts.get(i), clusterPorts));
    }

    /** Member {@code i}'s request log directory. */
    Path logDir(int i) {
        return dir.resolve("logs-" + i);
    }

    /** Starts member {@code i} again (after {@link #stop}) with {@code config}. */
    void restart(int i, RelayConfig config) {
        members[i] = RelayServer.start(config);
    }

    void stop(int i) {
        if (members[i] != null) {
            members[i].close();
            members[i] = null;
        }
    }

    JsonNode status(int i) {
        return json(Http.get(members[i].adminUrl() + "/admin/status", RelayFixture.admin()));
    }

    JsonNode post(int i, String path, String body) {
        HttpResponse<String> r = Http.post(members[i].adminUrl() + path, body, RelayFixture.admin());
        JsonNode node = json(r);
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("http_status", r.statusCode());
        return node;
    }

    JsonNode applied(int i) {
        return json(Http.get(members[i].adminUrl() + "/admin/cluster/applied", RelayFixture.admin()));
    }

    int greenWeight(int i) {
        return members[i].policyStore().current().greenWeight();
    }

    void await(String what, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (HTTP " + r.statusCode() + "): " + r.body(), e);
        }
    }

    /**
     * A free loopback port for a member's cluster address, below the kernel's ephemeral range. A port from that
     * range (what binding port 0 gives) can be handed to any outgoing connection as its local port while its
     * member is stopped, and the member's restart on it then fails with "address already in use"; no outgoing
     * connection is ever given a port below the range.
     */
    static int freePort() {
        int below = ephemeralLow();
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = below - 1 - ThreadLocalRandom.current().nextInt(Math.min(12_000, below - 1_025));
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new IllegalStateException("no free loopback port below " + below + " after 500 attempts");
    }

    /** The low end of Linux's ephemeral port range; 32768 (its default, below macOS's 49152) elsewhere. */
    private static int ephemeralLow() {
        try {
            // read by lines: Files.readString trusts the file's size, and /proc reports 0 (it read one byte)
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .get(0)
                    .trim();
            int low = Integer.parseInt(range.split("\\s+")[0]);
            return low > 2_048 ? low : 32_768;
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    @Override
    public void close() {
        for (int i = members.length - 1; i >= 0; i--) {
            try {
                stop(i);
            } catch (RuntimeException e) {
                // keep closing the others
            }
        }
        green.close();
        blue.close();
    }
}
