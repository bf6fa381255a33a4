package dev.relaygate.gates.relays;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The Portkey AI gateway ({@code @portkey-ai/gateway}, installed by {@code npm ci} in {@code peers/portkey})
 * as a relay under test: a node child process on a free 127.0.0.1 port whose blue/green split is the
 * {@code x-portkey-config} header sent with every request ({@link PortkeyConfig}).
 *
 * <p>Portkey's start script has no host option and listens on all interfaces; a tiny preload module
 * ({@code node --import data:...}) makes a listen without a host bind 127.0.0.1 instead. Its output goes to
 * the log file (a file, never a pipe that could fill and stall it). It does not authenticate clients: the
 * client key is a constant nobody checks, and the config's {@code api_key} is what the upstream sees.
 */
public final class PortkeyGateway implements RelayUnderTest {

    public static final String NAME = "portkey";

    /** Portkey never checks a client's key; the gates still send one, as to any relay. */
    public static final String CLIENT_KEY = "sk-portkey-client-not-checked";

    /** Overrides the {@code node} on PATH. */
    public static final String NODE_PROPERTY = "peers.node";

    static final Path GATEWAY_PACKAGE = Path.of("node_modules", "@portkey-ai", "gateway");
    static final Path START_SCRIPT = GATEWAY_PACKAGE.resolve(Path.of("build", "start-server.js"));

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final int LOG_TAIL_LINES = 20;
    private static final int PORT_ATTEMPTS = 3;

    /** Environment the gateway reads that would change where or how it connects; removed for the child. */
    private static final List<String> UNSET_ENV = List.of(
            "HTTP_PROXY",
            "HTTPS_PROXY",
            "http_proxy",
            "https_proxy",
            "REDIS_CONNECTION_STRING",
            "TRUSTED_CUSTOM_HOSTS",
            "NODE_OPTIONS");

    /** Preload: a server listening on a port without a host (as Portkey's start script does) binds loopback. */
    private static final String LOOPBACK_PRELOAD = "import net from \"node:net\";\n"
            + "const listen = net.Server.prototype.listen;\n"
            + "net.Server.prototype.listen = function (...args) {\n"
            + "  if (typeof args[0] === \"number\" && (args[1] === undefined || typeof args[1] === \"function\")) {\n"
            + "    args.splice(1, args[1] === undefined ? 1 : 0, \"127.0.0.1\");\n"
            + "  }\n"
            + "  return listen.apply(this, args);\n"
            + "};\n";

    private final Process process;
    private final Thread shutdownHook;
    private final int port;
    private final String description;
    private final PortkeyConfig config;
    private volatile Map<String, String> headers;
    private boolean closed;

    private PortkeyGateway(Process process, Thread shutdownHook, int port, String description, PortkeyConfig config) {
        this.process = process;
        this.shutdownHook = shutdownHook;
        this.port = port;
        this.description = description;
        this.config = config;
        this.headers = Map.of(PortkeyConfig.HEADER, config.header(100, 0));
    }

    /**
     * Starts Portkey from {@code installDir} (holding {@code node_modules} after {@code npm ci}) against the
     * upstreams, blue 100 / green 0, and waits until it answers HTTP.
     *
     * @throws IllegalStateException naming what is missing and how to fix it, or the log file and its last
     *                               lines when the gateway does not come up
     */
    public static PortkeyGateway start(Upstreams upstreams, Path installDir, Path logFile) {
        String node = System.getProperty(NODE_PROPERTY);
        return start(upstreams, installDir, logFile, node == null || node.isBlank() ? "node" : node);
    }

