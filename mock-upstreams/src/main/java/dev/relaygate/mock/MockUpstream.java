package dev.relaygate.mock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.relaygate.mock.internal.AbortingPassThrough;
import dev.relaygate.mock.internal.MockTransformer;
import dev.relaygate.mock.internal.ProfileAdminExtension;
import dev.relaygate.mock.internal.ProfileState;
import dev.relaygate.mock.internal.ServedCounter;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One running OpenAI-compatible mock provider on 127.0.0.1: WireMock (request journal off, async responses)
 * behind a small pass-through on the public port that can cut a response mid-stream.
 */
public final class MockUpstream implements AutoCloseable {

    private final MockSettings settings;
    private final ProfileState state;
    private final ServedCounter counter;
    private final WireMockServer wireMock;
    private final Vertx vertx;
    private final AbortingPassThrough passThrough;
    private final int port;

    private MockUpstream(
            MockSettings settings,
            ProfileState state,
            ServedCounter counter,
            WireMockServer wireMock,
            Vertx vertx,
            AbortingPassThrough passThrough,
            int port) {
        this.settings = settings;
        this.state = state;
        this.counter = counter;
        this.wireMock = wireMock;
        this.vertx = vertx;
        this.passThrough = passThrough;
        this.port = port;
    }

    /** Starts WireMock and the pass-through; blocks until both listen. */
    public static MockUpstream start(MockSettings settings) {
        ObjectMapper mapper = new ObjectMapper();
        ProfileState state = new ProfileState(settings.profile());
        ServedCounter counter = new ServedCounter();
        WireMockConfiguration config = WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .disableRequestJournal()
                .stubRequestLoggingDisabled(true)
                .containerThreads(settings.containerThreads())
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(settings.asyncResponseThreads())
                .jettyAcceptors(1)
                .jettyAcceptQueueSize(1024)
                .maxLoggedResponseSize(0)
                .extensions(
                        new MockTransformer(settings.name(), settings.apiKey(), state, mapper),
                        counter,
                        new ProfileAdminExtension(state, counter, mapper));
        WireMockServer wireMock = new WireMockServer(config);
        wireMock.start();
        Vertx vertx = null;
        try {
            wireMock.stubFor(route(post(urlPathEqualTo("/v1/chat/completions")), "chat", 1));
            wireMock.stubFor(route(get(urlPathEqualTo("/v1/models")), "models", 1));
            wireMock.stubFor(route(post(urlPathEqualTo("/v1/messages")), "messages", 1));
            wireMock.stubFor(route(any(urlPathMatching("/.*")), "other", 10));
            vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
            AbortingPassThrough passThrough = new AbortingPassThrough(vertx, wireMock.port(), counter);
            int port = passThrough
                    .listen(settings.port())
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            return new MockUpstream(settings, state, counter, wireMock, vertx, passThrough, port);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly(wireMock, vertx);
            throw new IllegalStateException("interrupted while starting mock " + settings.name(), e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            stopQuietly(wireMock, vertx);
            throw new IllegalStateException(
                    "mock " + settings.name() + " could not listen on 127.0.0.1:" + settings.port() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private static MappingBuilder route(MappingBuilder mapping, String endpoint, int priority) {
        return mapping.atPriority(priority)
                .willReturn(aResponse()
                        .withTransformers(MockTransformer.NAME)
                        .withTransformerParameter(MockTransformer.ENDPOINT, endpoint));
    }

    private static void stopQuietly(WireMockServer wireMock, Vertx vertx) {
        wireMock.stop();
        if (vertx != null) {
            vertx.close();
        }
    }

    /** The public (pass-through) port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>/v1}: what a relay or client uses as its OpenAI base URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/v1";
    }

    /** {@code http://127.0.0.1:<port>/__admin/relaygate/profile}: GET the profile, POST a JSON change. */
    public String profileAdminUrl() {
        return "http://127.0.0.1:" + port + "/__admin/relaygate/profile";
    }

    public String name() {
        return settings.name();
    }

    public MockSettings settings() {
        return settings;
    }

    /** Takes effect for the next request; streams already started keep their schedule. */
    public void switchProfile(ProfileSettings p) {
        state.set(p);
    }

    /** Like {@link #switchProfile} and returns the switch instant (epoch ms) for a simulation's timeline. */
    public long switchProfileAt(ProfileSettings p) {
        return state.set(p);
    }

    public ProfileSettings profile() {
        return state.get();
    }

    public ServedCounts counts() {
        return counter.snapshot();
    }

    public void resetCounts() {
        counter.reset();
    }

    @Override
    public void close() {
        try {
            passThrough.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // closing anyway below; a pass-through that fails to close holds no state worth reporting
        } finally {
            stopQuietly(wireMock, vertx);
        }
    }

    @Override
    public String toString() {
        return "MockUpstream[" + settings.name() + " " + baseUrl() + " "
                + state.get().profile().cliName() + "]";
    }
}
