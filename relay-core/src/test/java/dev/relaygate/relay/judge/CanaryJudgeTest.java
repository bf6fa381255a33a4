package dev.relaygate.relay.judge;

import static dev.relaygate.relay.judge.Slices.shadowSlice;
import static dev.relaygate.relay.judge.Slices.slice;
import static dev.relaygate.relay.judge.Slices.window;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.relay.config.ValidationThreshold;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CanaryJudgeTest {

    private final CanaryJudge judge = new CanaryJudge(ValidationThreshold.defaults());

    private static List<IntervalSlice> healthy(int seconds) {
        List<IntervalSlice> slices = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            slices.add(slice(s, 200, 0, 80, 40, 0, 85));
        }
        return slices;
    }

    @Test
    void callsAHealthyCanaryHealthyWithItsNumbers() {
        Verdict v = judge.judge(window(healthy(30)), JudgeMode.CANARY, 42);
        assertThat(v.decision()).isEqualTo(Decision.HEALTHY);
        assertThat(v.breachedCheck()).isNull();
        assertThat(v.atMillis()).isEqualTo(42);
        assertThat(v.errorRate().samples()).isEqualTo(1200);
        assertThat(v.latencyP99().p99Ms()).isEqualTo(85.0);
        assertThat(v.p99Difference().blueP99Ms()).isEqualTo(80.0);
        assertThat(v.quality().status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
    }

    @Test
    void namesTheBreachingCheckAndCarriesItsNumbers() {
        List<IntervalSlice> slices = healthy(25);
        slices.add(slice(25, 200, 0, 80, 40, 20, 85));
        Verdict v = judge.judge(window(slices), JudgeMode.CANARY, 0);
        assertThat(v.decision()).isEqualTo(Decision.BREACH);
        assertThat(v.breachedCheck()).isEqualTo(ErrorRateSprt.NAME);
        assertThat(v.reason()).contains("error_rate", "llr", "20/1040");
    }

    @Test
    void holdsAndSaysWhyWhenARequiredCheckLacksSamples() {
        Verdict v = judge.judge(window(healthy(2)), JudgeMode.CANARY, 0);
        assertThat(v.decision()).isEqualTo(Decision.HOLD_INSUFFICIENT_DATA);
        assertThat(v.reason()).contains("error_rate", "INSUFFICIENT_DATA", "80 samples < min_samples 100");
    }

    @Test
    void holdsWhileTheErrorTestIsInconclusive() {
        List<IntervalSlice> slices = healthy(5);
        slices.add(slice(5, 200, 0, 80, 40, 2, 85));
        Verdict v = judge.judge(window(slices), JudgeMode.CANARY, 0);
        assertThat(v.decision()).isEqualTo(Decision.HOLD_INSUFFICIENT_DATA);
        assertThat(v.errorRate().status()).isEqualTo(CheckStatus.INCONCLUSIVE);
    }

    @Test
    void requiresOnlyTheQualityCheckInShadowMode() {
        Verdict holding = judge.judge(window(List.of(shadowSlice(0, 20, 0))), JudgeMode.SHADOW, 0);
        assertThat(holding.decision()).isEqualTo(Decision.HOLD_INSUFFICIENT_DATA);
        assertThat(holding.reason()).contains("quality");
        Verdict ok = judge.judge(window(List.of(shadowSlice(0, 300, 3))), JudgeMode.SHADOW, 0);
        assertThat(ok.decision()).isEqualTo(Decision.HEALTHY);
    }

    @Test
    void aShadowQualityBreachRollsBack() {
        Verdict v = judge.judge(window(List.of(shadowSlice(0, 300, 90))), JudgeMode.SHADOW, 0);
        assertThat(v.decision()).isEqualTo(Decision.BREACH);
        assertThat(v.breachedCheck()).isEqualTo(QualityCheck.NAME);
    }

    @Test
    void serialisesVerdictsWithSnakeCaseNames() throws Exception {
        List<IntervalSlice> slices = healthy(25);
        slices.add(slice(25, 200, 0, 80, 40, 20, 85));
        String json = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(judge.judge(window(slices), JudgeMode.CANARY, 0));
        assertThat(json)
                .contains(
                        "\"decision\":\"BREACH\"",
                        "\"breached_check\":\"error_rate\"",
                        "\"breach_llr\":",
                        "\"upper_bound\":",
                        "\"p99_ms\":",
                        "\"window_start_millis\":");
    }

    @Test
    void listsEveryCheckInOrder() {
        Verdict v = judge.judge(window(healthy(30)), JudgeMode.CANARY, 0);
        assertThat(v.checks())
                .extracting(CheckResult::name)
                .containsExactly("error_rate", "latency_p99", "latency_p99_difference", "quality");
    }
}
