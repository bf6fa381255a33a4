package dev.relaygate.mock.cli;

import dev.relaygate.mock.MockSettings;
import dev.relaygate.mock.MockUpstream;
import dev.relaygate.mock.Profile;
import dev.relaygate.mock.ProfileSettings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar mock-upstreams.jar --port 8081 --profile healthy --key sk-blue}: runs one mock until killed. */
@Command(
        name = "mock-upstreams",
        mixinStandardHelpOptions = true,
        version = "relaygate mock-upstreams 0.1.0",
        description = "OpenAI-compatible mock LLM provider (WireMock) on 127.0.0.1 with switchable fault profiles.",
        footer = {
            "",
            "Switch at run time: curl -X POST http://127.0.0.1:PORT/__admin/relaygate/profile "
                    + "-d '{\"profile\":\"flaky\",\"error_percent\":20}'"
        })
public final class MockMain implements Callable<Integer> {

    @Option(names = "--port", description = "Loopback port (0 = any free port). Default: ${DEFAULT-VALUE}")
    int port = 8081;

    @Option(names = "--key", required = true, description = "Accepted bearer API key.")
    String key;

    @Option(names = "--name", description = "Label used in completion ids. Default: ${DEFAULT-VALUE}")
    String name = "mock";

    @Option(
            names = "--profile",
            description = "healthy, slow, flaky, unauthorized, reset, mid-stream-abort, "
                    + "truncated-stream, latency-spike, divergent. Default: ${DEFAULT-VALUE}")
    String profile = "healthy";

    @Option(names = "--added-latency-ms", description = "slow: fixed delay; latency-spike: log-normal median.")
    Integer addedLatencyMs;

    @Option(names = "--error-percent", description = "flaky: share of failing chat requests, 0..100.")
    Double errorPercent;

    @Option(names = "--time-to-first-event-ms", description = "Delay to the first SSE event / JSON answer.")
    Integer timeToFirstEventMs;

    @Option(names = "--gap-between-events-ms", description = "Spacing of SSE events.")
    Integer gapBetweenEventsMs;

    @Option(names = "--tokens-per-answer", description = "Completion tokens per answer.")
    Integer tokensPerAnswer;

    @Option(names = "--abort-after-events", description = "mid-stream-abort / truncated-stream: events before the cut.")
    Integer abortAfterEvents;

    @Option(names = "--seed", description = "flaky: seed of the failure sequence.")
    Long seed;

    @Option(names = "--container-threads", description = "Jetty threads. Default: ${DEFAULT-VALUE}")
    int containerThreads = MockSettings.DEFAULT_THREADS;

    @Option(names = "--async-threads", description = "WireMock async response threads. Default: ${DEFAULT-VALUE}")
    int asyncThreads = MockSettings.DEFAULT_THREADS;

    /** The profile the options describe (unset options keep the healthy defaults). */
    ProfileSettings profileSettings() {
        ProfileSettings s = ProfileSettings.healthy().withProfile(Profile.parse(profile));
        if (addedLatencyMs != null) {
            s = s.withAddedLatencyMs(addedLatencyMs);
        }
        if (errorPercent != null) {
            s = s.withErrorPercent(errorPercent);
        }
        if (timeToFirstEventMs != null) {
            s = s.withTimeToFirstEventMs(timeToFirstEventMs);
        }
        if (gapBetweenEventsMs != null) {
            s = s.withGapBetweenEventsMs(gapBetweenEventsMs);
        }
        if (tokensPerAnswer != null) {
            s = s.withTokensPerAnswer(tokensPerAnswer);
        }
        if (abortAfterEvents != null) {
            s = s.withAbortAfterEvents(abortAfterEvents);
        }
        if (seed != null) {
            s = s.withSeed(seed);
        }
        return s;
    }

    MockSettings settings() {
        return new MockSettings(name, port, key, profileSettings(), containerThreads, asyncThreads);
    }

    @Override
    public Integer call() throws InterruptedException {
        MockUpstream mock = MockUpstream.start(settings());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            mock.close();
                            stopped.countDown();
                        },
                        "mock-shutdown"));
        PrintWriter out = new PrintWriter(System.out, true);
        out.printf(
                "mock %s listening: base URL %s, profile %s, admin %s%n",
                name, mock.baseUrl(), mock.profile().profile().cliName(), mock.profileAdminUrl());
        stopped.await();
        return 0;
    }

    public static void main(String[] args) {
        // The jar bundles slf4j-simple; WireMock/Jetty info logs would drown the one useful line.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        CommandLine cli = new CommandLine(new MockMain());
        // Bad values (e.g. --error-percent 140) exit 2 with the validation message, not a stack trace.
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(e.getMessage());
            return 2;
        });
        int code = cli.execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
