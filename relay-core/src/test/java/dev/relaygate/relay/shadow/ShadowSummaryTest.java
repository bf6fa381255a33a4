package dev.relaygate.relay.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

final class ShadowSummaryTest {

    @Test
    void countsComparedMatchedMismatchedDissimilarAndDropped() {
        ShadowSummary summary = new ShadowSummary();
        summary.record(new ShadowComparison(true, true, 5, 0.99, true, true));
        summary.record(new ShadowComparison(true, true, 5, 0.50, false, false));
        summary.record(new ShadowComparison(false, true, 5, 0.99, true, false));
        summary.recordDropped();
        ShadowSummary.Snapshot s = summary.snapshot();
        assertThat(s).isEqualTo(new ShadowSummary.Snapshot(3, 1, 2, 1, 1));
        assertThat(s.dissimilarShare()).isEqualTo(1.0 / 3);
    }

    @Test
    void shadowLogLinesCarryNumbersButNoText() throws Exception {
        ShadowAnswer blue = new ShadowAnswer(200, 10, 20, 100, "secret answer text");
        ShadowAnswer green = new ShadowAnswer(200, 10, 21, 130, "secret answer text");
        ShadowComparison c = new AnswerComparator(0.05, 0.92).compare(blue, green);
        String json = new ObjectMapper().writeValueAsString(ShadowLog.of(1L, "req-9", "gpt-4.1", blue, green, c));
        JsonNode node = new ObjectMapper().readTree(json);
        assertThat(node.get("request_id").asText()).isEqualTo("req-9");
        assertThat(node.get("latency_difference_ms").asDouble()).isEqualTo(30.0);
        assertThat(node.get("matched").asBoolean()).isTrue();
        assertThat(json).doesNotContain("secret");
    }
}
