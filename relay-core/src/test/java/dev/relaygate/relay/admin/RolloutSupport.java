package dev.relaygate.relay.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.config.TrafficShiftSettings;
import dev.relaygate.relay.support.Http;
import dev.relaygate.relay.support.RelayFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/** Shared calls for the rollout wiring tests. */
final class RolloutSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A timer period so long that only the test's own ticks count. */
    static final long IDLE_TIMER_MS = 60_000;

    /**
     * Judge settings that decide on a few dozen requests: a loose error-rate hypothesis (20% vs 1%)
     * makes the SPRT cross its bounds after ~25 healthy answers or ~3 errors; latency limits are out of
     * reach so a noisy machine cannot decide these tests.
     */
    static final String FAST_JUDGE = "\"validation_threshold\":{\"error_rate\":0.2,\"baseline_error_rate\":0.01,"
            + "\"min_samples\":20,\"latency_p99_ms\":60000,\"p99_difference_ms\":60000}";

    private RolloutSupport() {}

    static RelayConfig idleTimer(RelayConfig c) {
        return c.withTrafficShift(TrafficShiftSettings.of(null, null, null, IDLE_TIMER_MS, null));
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> admin(RelayFixture f, String method, String path, String body) {
        return Http.send(method, f.url(path), body, withJson(RelayFixture.admin()));
    }

    static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    static JsonNode status(RelayFixture f) {
        return f.status();
    }

    /** Sends {@code n} chat completions pinned to one environment; returns how many were 2xx. */
    static int chats(RelayFixture f, String environment, int n) {
        int ok = 0;
        for (int i = 0; i < n; i++) {
            HttpResponse<String> r = Http.post(
                    f.relay.baseUrl() + "/chat/completions",
                    Http.chatBody("gpt-4.1", false),
                    Map.of("X-Route-Policy", environment));
            ok += r.statusCode() / 100 == 2 ? 1 : 0;
        }
        return ok;
    }

    /**
     * Sends chat completions the way the policy routes them until every environment with a positive weight
     * answered at least {@code perEnvironment} of them, all 2xx (forced requests are no canary samples).
     */
    static void samplesByPolicy(RelayFixture f, int perEnvironment) {
        int green = 0;
        int blue = 0;
        for (int i = 0; i < 100 * perEnvironment; i++) {
            int greenWeight = f.relay.policyStore().current().greenWeight();
            if ((greenWeight == 0 || green >= perEnvironment) && (greenWeight == 100 || blue >= perEnvironment)) {
                return;
            }
            HttpResponse<String> r =
                    Http.post(f.relay.baseUrl() + "/chat/completions", Http.chatBody("gpt-4.1", false), Map.of());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            if (r.headers().firstValue("X-Relay-Environment").orElse("").equals("green")) {
                green++;
            } else {
                blue++;
            }
        }
        throw new AssertionError(
                "the policy sent " + green + " green and " + blue + " blue of " + (100 * perEnvironment) + " requests");
    }

    /** One tick on the rollout thread (serialized with the timer, like production ticks). */
    static void tick(RelayFixture f) {
        f.relay
                .rolloutTicker()
                .call(() -> {
                    f.relay.rollout().tick();
                    return null;
                })
                .join();
    }

    private static Map<String, String> withJson(Map<String, String> headers) {
        Map<String, String> out = new HashMap<>(headers);
        out.put("Content-Type", "application/json");
        return out;
    }
}
