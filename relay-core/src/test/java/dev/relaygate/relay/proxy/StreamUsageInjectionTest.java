package dev.relaygate.relay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaygate.mock.ProfileSettings;
import dev.relaygate.relay.config.RequestLogConfig;
import dev.relaygate.relay.log.ModelPrice;
import dev.relaygate.relay.routing.RandomSource;
import dev.relaygate.relay.support.RelayFixture;
import dev.relaygate.relay.support.SseClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streams whose client did not ask for usage: the relay asks upstream, records it, and hides it. */
final class StreamUsageInjectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WITHOUT_USAGE = "{\"model\":\"gpt-4.1\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}],\"max_tokens\":8}";
    private static final String WITH_USAGE = "{\"model\":\"gpt-4.1\",\"stream\":true,"
            + "\"stream_options\":{\"include_usage\":true},"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}],\"max_tokens\":8}";

    @TempDir
    Path dir;

    @Test
    void aClientWithoutIncludeUsageGetsNoUsageEventYetTheRequestLogRecordsItsTokens() throws Exception {
        try (RelayFixture f = start()) {
            SseClient.Result r = SseClient.post(f.relay.baseUrl() + "/chat/completions", WITHOUT_USAGE, Map.of(),
                    e -> { });
            f.relay.accounting().flush();

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.error()).isNull();
            assertThat(r.events()).noneMatch(e -> e.data().contains("\"usage\""));
            assertThat(r.sawDone()).isTrue();
            int total = r.events().stream().mapToInt(SseClient.Event::total).max().orElse(-1);
            int[] seqs = r.events().stream().mapToInt(SseClient.Event::seq).filter(s -> s > 0).toArray();
            // The mock announced the usage event the relay asked for; every other event arrived in order.
            assertThat(seqs).hasSize(total - 1);
            for (int i = 0; i < seqs.length; i++) {
                assertThat(seqs[i]).isEqualTo(i + 1);
            }
            JsonNode line = single(lines());
            assertThat(line.path("prompt_tokens").asLong()).isPositive();
            assertThat(line.path("completion_tokens").asLong()).isPositive();
            assertThat(line.path("cost_usd").asDouble()).isPositive();
        }
    }

    @Test
    void aClientThatAskedForUsageStillGetsItsUsageEvent() throws Exception {
        try (RelayFixture f = start()) {
            SseClient.Result r = SseClient.post(f.relay.baseUrl() + "/chat/completions", WITH_USAGE, Map.of(),
                    e -> { });
            f.relay.accounting().flush();

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.completeAndInOrder()).as("events 1..total: %s", r.events()).isTrue();
            assertThat(r.events()).anyMatch(e -> e.data().contains("\"usage\"") && e.data().contains("\"choices\":[]"));
            assertThat(single(lines()).path("completion_tokens").asLong()).isPositive();
        }
    }

    @Test
    void eventsSplitAcrossManySmallChunksStillLoseOnlyTheUsageEvent() throws Exception {
        try (RelayFixture f = start()) {
            ProfileSettings slow = ProfileSettings.healthy().withGapBetweenEventsMs(20).withTokensPerAnswer(12);
            f.blue.switchProfile(slow);
            SseClient.Result r = SseClient.post(f.relay.baseUrl() + "/chat/completions", WITHOUT_USAGE, Map.of(),
                    e -> { });
            f.relay.accounting().flush();

            assertThat(r.events()).noneMatch(e -> e.data().contains("\"usage\""));
            assertThat(r.sawDone()).isTrue();
            assertThat(single(lines()).path("completion_tokens").asLong()).isPositive();
        }
    }

    private RelayFixture start() {
        Map<String, ModelPrice> prices = Map.of("gpt-4.1", ModelPrice.of(2.0, 0.5, 8.0));
        return RelayFixture.start(c -> c.withRequestLog(new RequestLogConfig(dir.toString(), null, null, null), prices),
                RandomSource.seeded(7));
    }

    private static JsonNode single(List<JsonNode> lines) {
        assertThat(lines).hasSize(1);
        return lines.get(0);
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
