package dev.relaygate.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.relay.support.LowDescriptorRelayMain;
import dev.relaygate.relay.support.RawHttp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The relay in a child JVM with an open-file limit of {@value #OPEN_FILE_LIMIT}: more idle connections than
 * the process has descriptors are refused cleanly past the connection limit, the relay serves again once
 * they close, and SIGTERM still ends it promptly.
 */
@Tag("abuse")
final class DescriptorExhaustionTest {

    private static final int OPEN_FILE_LIMIT = 512;
    private static final int CONNECTIONS = 2 * OPEN_FILE_LIMIT;
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/v1");
    private static final Pattern LIMIT = Pattern.compile("connection limit (\\d+) \\(open-file limit (\\d+),");

    private Process child;
    private final List<RawHttp> clients = new ArrayList<>();
    private final List<String> output = new CopyOnWriteArrayList<>();

    @AfterEach
    void cleanUp() throws InterruptedException {
        clients.forEach(RawHttp::close);
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void connectionsPastTheOpenFileLimitAreRefusedCleanlyAndTheRelayRecoversAndStopsPromptly() throws Exception {
        startChild();
        int port = Integer.parseInt(awaitOutput(LISTENING).group(1));
        Matcher limits = awaitOutput(LIMIT);
        int maxConnections = Integer.parseInt(limits.group(1));
        assertThat(Integer.parseInt(limits.group(2))).isEqualTo(OPEN_FILE_LIMIT);
        assertThat(maxConnections).isBetween(1, OPEN_FILE_LIMIT - 1);

        for (int i = 0; i < CONNECTIONS; i++) {
            clients.add(RawHttp.connect(port));
        }
        // Every connection past the limit is answered 503 and closed; the ones within it stay open and silent.
        List<RawHttp> undecided = new ArrayList<>(clients);
        int refused = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (refused < CONNECTIONS - maxConnections && System.nanoTime() < deadline) {
            for (var it = undecided.iterator(); it.hasNext(); ) {
                RawHttp c = it.next();
                if (c.available() > 0) {
                    RawHttp.Response r = c.readResponse();
                    ClientConnectionLimitsTest.assertOpenAiError(r, 503, "connection_limit");
                    assertThat(c.awaitClose(5_000)).isTrue();
                    refused++;
                    it.remove();
                }
            }
            Thread.sleep(20);
        }
        assertThat(refused)
                .as("refused; the child printed:\n%s", String.join("\n", output))
                .isEqualTo(CONNECTIONS - maxConnections);
        assertThat(child.isAlive()).isTrue();

        clients.forEach(RawHttp::close);
        long closedAt = System.nanoTime();
        int status = 0;
        while (status != 200 && System.nanoTime() - closedAt < TimeUnit.SECONDS.toNanos(15)) {
            try (RawHttp c = RawHttp.connect(port)) {
                c.send("GET /v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                status = c.readResponse().status();
            }
        }
        long recoveredMs = (System.nanoTime() - closedAt) / 1_000_000;
        assertThat(status).as("a normal request after the flood").isEqualTo(200);

        long termAt = System.nanoTime();
        child.destroy();
        assertThat(child.waitFor(5, TimeUnit.SECONDS))
                .as("SIGTERM ends the relay within 5 s")
                .isTrue();
        long stoppedMs = (System.nanoTime() - termAt) / 1_000_000;
        System.out.printf(
                "descriptor exhaustion: open-file limit %d, connection limit %d, %d connections opened, %d refused,"
                        + " serving again %d ms after they closed, SIGTERM took %d ms%n",
                OPEN_FILE_LIMIT, maxConnections, CONNECTIONS, refused, recoveredMs, stoppedMs);
        assertThat(String.join("\n", output)).doesNotContain("NoClassDefFoundError", "Too many open files");
    }

    private void startChild() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                "bash",
                "-c",
                "ulimit -n " + OPEN_FILE_LIMIT + " && exec \"$0\" -Xmx256m -cp \"$1\" \"$2\"",
                java,
                System.getProperty("java.class.path"),
                LowDescriptorRelayMain.class.getName());
        pb.redirectErrorStream(true);
        child = pb.start();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = in.readLine()) != null; ) {
                            output.add(line);
                        }
                    } catch (IOException e) {
                        output.add("reading the child's output failed: " + e);
                    }
                },
                "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** The first line of the child's output that matches, waiting up to 60 s for it. */
    private Matcher awaitOutput(Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int next = 0;
        while (System.nanoTime() < deadline) {
            boolean ended = !child.isAlive();
            for (; next < output.size(); next++) {
                Matcher m = pattern.matcher(output.get(next));
                if (m.find()) {
                    return m;
                }
            }
            if (ended) {
                break;
            }
            Thread.sleep(20);
        }
        String exit = child.isAlive() ? "still running" : "exited with " + child.exitValue();
        throw new AssertionError(
                "the child (" + exit + ") never printed " + pattern + "; it printed:\n" + String.join("\n", output));
    }
}
