package dev.relaygate.mock;

import static dev.relaygate.mock.MockClient.body;
import static dev.relaygate.mock.MockClient.chat;
import static dev.relaygate.mock.MockClient.json;
import static dev.relaygate.mock.MockClient.send;
import static dev.relaygate.mock.MockClient.stream;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class HealthyMockTest {

    private static final String KEY = "sk-test-blue";
    private static MockUpstream blue;
    private static MockUpstream twin;

    @BeforeAll
    static void start() {
        blue = MockUpstream.start(MockSettings.of("blue", KEY)
                .withProfile(ProfileSettings.healthy()
                        .withTimeToFirstEventMs(60)
                        .withGapBetweenEventsMs(40)
                        .withTokensPerAnswer(6)));
        twin = MockUpstream.start(MockSettings.of("twin", KEY));
    }

    @AfterAll
    static void stop() {
        blue.close();
        twin.close();
    }

    @Test
    void streamedEventsArriveIntactInOrderAndOnTheMockSchedule() {
        MockClient.Received s = stream(blue, KEY, body("Tell me about relays", true, true));

        assertThat(s.status()).isEqualTo(200);
        assertThat(s.cleanEnd()).isTrue();
        assertThat(s.done()).isTrue();
        List<JsonNode> events = s.jsonEvents();
        int total = 6 + 1 + 1; // content chunks, finish chunk, usage chunk
        assertThat(events).hasSize(total);
        assertThat(events)
                .extracting(e -> e.path("relaygate_seq").asInt())
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, total).boxed().toList());
        assertThat(events).allSatisfy(e -> {
            assertThat(e.path("relaygate_total").asInt()).isEqualTo(total);
            assertThat(e.path("object").asText()).isEqualTo("chat.completion.chunk");
        });
        assertThat(events.get(total - 2)
                        .path("choices")
                        .get(0)
                        .path("finish_reason")
                        .asText())
                .isEqualTo("stop");
        assertThat(events.get(total - 1).path("choices")).isEmpty();
        // Schedule: first event at 60 ms, then one every 40 ms; generous upper bounds for a noisy machine.
        List<Long> at = s.arrivalMs();
        assertThat(at.get(0)).isGreaterThanOrEqualTo(55);
        long span = at.get(at.size() - 1) - at.get(0);
        assertThat(span).isBetween((long) (total * 40 * 0.7), total * 40L + 1_500);
        for (int i = 1; i < at.size(); i++) {
            assertThat(at.get(i)).isGreaterThanOrEqualTo(at.get(i - 1));
        }
    }

    @Test
    void doneIsByteExactAndEveryEventHasTheSameLength() {
        HttpResponse<String> r = chat(twin, KEY, body("framing", true, false));

        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        assertThat(r.body()).endsWith("\ndata: [DONE]\n\n");
        String[] events = r.body().split("(?<=\n\n)");
        assertThat(events).extracting(String::length).containsOnly(events[0].length());
    }

    @Test
    void jsonAndStreamedAnswersReportTheSameUsageAndText() {
        String prompt = "How many tokens is this prompt worth?";
        JsonNode completion = json(chat(blue, KEY, body(prompt, false, false)).body());
        MockClient.Received s = stream(blue, KEY, body(prompt, true, true));

        JsonNode usage = completion.path("usage");
        JsonNode streamed = s.jsonEvents().get(s.jsonEvents().size() - 1).path("usage");
        assertThat(streamed).isEqualTo(usage);
        // Rule: ceil(chars/4) over all message contents; cached = floor(prefix chars/4).
        int chars = "You are terse and helpful.".length() + prompt.length();
        assertThat(usage.path("prompt_tokens").asInt()).isEqualTo((chars + 3) / 4);
        assertThat(usage.path("prompt_tokens_details").path("cached_tokens").asInt())
                .isEqualTo("You are terse and helpful.".length() / 4);
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(6);
        assertThat(usage.path("total_tokens").asInt())
                .isEqualTo(usage.path("prompt_tokens").asInt() + 6);
        assertThat(completion
                        .path("choices")
                        .get(0)
                        .path("message")
                        .path("content")
                        .asText())
                .isEqualTo(s.text());
    }

    @Test
    void twoHealthyMocksAnswerTheSamePromptIdentically() {
        String request =
                body("Same question for both", false, false).replace("\"gpt-4.1\"", "\"gpt-4.1\",\"max_tokens\":6");
        String a = json(chat(blue, KEY, request).body())
                .path("choices")
                .get(0)
                .path("message")
                .path("content")
                .asText();
        String b = json(chat(twin, KEY, request).body())
                .path("choices")
                .get(0)
                .path("message")
                .path("content")
                .asText();
        String other = json(chat(twin, KEY, body("A different question", false, false))
                        .body())
                .path("choices")
                .get(0)
                .path("message")
                .path("content")
                .asText();

        assertThat(a).isNotBlank().isEqualTo(b);
        assertThat(other).isNotEqualTo(b);
    }

    @Test
    void requestIdIsEchoed() {
        HttpResponse<String> r = send(MockClient.chatRequest(blue, KEY, body("id", false, false))
                .header("X-Request-ID", "req-123")
                .build());

        assertThat(r.headers().firstValue("X-Request-ID")).hasValue("req-123");
    }

    @Test
    void modelsAreListedForTheRightKey() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(blue.baseUrl() + "/models"))
                .header("Authorization", "Bearer " + KEY)
                .GET()
                .build());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r.body()).path("data"))
                .extracting(m -> m.path("id").asText())
                .contains("gpt-4.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk-wrong", "", "sk-test-blue-but-longer"})
    void aWrongKeyGets401InTheOpenAiErrorShape(String key) {
        HttpResponse<String> r = chat(blue, key, body("hello", false, false));

        assertThat(r.statusCode()).isEqualTo(401);
        JsonNode error = json(r.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("invalid_api_key");
        assertThat(error.has("message") && error.has("type") && error.has("param"))
                .isTrue();
        assertThat(r.body()).doesNotContain(KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "{\"messages\":[]}", "{\"model\":\"gpt-4.1\"}"})
    void anInvalidBodyGets400NamingTheProblem(String requestBody) {
        HttpResponse<String> r = chat(blue, KEY, requestBody);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r.body()).path("error").path("type").asText()).isEqualTo("invalid_request_error");
    }
}
