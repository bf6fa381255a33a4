package dev.relaygate.gates.steadystate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.Observation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SteadyStateChecksTest {

    private static final SteadyStateChecks CLAIM = new SteadyStateChecks(200, 5, 200, 0.001, 0.95);

    @Test
    void fastAnsweredTrafficAtTheOfferedRatePasses() {
        GateEvaluation eval = new GateEvaluation();

        CLAIM.evaluate(eval, requests(1000, 20, 0));

        assertThat(eval.failures()).isEmpty();
    }

    @Test
    void requestsThatGotNoAnswerAreFailuresAndNeverPullTheP99Down() {
        // 1.5% of the answered requests are slow, so their p99 is slow; 600 unanswered requests counted as
        // 0 ms would push the slow ones under 1% of the total and show a fast p99
        List<Observation> measured = requests(985, 20, 0);
        measured.addAll(requests(15, 300, 0));
        measured.addAll(requests(600, 0, 0).stream()
                .map(o -> new Observation(o.startNanos(), 0, null, 0, true))
                .toList());
        GateEvaluation eval = new GateEvaluation();

        CLAIM.evaluate(eval, measured);

        assertThat((Double) eval.measuredFigures().get("p99_ms")).isGreaterThanOrEqualTo(300.0);
        assertThat(eval.failures()).anySatisfy(f -> assertThat(f).startsWith("p99_ms was 30"));
        assertThat(eval.failures()).anySatisfy(f -> assertThat(f).startsWith("failed_ratio was 0.375"));
        assertThat(eval.measuredFigures()).containsEntry("unanswered", 600L);
    }

    @Test
    void aRelayThatServedFarLessThanTheOfferedLoadFails() {
        GateEvaluation eval = new GateEvaluation();

        CLAIM.evaluate(eval, requests(400, 20, 0));

        assertThat(eval.failures()).containsExactly("requests was 400, below the minimum min_requests = 950");
    }

    private static List<Observation> requests(int n, long latencyMs, long fromNanos) {
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Observation(fromNanos + i * 5_000_000L, 200, "blue", latencyMs, true));
        }
        return out;
    }
}
