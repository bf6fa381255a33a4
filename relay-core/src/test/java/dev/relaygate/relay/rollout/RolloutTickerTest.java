package dev.relaygate.relay.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.relay.config.TrafficShiftSettings;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class RolloutTickerTest {

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final ScriptedSource source = new ScriptedSource(clock);
    private final RolloutController controller =
            new RolloutController(source, source, clock, new EventTimeline(), null);

    @Test
    void closeDropsAPendingTickInsteadOfWaitingForIt() {
        RolloutTicker ticker = new RolloutTicker(controller, () -> TimeUnit.HOURS.toMillis(1)).start();

        ticker.close();

        // The relay's shutdown must not sit out an evaluation interval (it used to wait for the tick).
        assertThat(ticker.terminated()).isTrue();
        assertThat(ticker.ticks()).isZero();
    }

    @Test
    void anOperatorCallQueuedBeforeCloseStillRuns() throws Exception {
        RolloutTicker ticker = new RolloutTicker(controller, () -> TimeUnit.HOURS.toMillis(1)).start();
        var started = ticker.call(() -> controller.start(TrafficShiftSettings.defaults(), false));

        ticker.close();

        assertThat(started.get(5, TimeUnit.SECONDS).phase()).isEqualTo(Phase.CANARY);
    }

    @Test
    void aCallAfterCloseFailsWithAClearReason() {
        RolloutTicker ticker = new RolloutTicker(controller, () -> 1_000L).start();
        ticker.close();

        assertThat(ticker.call(() -> 1))
                .failsWithin(5, TimeUnit.SECONDS)
                .withThrowableThat()
                .havingRootCause()
                .isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
    }
}
