package dev.relaygate.mock;

import static dev.relaygate.mock.MockClient.json;
import static dev.relaygate.mock.MockClient.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class AnthropicMessagesTest {

    private static final String KEY = "sk-ant-test";
    private static final String SYSTEM = "You are terse and helpful.";
    private static MockUpstream mock;

    @BeforeAll
    static void start() {
        mock = MockUpstream.start(MockSettings.of("claude", KEY));
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @BeforeEach
    void healthy() {
        mock.switchProfile(ProfileSettings.healthy());
    }

    private static HttpResponse<String> messages(String prompt, boolean stream, String apiKey) {
        String body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"stream\":" + stream + ",\"system\":\""
                + SYSTEM + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}";
        return send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/messages"))
                .header("x-api-key", apiKey)
                .header("anthropic-version", "2023-06-01")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static List<JsonNode> dataOf(String sse) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : sse.split("\n")) {
            if (line.startsWith("data: ")) {
                out.add(json(line.substring(6)));
            }
        }
        return out;
    }

    @Test
    void aMessageCarriesTheSameTextAndUsageAsTheOpenAiAnswer() {
        JsonNode message = json(messages("Explain relays", false, KEY).body());
        String openAi = MockClient.chat(
                        mock,
                        KEY,
                        "{\"model\":\"x\",\"messages\":[{\"role\":\"system\",\"content\":\"" + SYSTEM
                                + "\"},{\"role\":\"user\",\"content\":\"Explain relays\"}]}")
                .body();
        JsonNode openAiUsage = json(openAi).path("usage");

        assertThat(message.path("type").asText()).isEqualTo("message");
        assertThat(message.path("content").get(0).path("text").asText())
                .isEqualTo(json(openAi)
                        .path("choices")
                        .get(0)
                        .path("message")
                        .path("content")
                        .asText());
        JsonNode usage = message.path("usage");
        assertThat(usage.path("input_tokens").asInt()
                        + usage.path("cache_read_input_tokens").asInt())
                .isEqualTo(openAiUsage.path("prompt_tokens").asInt());
        assertThat(usage.path("output_tokens").asInt())
                .isEqualTo(openAiUsage.path("completion_tokens").asInt());
    }

    @Test
    void aStreamRunsFromMessageStartToMessageStopWithSequenceNumbers() {
        HttpResponse<String> r = messages("Stream it", true, KEY);

        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        List<JsonNode> events = dataOf(r.body());
        int total = events.size();
        assertThat(events)
                .extracting(e -> e.path("relaygate_seq").asInt())
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, total).boxed().toList());
        assertThat(events.get(0).path("type").asText()).isEqualTo("message_start");
        assertThat(events.get(total - 1).path("type").asText()).isEqualTo("message_stop");
        assertThat(r.body()).contains("event: content_block_delta\ndata: ");
    }

    @Test
    void aWrongKeyGetsTheAnthropicErrorShape() {
        HttpResponse<String> r = messages("hi", false, "sk-wrong");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r.body()).path("error").path("type").asText()).isEqualTo("authentication_error");
    }

    @Test
    void aTruncatedStreamStopsBeforeMessageStop() {
        mock.switchProfile(
                ProfileSettings.healthy().withProfile(Profile.TRUNCATED_STREAM).withAbortAfterEvents(100));
        List<JsonNode> events = dataOf(messages("cut", true, KEY).body());

        assertThat(events).isNotEmpty();
        assertThat(events).noneMatch(e -> e.path("type").asText().equals("message_stop"));
        assertThat(events.get(events.size() - 1).path("relaygate_seq").asInt())
                .isEqualTo(events.get(0).path("relaygate_total").asInt() - 1);
    }
}
