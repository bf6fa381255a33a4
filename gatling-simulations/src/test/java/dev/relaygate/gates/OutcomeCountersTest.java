package dev.relaygate.gates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class OutcomeCountersTest {

    @Test
    void outcomesAreCountedPerEnvironmentAndResponsesWithoutOneCountAsUnknown() {
        OutcomeCounters c = new OutcomeCounters();
        c.record("blue", false);
        c.record("green", true);
        c.record("green", false);
        c.record(null, true);

        assertThat(c.of("green")).isEqualTo(new OutcomeCounters.Tally(2, 1));
        assertThat(c.of(OutcomeCounters.UNKNOWN)).isEqualTo(new OutcomeCounters.Tally(1, 1));
        assertThat(c.total()).isEqualTo(new OutcomeCounters.Tally(4, 2));
        assertThat(c.of("green").errorRate()).isEqualTo(0.5);
    }

    @Test
    void theDifferenceOfTwoSnapshotsIsOneIntervalsTally() {
        OutcomeCounters c = new OutcomeCounters();
        c.record("green", true);
        OutcomeCounters.Tally before = c.of("green");
        c.record("green", false);
        c.record("green", false);

        assertThat(c.of("green").minus(before)).isEqualTo(new OutcomeCounters.Tally(2, 0));
        assertThat(new OutcomeCounters.Tally(0, 0).errorRate()).isNaN();
    }
}
