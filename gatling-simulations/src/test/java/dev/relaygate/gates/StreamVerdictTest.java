package dev.relaygate.gates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class StreamVerdictTest {

    private static String event(String env, int seq, int total) {
        return "{\"event\":\"\",\"data\":{\"id\":\"chatcmpl-" + env + "-7\",\"object\":\"chat.completion.chunk\","
                + "\"relaygate_seq\":" + seq + ",\"relaygate_total\":" + total + "}}";
    }

    private static List<String> stream(String env, int... seqs) {
        List<String> out = new ArrayList<>();
        for (int s : seqs) {
            out.add(event(env, s, 4));
        }
        return out;
    }

    @Test
    void aCompleteInOrderStreamFromOneEnvironmentWithDoneIsIntact() {
        StreamVerdict v = StreamVerdict.of(stream("green", 1, 2, 3, 4), true);

        assertThat(v.intact()).isTrue();
        assertThat(v.environment()).isEqualTo("green");
        assertThat(v.total()).isEqualTo(4);
        assertThat(v.problem()).isNull();
    }

    @Test
    void aMissingEventBreaksTheStream() {
        StreamVerdict v = StreamVerdict.of(stream("blue", 1, 2, 4), true);

        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).isEqualTo("sequence [1, 2, 4] is not 1..4");
    }

    @Test
    void eventsOutOfOrderBreakTheStream() {
        assertThat(StreamVerdict.of(stream("blue", 1, 3, 2, 4), true).intact()).isFalse();
    }

    @Test
    void aStreamWithoutDoneIsBrokenEvenWhenEveryEventArrived() {
        StreamVerdict v = StreamVerdict.of(stream("blue", 1, 2, 3, 4), false);

        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).isEqualTo("no [DONE] after event 4");
    }

    @Test
    void aStreamThatSwitchedEnvironmentMidWayIsBroken() {
        List<String> mixed = new ArrayList<>(stream("green", 1, 2));
        mixed.add(event("blue", 3, 4));
        mixed.add(event("blue", 4, 4));

        StreamVerdict v = StreamVerdict.of(mixed, true);

        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).isEqualTo("events came from green and blue");
    }

    @Test
    void noEventsAtAllIsBroken() {
        assertThat(StreamVerdict.of(List.of(), false).problem()).isEqualTo("no event arrived");
    }
}
