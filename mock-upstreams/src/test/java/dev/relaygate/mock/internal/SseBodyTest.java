package dev.relaygate.mock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SseBodyTest {

    @Test
    void everyEventHasTheSameLengthAndEndsWithItsDataLine() {
        byte[][] events = SseBody.frame(List.of("{\"a\":1}", "{\"longer\":\"payload here\"}"), true);

        assertThat(events).hasNumberOfRows(3);
        assertThat(java.util.Arrays.stream(events).mapToInt(e -> e.length).distinct())
                .containsExactly(events[0].length);
        String last = new String(events[2], StandardCharsets.UTF_8);
        assertThat(last).startsWith(":").endsWith("\ndata: [DONE]\n\n");
        assertThat(new String(events[1], StandardCharsets.UTF_8))
                .isEqualTo(":\ndata: {\"longer\":\"payload here\"}\n\n");
    }

    @Test
    void eachEventContainsExactlyOneBlankLineTerminator() {
        byte[][] events = SseBody.frame(List.of("{}", "{\"x\":\"yy\"}"), true);

        for (byte[] event : events) {
            String s = new String(event, StandardCharsets.UTF_8);
            assertThat(s.indexOf("\n\n")).isEqualTo(s.length() - 2);
        }
    }

    @Test
    void joinConcatenatesTheFirstNEvents() {
        byte[][] events = SseBody.frame(List.of("{}", "{}"), true);

        assertThat(SseBody.join(events, 2)).hasSize(2 * events[0].length);
        assertThat(SseBody.join(events, 0)).isEmpty();
    }
}
