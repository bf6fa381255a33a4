package dev.relaygate.relay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.relay.exchange.Usage;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The stream stages alone and chained in the exchange's order, driven the way the response pump drives them. */
final class StreamStagesTest {

    private static final String E1 = "data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\n";
    private static final String E2 = "data: {\"choices\":[{\"delta\":{\"content\":\"b\"}}]}\n\n";
    private static final String USAGE = "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2,"
            + "\"total_tokens\":9}}\n\n";
    private static final String DONE = "data: [DONE]\n\n";

    /** What the client gets, chunk by chunk, and whether each chunk found the answer still held. */
    private static String pump(StreamInterceptor[] stages, String... chunks) {
        StringBuilder client = new StringBuilder();
        for (String chunk : chunks) {
            Buffer raw = Buffer.buffer(chunk);
            Buffer out = raw;
            for (StreamInterceptor stage : stages) {
                out = stage.onChunk(raw, out);
            }
            client.append(out.toString(StandardCharsets.UTF_8));
        }
        Buffer tail = Buffer.buffer();
        for (StreamInterceptor stage : stages) {
            tail = stage.onEnd(tail);
        }
        return client.append(tail.toString(StandardCharsets.UTF_8)).toString();
    }

    @Test
    void theEventWindowHoldsTheStartUntilItIsFullThenPassesEverythingInOrder() {
        EventWindow window = new EventWindow(2);
        assertThat(window.holding()).isTrue();
        assertThat(window.onChunk(Buffer.buffer(E1), Buffer.buffer(E1)).length())
                .isZero();
        assertThat(window.holding()).isTrue();
        assertThat(window.onChunk(Buffer.buffer(E2), Buffer.buffer(E2)).toString())
                .isEqualTo(E1 + E2);
        assertThat(window.holding()).isFalse();
        assertThat(window.onChunk(Buffer.buffer(DONE), Buffer.buffer(DONE)).toString())
                .isEqualTo(DONE);
        assertThat(window.onEnd(Buffer.buffer()).length()).isZero();
    }

    @Test
    void aStreamShorterThanTheWindowIsReleasedWholeAtTheEnd() {
        EventWindow window = new EventWindow(5);
        assertThat(pump(new StreamInterceptor[] {window}, E1, DONE)).isEqualTo(E1 + DONE);
    }

    @Test
    void theUsageTapReadsUsageAndPassesEveryByte() {
        UsageTap tap = new UsageTap(true);
        assertThat(pump(new StreamInterceptor[] {tap}, E1, USAGE, DONE)).isEqualTo(E1 + USAGE + DONE);
        assertThat(tap.complete()).isEqualTo(new Usage(7, 0, 2, 9));
    }

    @Test
    void chainedTheTapSeesTheUsageEventTheClientDoesNot() {
        UsageTap tap = new UsageTap(true);
        StreamInterceptor[] stages = {tap, new UsageEventFilter(), new EventWindow(2)};
        // The usage event split across chunks: the filter holds only the unfinished tail.
        String client = pump(stages, E1, E2 + USAGE.substring(0, 20), USAGE.substring(20) + DONE);
        assertThat(client).isEqualTo(E1 + E2 + DONE);
        assertThat(tap.complete().totalTokens()).isEqualTo(9);
    }

    @Test
    void aJsonAnswerOverTheBoundIsNotParsedForUsage() {
        UsageTap tap = new UsageTap(false);
        tap.onChunk(Buffer.buffer(new byte[AnswerCopy.MAX_JSON_BYTES]), Buffer.buffer());
        tap.onChunk(Buffer.buffer("{\"usage\":{\"prompt_tokens\":1}}"), Buffer.buffer());
        assertThat(tap.complete()).isEqualTo(Usage.NONE);
    }
}