    static PortkeyGateway start(Upstreams upstreams, Path installDir, Path logFile, String node) {
        PortkeyConfig config = new PortkeyConfig(upstreams);
        String nodeVersion = nodeVersion(node);
        Path dir = installDir.toAbsolutePath().normalize();
        Path script = dir.resolve(START_SCRIPT);
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("Portkey is not installed: " + script + " is missing; run `npm ci` in "
                    + dir + " or build with `./mvnw verify -Ppeers`, which runs it");
        }
        String gatewayVersion = gatewayVersion(dir.resolve(GATEWAY_PACKAGE).resolve("package.json"));
        String description = "@portkey-ai/gateway " + gatewayVersion + " on node " + nodeVersion + ", "
                + RelayKind.CHILD_PROCESS.label();
        try {
            Path parent = logFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.deleteIfExists(logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Portkey log " + logFile, e);
        }
        for (int attempt = 1; ; attempt++) {
            int port = freeLoopbackPort();
            Process process = launch(node, dir, script, port, logFile);
            Thread hook = new Thread(() -> stop(process), "portkey-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            PortkeyGateway gateway = new PortkeyGateway(process, hook, port, description, config);
            try {
                gateway.awaitReady(logFile);
                return gateway;
            } catch (RuntimeException e) {
                gateway.close();
                // another process may have taken the free port between our probe and node's listen
                if (attempt < PORT_ATTEMPTS && tail(logFile).contains("EADDRINUSE")) {
                    continue;
                }
                throw e;
            }
        }
    }

    private static String nodeVersion(String node) {
        Process p;
        try {
            p = new ProcessBuilder(node, "--version").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "node not found (tried `" + node + "`): install nodejs and npm (e.g. `apt-get install nodejs npm`)"
                            + " or name the node binary with -D" + NODE_PROPERTY + "=/path/to/node",
                    e);
        }
        try (InputStream out = p.getInputStream()) {
            String version = new String(out.readNBytes(200), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0 || !version.startsWith("v")) {
                p.destroyForcibly();
                throw new IllegalStateException("`" + node + " --version` did not answer a node version: " + version);
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read `" + node + " --version`", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted while asking node for its version", e);
        }
    }

    private static String gatewayVersion(Path packageJson) {
        try {
            String version = new ObjectMapper()
                    .readTree(packageJson.toFile())
                    .path("version")
                    .asText("");
            return version.isEmpty() ? "(unknown version)" : version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + packageJson, e);
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static Process launch(String node, Path dir, Path script, int port, Path logFile) {
        String preload = "data:text/javascript;base64,"
                + Base64.getEncoder().encodeToString(LOOPBACK_PRELOAD.getBytes(StandardCharsets.UTF_8));
        ProcessBuilder pb = new ProcessBuilder(
                        node, "--import=" + preload, script.toString(), "--port=" + port, "--headless")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        UNSET_ENV.forEach(pb.environment()::remove);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start `" + node + " " + script + "`: " + e.getMessage(), e);
        }
    }

    /** Polls {@code GET /} (Portkey answers "AI Gateway says hey!") until 200, the process dies or time runs out. */
    private void awaitReady(Path logFile) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(1))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl() + "/"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Portkey exited with code " + process.exitValue()
                        + " before answering on " + baseUrl() + "; its log " + logFile + " ends with:\n"
                        + tail(logFile));
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException e) {
                // not listening yet
            } catch (IOException e) {
                // listening but not answering yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Portkey", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Portkey did not answer on " + baseUrl() + " within "
                        + READY_TIMEOUT.toSeconds() + " s; its log " + logFile + " ends with:\n" + tail(logFile));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Portkey", e);
            }
        }
    }

    /** The log's last lines (ANSI escapes and spinner carriage returns dropped), or why it cannot be read. */
    static String tail(Path logFile) {
        try {
            String text = Files.readString(logFile, StandardCharsets.UTF_8)
                    .replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "")
                    .replace('\r', '\n');
            List<String> lines = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public RelayKind kind() {
        return RelayKind.CHILD_PROCESS;
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public String clientKey() {
        return CLIENT_KEY;
    }

    @Override
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public Set<String> headerNames() {
        return Set.of(PortkeyConfig.HEADER);
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(WeightControl.PER_REQUEST_CONFIG, false, true, false);
    }

    /** Takes effect for the next request a gate builds from {@link #headers()}. */
    @Override
    public void setWeights(int blue, int green) {
        headers = Map.of(PortkeyConfig.HEADER, config.header(blue, green));
    }

    /** CPU time of the node process and its descendants; empty when the platform does not report it. */
    @Override
    public OptionalLong cpuNanos() {
        OptionalLong own = cpuNanos(process.toHandle());
        if (own.isEmpty()) {
            return OptionalLong.empty();
        }
        long total = own.getAsLong();
        for (ProcessHandle child : process.descendants().toList()) {
            total += cpuNanos(child).orElse(0);
        }
        return OptionalLong.of(total);
    }

    private static OptionalLong cpuNanos(ProcessHandle handle) {
        return handle.info()
                .totalCpuDuration()
                .map(d -> OptionalLong.of(d.toNanos()))
                .orElse(OptionalLong.empty());
    }

    /** Stops the node process and its descendants: SIGTERM, up to 5 s, then SIGKILL. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop(process);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down; the hook stops it anyway
        }
    }

    private static void stop(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public String toString() {
        return NAME + " at " + baseUrl() + " (" + description + ")";
    }
}
