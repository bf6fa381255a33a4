package dev.relaygate.relay.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class StreamedTextTest {

    private static String collect(String... chunks) {
        StreamedText text = new StreamedText();
        SseUsageScanner scanner = new SseUsageScanner(text);
        for (String c : chunks) {
            byte[] b = c.getBytes(StandardCharsets.UTF_8);
            scanner.accept(b, 0, b.length);
        }
        scanner.finish();
        return text.text();
    }

    @Test
    void joinsChatDeltasAcrossChunkBoundariesAndSkipsTheTerminator() {
        String text = collect(
                "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}\n\n",
                "data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\ndata: {\"choices\":[{\"del",
                "ta\":{\"content\":\"lo wörld\"}}]}\n\n: keep-alive\n\ndata: [DONE]\n\n");
        assertThat(text).isEqualTo("Hello wörld");
    }

    @Test
    void readsCompletionsTextAndIgnoresPayloadsThatAreNotJson() {
        assertThat(collect(
                        "data: {\"choices\":[{\"text\":\"a \"}]}\n\n",
                        "data: not json\n\n",
                        "data: {\"choices\":[{\"text\":\"b\"}]}\n\n"))
                .isEqualTo("a b");
    }

    @Test
    void keepsAtMostTheBoundSoALongStreamCannotGrowMemory() {
        String piece = "x".repeat(1000);
        String[] chunks = new String[200];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = "data: {\"choices\":[{\"delta\":{\"content\":\"" + piece + "\"}}]}\n\n";
        }
        assertThat(collect(chunks)).hasSize(StreamedText.MAX_CHARS);
    }
}
