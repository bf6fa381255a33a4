package dev.relaygate.relay.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaygate.relay.config.RequestLogConfig;
import dev.relaygate.relay.routing.Environment;
import dev.relaygate.relay.routing.RandomSource;
import dev.relaygate.relay.support.Http;
import dev.relaygate.relay.support.RelayFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request log and cost accounting wired into the running relay, against the mock upstreams. */
final class RequestAccountingWiringTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyRequestIsOneJsonLineWithUsageAndCostAndStatusShowsCostPerThousand() throws Exception {
        Map<String, ModelPrice> prices = Map.of("gpt-4.1", ModelPrice.of(2.0, 0.5, 8.0));
        try (RelayFixture f = RelayFixture.start(c -> c.withRequestLog(
                new RequestLogConfig(dir.toString(), null, null, null), prices), RandomSource.seeded(5))) {
            assertThat(Http.post(f.relay.baseUrl() + "/chat/completions", Http.chatBody("gpt-4.1", false),
                    Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).statusCode())
                    .isEqualTo(200);
            String streamBody = "{\"model\":\"gpt-4.1\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}],\"max_tokens\":8}";
            assertThat(Http.post(f.relay.baseUrl() + "/chat/completions", streamBody, Map.of()).statusCode())
                    .isEqualTo(200);
            f.relay.accounting().flush();

            List<JsonNode> lines = lines();
            assertThat(lines).hasSize(2);
            JsonNode json = lines.get(0);
            assertThat(json.path("environment").asText()).isEqualTo("blue");
            assertThat(json.path("trace_id").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(json.path("status").asInt()).isEqualTo(200);
            assertThat(json.path("prompt_tokens").asLong()).isPositive();
            assertThat(json.path("completion_tokens").asLong()).isPositive();
            assertThat(json.path("cost_usd").asDouble()).isPositive();
            JsonNode streamed = lines.get(1);
            assertThat(streamed.path("completion_tokens").asLong()).as("usage from the final SSE event").isPositive();
            assertThat(streamed.path("cost_usd").asDouble()).isPositive();
            assertThat(String.join("\n", lines.stream().map(JsonNode::toString).toList()))
                    .doesNotContain("sk-blue-upstream");

            assertThat(f.relay.accounting().cost(Environment.BLUE).costPer1000RequestsUsd()).isPositive();
            JsonNode status = f.status();
            assertThat(status.at("/cost/blue/cost_per_1000_requests_usd").asDouble()).isPositive();
            assertThat(status.at("/cost/request_log/written").asLong()).isEqualTo(2);
            assertThat(Http.get(f.url("/metrics"), Map.of()).body())
                    .contains("relaygate_cost_per_1000_requests_usd{environment=\"blue\"}");
        }
    }

    private List<JsonNode> lines() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("requests-")).sorted().toList()) {
                for (String line : Files.readAllLines(p)) {
                    out.add(JSON.readTree(line));
                }
            }
        }
        return out;
    }
}
