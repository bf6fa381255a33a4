package dev.relaygate.relay.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaygate.mock.ProfileSettings;
import dev.relaygate.relay.config.ModelPrice;
import dev.relaygate.relay.config.RequestLogConfig;
import dev.relaygate.relay.support.Http;
import dev.relaygate.relay.support.RelayFixture;
import dev.relaygate.relay.support.SseClient;
import dev.relaygate.relay.time.RandomSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streams whose client did not ask for usage: the relay asks upstream, records it, and hides it. */
final class StreamUsageInjectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DONE = "[DONE]";
    private static final String PROMPT = "Say hello";
    private static final ModelPrice PRICE = ModelPrice.of(2.0, 0.5, 8.0);
    /** Floating-point rounding only: one token, the cheapest being cached input, moves a cost by $0.0000005. */
    private static final Offset<Double> ROUNDING = within(1e-12);

    // The mock's token rule (mock-upstreams ChatRequest): prompt_tokens = ceil(chars of all messages / 4)
    // = ceil(9 / 4) = 3; one message has no cached prefix, so cached_tokens = 0.
    private static final int PROMPT_TOKENS = (PROMPT.length() + 3) / 4;
    // completion_tokens = answer words = content events = min(max_tokens, tokens_per_answer): the healthy
    // profile's 8, with max_tokens 8.
    private static final int HEALTHY_WORDS = ProfileSettings.healthy().tokensPerAnswer();
    private static final int MAX_TOKENS = 8;

    @TempDir
    Path dir;

    @Test
    void aClientWithoutIncludeUsageGetsNoUsageEventYetTheRequestLogRecordsItsTokens() throws Exception {
        int words = Math.min(MAX_TOKENS, HEALTHY_WORDS);
        try (RelayFixture f = start()) {
            SseClient.Result r = SseClient.post(
                    f.relay.baseUrl() + "/chat/completions", body(true, false, MAX_TOKENS), Map.of(), e -> {});
            f.relay.accounting().flush();

            List<JsonNode> events = jsonEventsEndingInOneDone(r);
            // Upstream sent `words` content events, the finish event and the usage event the relay asked for,
            // numbered 1..words+2; the client got all but the last.
            assertThat(events)
                    .extracting(e -> e.path("relaygate_total").asInt())
                    .containsOnly(words + 2);
            assertThat(events)
                    .extracting(e -> e.path("relaygate_seq").asInt())
                    .containsExactlyElementsOf(oneTo(words + 1));
            assertThat(contents(events))
                    .containsExactlyElementsOf(mockChunks(f, MAX_TOKENS))
                    .hasSize(words);
            assertThat(events.get(words).at("/choices/0/finish_reason").asText())
                    .isEqualTo("stop");
            assertThat(r.events()).noneMatch(e -> e.data().contains("\"usage\""));

            assertLogged(single(lines()), PROMPT_TOKENS, 0, words);
        }
    }

    @Test
    void aClientThatAskedForUsageStillGetsItsUsageEvent() throws Exception {
        int words = Math.min(MAX_TOKENS, HEALTHY_WORDS);
        try (RelayFixture f = start()) {
            SseClient.Result r = SseClient.post(
                    f.relay.baseUrl() + "/chat/completions", body(true, true, MAX_TOKENS), Map.of(), e -> {});
            f.relay.accounting().flush();

            List<JsonNode> events = jsonEventsEndingInOneDone(r);
            // Content events, the finish event, then the usage event: all words+2 of them reach the client.
            assertThat(events)
                    .extracting(e -> e.path("relaygate_total").asInt())
                    .containsOnly(words + 2);
            assertThat(events)
                    .extracting(e -> e.path("relaygate_seq").asInt())
                    .containsExactlyElementsOf(oneTo(words + 2));
            assertThat(contents(events))
                    .containsExactlyElementsOf(mockChunks(f, MAX_TOKENS))
                    .hasSize(words);
            assertThat(events.get(words).at("/choices/0/finish_reason").asText())
                    .isEqualTo("stop");
            JsonNode usageEvent = events.get(words + 1);
            assertThat(usageEvent.path("choices").isArray()).isTrue();
            assertThat(usageEvent.path("choices")).isEmpty();
            assertThat(usageEvent.at("/usage/prompt_tokens").asInt()).isEqualTo(PROMPT_TOKENS);
            assertThat(usageEvent
                            .at("/usage/prompt_tokens_details/cached_tokens")
                            .asInt())
                    .isZero();
            assertThat(usageEvent.at("/usage/completion_tokens").asInt()).isEqualTo(words);
            assertThat(usageEvent.at("/usage/total_tokens").asInt()).isEqualTo(PROMPT_TOKENS + words);

            assertLogged(single(lines()), PROMPT_TOKENS, 0, words);
        }
    }

    @Test
    void aStreamArrivingEventByEventStillLosesOnlyTheUsageEvent() throws Exception {
        // 20 ms between events, so the relay's filter sees them one chunk at a time; max_tokens 16 leaves the
        // profile's 12 words uncapped: 12 content events.
        int tokensPerAnswer = 12;
        int maxTokens = 16;
        int words = Math.min(maxTokens, tokensPerAnswer);
        try (RelayFixture f = start()) {
            f.blue.switchProfile(
                    ProfileSettings.healthy().withGapBetweenEventsMs(20).withTokensPerAnswer(tokensPerAnswer));
            SseClient.Result r = SseClient.post(
                    f.relay.baseUrl() + "/chat/completions", body(true, false, maxTokens), Map.of(), e -> {});
            f.relay.accounting().flush();

            List<JsonNode> events = jsonEventsEndingInOneDone(r);
            assertThat(events)
                    .extracting(e -> e.path("relaygate_total").asInt())
                    .containsOnly(words + 2);
            assertThat(events)
                    .extracting(e -> e.path("relaygate_seq").asInt())
                    .containsExactlyElementsOf(oneTo(words + 1));
            assertThat(contents(events))
                    .containsExactlyElementsOf(mockChunks(f, maxTokens))
                    .hasSize(words);
            assertThat(events.get(words).at("/choices/0/finish_reason").asText())
                    .isEqualTo("stop");
            assertThat(r.events()).noneMatch(e -> e.data().contains("\"usage\""));

            assertLogged(single(lines()), PROMPT_TOKENS, 0, words);
        }
    }

    private RelayFixture start() {
        return RelayFixture.start(
                c -> c.withRequestLog(new RequestLogConfig(dir.toString(), null, null, null), Map.of("gpt-4.1", PRICE)),
                RandomSource.seeded(7));
    }

    private static String body(boolean stream, boolean includeUsage, int maxTokens) {
        return "{\"model\":\"gpt-4.1\",\"stream\":" + stream
                + (includeUsage ? ",\"stream_options\":{\"include_usage\":true}" : "")
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}],\"max_tokens\":" + maxTokens
                + "}";
    }

    /**
     * The content chunks the mock streams for this prompt, read from its own JSON answer (its words are a
     * function of the prompt only): one word per chunk, each after the first with a leading space.
     */
    private static List<String> mockChunks(RelayFixture f, int maxTokens) throws IOException {
        HttpResponse<String> direct = Http.post(
                f.blue.baseUrl() + "/chat/completions",
                body(false, false, maxTokens),
                Map.of("Authorization", "Bearer " + f.blue.settings().apiKey()));
        assertThat(direct.statusCode()).as(direct.body()).isEqualTo(200);
        String[] answerWords = JSON.readTree(direct.body())
                .at("/choices/0/message/content")
                .asText()
                .split(" ");
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < answerWords.length; i++) {
            chunks.add(i == 0 ? answerWords[i] : " " + answerWords[i]);
        }
        return chunks;
    }

    /** The stream arrived whole: status 200, no error, {@code [DONE]} once and last; the JSON events before it. */
    private static List<JsonNode> jsonEventsEndingInOneDone(SseClient.Result r) {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.error()).isNull();
        List<String> data = r.events().stream().map(SseClient.Event::data).toList();
        assertThat(data).isNotEmpty().endsWith(DONE).filteredOn(DONE::equals).hasSize(1);
        return data.subList(0, data.size() - 1).stream()
                .map(StreamUsageInjectionTest::json)
                .toList();
    }

    /** Each event's {@code choices[0].delta.content}, for the events that carry one. */
    private static List<String> contents(List<JsonNode> events) {
        return events.stream()
                .map(e -> e.at("/choices/0/delta/content"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .toList();
    }

    private static List<Integer> oneTo(int n) {
        return IntStream.rangeClosed(1, n).boxed().toList();
    }

    /** Tokens as the mock counted them, and their cost at {@link #PRICE} (USD per million tokens). */
    private static void assertLogged(JsonNode line, int prompt, int cached, int completion) {
        assertThat(line.path("status").asInt()).isEqualTo(200);
        assertThat(line.path("prompt_tokens").asLong()).isEqualTo(prompt);
        assertThat(line.path("cached_tokens").asLong()).isEqualTo(cached);
        assertThat(line.path("completion_tokens").asLong()).isEqualTo(completion);
        double cost = ((prompt - cached) * PRICE.inputPerMtok()
                        + cached * PRICE.cachedInputPerMtok()
                        + completion * PRICE.outputPerMtok())
                / 1_000_000;
        assertThat(line.path("cost_usd").asDouble()).isCloseTo(cost, ROUNDING);
    }

    private static JsonNode single(List<JsonNode> lines) {
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    private static JsonNode json(String data) {
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException("event data is not JSON: " + data, e);
        }
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
