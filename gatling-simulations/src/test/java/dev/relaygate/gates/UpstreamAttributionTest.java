package dev.relaygate.gates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class UpstreamAttributionTest {

    @Test
    void theAnswerNamesItsUpstreamInACompletionIdAStreamChunkAndAnError() {
        assertThat(UpstreamAttribution.of("{\"id\":\"chatcmpl-green-42\",\"object\":\"chat.completion\"}"))
                .isEqualTo("green");
        assertThat(UpstreamAttribution.of("data: {\"id\":\"chatcmpl-blue-7\",\"choices\":[]}"))
                .isEqualTo("blue");
        assertThat(UpstreamAttribution.of("{\"error\":{\"message\":\"overloaded\",\"upstream\": \"green\"}}"))
                .isEqualTo("green");
        assertThat(UpstreamAttribution.of("{\"error\":{\"message\":\"relay timeout\"}}"))
                .isNull();
    }

    @Test
    void aRelayWhoseHeaderNamesAnotherUpstreamThanTheOneThatAnsweredFailsTheGate() {
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            // the relay says blue for every answer; green really gave every tenth
            String upstream = i % 10 == 0 ? "green" : "blue";
            observations.add(new Observation(i, 200, upstream, 5, true, "blue"));
        }
        GateEvaluation eval = new GateEvaluation();

        UpstreamAttribution.checkRelayHeader(eval, observations);

        assertThat(eval.failures()).singleElement().asString().startsWith("relay_header_contradictions was 10");
        assertThat(eval.measuredFigures()).containsEntry("relay_header_checked", 100L);
    }

    @Test
    void anHonestRelayAndOneThatSendsNoHeaderBothPass() {
        GateEvaluation eval = new GateEvaluation();

        UpstreamAttribution.checkRelayHeader(
                eval,
                List.of(
                        new Observation(1, 200, "green", 5, true, "green"),
                        new Observation(2, 200, "blue", 5, true, null),
                        new Observation(3, 504, null, 5, true, "green")));

        assertThat(eval.failures()).isEmpty();
        assertThat(eval.measuredFigures()).containsEntry("relay_header_checked", 1L);
    }
}
