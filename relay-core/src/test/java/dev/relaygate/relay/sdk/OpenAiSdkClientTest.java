package dev.relaygate.relay.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.relaygate.relay.config.Secret;
import dev.relaygate.relay.support.RelayFixture;
import dev.relaygate.relay.time.RandomSource;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK, pointed at the relay, as any application would use it. */
final class OpenAiSdkClientTest {

    private static RelayFixture f;
    private static OpenAIClient client;

    @BeforeAll
    static void start() {
        f = RelayFixture.start(
                c -> c.withClientKeys(List.of(Secret.of("sk-relay-client"))), RandomSource.threadLocal());
        client = OpenAIOkHttpClient.builder()
                .baseUrl(f.relay.baseUrl())
                .apiKey("sk-relay-client")
                .maxRetries(0)
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        f.close();
    }

    private static ChatCompletionCreateParams params() {
        return ChatCompletionCreateParams.builder()
                .model("gpt-4.1")
                .addUserMessage("Say hello")
                .maxCompletionTokens(8)
                .build();
    }

    @Test
    void completesAChatCompletionThroughTheRelay() {
        ChatCompletion completion = client.chat().completions().create(params());
        assertThat(completion.choices()).hasSize(1);
        assertThat(completion.choices().get(0).message().content())
                .hasValueSatisfying(t -> assertThat(t).isNotBlank());
        assertThat(completion.usage())
                .hasValueSatisfying(u -> assertThat(u.completionTokens()).isPositive());
    }

    @Test
    void completesAStreamedChatCompletionThroughTheRelay() {
        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat().completions().createStreaming(params())) {
            List<ChatCompletionChunk> chunks = stream.stream().collect(Collectors.toList());
            String text = chunks.stream()
                    .flatMap(c -> c.choices().stream())
                    .map(choice -> choice.delta().content().orElse(""))
                    .collect(Collectors.joining());
            assertThat(chunks).hasSizeGreaterThan(1);
            assertThat(text).isNotBlank();
            assertThat(chunks.get(chunks.size() - 1).choices())
                    .anySatisfy(c -> assertThat(c.finishReason()).isPresent());
        }
    }
}
