package dev.relaygate.relay.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaygate.mock.ProfileSettings;
import dev.relaygate.relay.config.ModelPrice;
import dev.relaygate.relay.config.RequestLogConfig;
import dev.relaygate.relay.exchange.Environment;
import dev.relaygate.relay.support.Http;
import dev.relaygate.relay.support.RelayFixture;
import dev.relaygate.relay.time.RandomSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request log and cost accounting wired into the running relay, against the mock upstreams. */
final class RequestAccountingWiringTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SYSTEM = "You are terse.";
    private static final String USER = "Say hello";
    private static final ModelPrice PRICE = ModelPrice.of(2.0, 0.5, 8.0);
    /** Floating-point rounding only: one token, the cheapest being cached input, moves a cost by $0.0000005. */
    private static final Offset<Double> ROUNDING = within(1e-12);

    // The mock's token rule (mock-upstreams ChatRequest), the same for JSON and SSE answers:
    // prompt_tokens = ceil(chars of all messages / 4) = ceil((14 + 9) / 4) = 6;
    private static final int PROMPT_TOKENS = (SYSTEM.length() + USER.length() + 3) / 4;
    // cached_tokens = floor(chars of all messages but the last / 4) = floor(14 / 4) = 3;
    private static final int CACHED_TOKENS = SYSTEM.length() / 4;
    // completion_tokens = min(max_tokens, tokens_per_answer), the healthy profile answering 8 words.
    private static final int TOKENS_PER_ANSWER = ProfileSettings.healthy().tokensPerAnswer();

    @TempDir
    Path dir;

    @Test
    void everyRequestIsOneJsonLineWithUsageAndCostAndStatusShowsCostPerThousand() throws Exception {
        int jsonCompletion = Math.min(8, TOKENS_PER_ANSWER); // max_tokens 8: 8
        int streamCompletion = Math.min(5, TOKENS_PER_ANSWER); // max_tokens 5: 5
        // (6 - 3) x $2 + 3 x $0.5 + 8 x $8 per million = $0.0000715
        double jsonCost = cost(PROMPT_TOKENS, CACHED_TOKENS, jsonCompletion);
        // (6 - 3) x $2 + 3 x $0.5 + 5 x $8 per million = $0.0000475
        double streamCost = cost(PROMPT_TOKENS, CACHED_TOKENS, streamCompletion);
        try (RelayFixture f = RelayFixture.start(
                c -> c.withRequestLog(new RequestLogConfig(dir.toString(), null, null, null), Map.of("gpt-4.1", PRICE)),
                RandomSource.seeded(5))) {
            assertThat(Http.post(
                                    f.relay.baseUrl() + "/chat/completions",
                                    body(false, 8),
                                    Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                            .statusCode())
                    .isEqualTo(200);
            assertThat(Http.post(f.relay.baseUrl() + "/chat/completions", body(true, 5), Map.of())
                            .statusCode())
                    .isEqualTo(200);
            f.relay.accounting().flush();

            List<JsonNode> lines = lines();
            assertThat(lines).hasSize(2);
            JsonNode json = lines.get(0);
            assertThat(json.path("environment").asText()).isEqualTo("blue");
            assertThat(json.path("model").asText()).isEqualTo("gpt-4.1");
            assertThat(json.path("trace_id").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(json.path("status").asInt()).isEqualTo(200);
            assertThat(json.path("prompt_tokens").asLong()).isEqualTo(PROMPT_TOKENS);
            assertThat(json.path("cached_tokens").asLong()).isEqualTo(CACHED_TOKENS);
            assertThat(json.path("completion_tokens").asLong()).isEqualTo(jsonCompletion);
            assertThat(json.path("cost_usd").asDouble()).isCloseTo(jsonCost, ROUNDING);
            JsonNode streamed = lines.get(1);
            assertThat(streamed.path("environment").asText()).isEqualTo("blue");
            assertThat(streamed.path("status").asInt()).isEqualTo(200);
            assertThat(streamed.has("trace_id"))
                    .as("no traceparent, no trace_id")
                    .isFalse();
            // From the final SSE event's usage.
            assertThat(streamed.path("prompt_tokens").asLong()).isEqualTo(PROMPT_TOKENS);
            assertThat(streamed.path("cached_tokens").asLong()).isEqualTo(CACHED_TOKENS);
            assertThat(streamed.path("completion_tokens").asLong()).isEqualTo(streamCompletion);
            assertThat(streamed.path("cost_usd").asDouble()).isCloseTo(streamCost, ROUNDING);
            assertThat(String.join("\n", lines.stream().map(JsonNode::toString).toList()))
                    .doesNotContain("sk-blue-upstream");

            // Both requests priced: ($0.0000715 + $0.0000475) x 1000 / 2 = $0.0595 per 1,000 requests.
            double totalCost = jsonCost + streamCost;
            double per1000 = totalCost * 1000 / 2;
            assertThat(f.relay.accounting().cost(Environment.BLUE).costPer1000RequestsUsd())
                    .isCloseTo(per1000, ROUNDING);
            JsonNode status = f.status();
            assertThat(status.at("/cost/blue/requests").asLong()).isEqualTo(2);
            assertThat(status.at("/cost/blue/priced_requests").asLong()).isEqualTo(2);
            assertThat(status.at("/cost/blue/cost_usd").asDouble()).isCloseTo(totalCost, ROUNDING);
            assertThat(status.at("/cost/blue/cost_per_1000_requests_usd").asDouble())
                    .isCloseTo(per1000, ROUNDING);
            assertThat(status.at("/cost/green/requests").asLong()).isZero();
            assertThat(status.at("/cost/request_log/written").asLong()).isEqualTo(2);
            assertThat(Http.get(f.url("/metrics"), Map.of()).body())
                    .contains(String.format(
                            Locale.ROOT, "relaygate_cost_per_1000_requests_usd{environment=\"blue\"} %.6f", per1000))
                    .contains(String.format(
                            Locale.ROOT, "relaygate_cost_usd_total{environment=\"blue\"} %.6f", totalCost));
        }
    }

    private static String body(boolean stream, int maxTokens) {
        return "{\"model\":\"gpt-4.1\",\"stream\":" + stream
                + (stream ? ",\"stream_options\":{\"include_usage\":true}" : "")
                + ",\"messages\":[{\"role\":\"system\",\"content\":\"" + SYSTEM + "\"},"
                + "{\"role\":\"user\",\"content\":\"" + USER + "\"}],\"max_tokens\":" + maxTokens + "}";
    }

    /** USD at {@link #PRICE} (per million tokens); cached tokens are part of prompt_tokens. */
    private static double cost(int prompt, int cached, int completion) {
        return ((prompt - cached) * PRICE.inputPerMtok()
                        + cached * PRICE.cachedInputPerMtok()
                        + completion * PRICE.outputPerMtok())
                / 1_000_000;
    }

    private List<JsonNode> lines() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("requests-"))
                    .sorted()
                    .toList()) {
                for (String line : Files.readAllLines(p)) {
                    out.add(JSON.readTree(line));
                }
            }
        }
        return out;
    }
}
