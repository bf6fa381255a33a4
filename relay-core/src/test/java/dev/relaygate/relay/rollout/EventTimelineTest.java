package dev.relaygate.relay.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class EventTimelineTest {

    private static RolloutEvent event(long t) {
        return new RolloutEvent(t, EventType.VERDICT, Phase.CANARY, Phase.CANARY, 1, 90, 10, "m", null);
    }

    @Test
    void keepsTheMostRecentEventsUpToItsCapacity() {
        EventTimeline timeline = new EventTimeline(3);
        for (long t = 1; t <= 5; t++) {
            timeline.publish(event(t));
        }
        assertThat(timeline.snapshot()).extracting(RolloutEvent::tMillis).containsExactly(3L, 4L, 5L);
        assertThat(timeline.evicted()).isEqualTo(2);
    }

    @Test
    void listenersSeeEveryEventEvenIfOneFails() {
        EventTimeline timeline = new EventTimeline(1);
        List<Long> seen = new ArrayList<>();
        timeline.addListener(e -> {
            throw new IllegalStateException("broken listener");
        });
        timeline.addListener(e -> seen.add(e.tMillis()));
        timeline.publish(event(1));
        timeline.publish(event(2));
        assertThat(seen).containsExactly(1L, 2L);
    }

    @Test
    void serialisesEventsWithSnakeCaseNames() throws Exception {
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(event(7));
        assertThat(json).contains("\"t_ms\":7", "\"type\":\"VERDICT\"", "\"green_weight\":10", "\"blue_weight\":90");
    }
}
