package dev.relaygate.relay.judge;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Objects;

/**
 * One evaluation of the canary judge, with every number behind it.
 *
 * @param atMillis      when it was made (wall clock)
 * @param decision      what the controller does with it
 * @param breachedCheck the first breaching check's name when {@code decision} is BREACH, else null
 * @param reason        one line for humans: the breach, or why the step holds
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Verdict(
        long atMillis,
        Decision decision,
        String breachedCheck,
        String reason,
        JudgeMode mode,
        long windowStartMillis,
        long windowEndMillis,
        ErrorRateResult errorRate,
        P99Result latencyP99,
        P99DifferenceResult p99Difference,
        QualityResult quality) {

    public Verdict {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(errorRate, "errorRate");
        Objects.requireNonNull(latencyP99, "latencyP99");
        Objects.requireNonNull(p99Difference, "p99Difference");
        Objects.requireNonNull(quality, "quality");
    }

    /** The four check results, in evaluation order. */
    public List<CheckResult> checks() {
        return List.of(errorRate, latencyP99, p99Difference, quality);
    }
}
