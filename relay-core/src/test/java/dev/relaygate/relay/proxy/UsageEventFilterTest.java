package dev.relaygate.relay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.relay.json.StreamUsageRequest;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class UsageEventFilterTest {

    private static final String CONTENT_1 = "data: {\"choices\":[{\"delta\":{\"content\":\"usage\"}}]}\n\n";
    private static final String CONTENT_2 = "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}\r\n\r\n";
    private static final String USAGE = "data: {\"id\":\"x\",\"choices\":[],\"usage\":{\"prompt_tokens\":3,"
            + "\"completion_tokens\":2,\"total_tokens\":5}}\n\n";
    private static final String DONE = "data: [DONE]\n\n";
    private static final String STREAM = CONTENT_1 + CONTENT_2 + USAGE + DONE;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 16, 64, 1000})
    void onlyTheUsageEventIsRemovedWhateverTheChunkSize(int chunkSize) {
        UsageEventFilter filter = new UsageEventFilter();
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        Buffer out = Buffer.buffer();
        for (int i = 0; i < bytes.length; i += chunkSize) {
            out.appendBuffer(
                    filter.accept(Buffer.buffer().appendBytes(bytes, i, Math.min(chunkSize, bytes.length - i))));
        }
        out.appendBuffer(filter.finish());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(CONTENT_1 + CONTENT_2 + DONE);
        assertThat(filter.removed()).isEqualTo(1);
    }

    @Test
    void completeEventsAreForwardedAtOnceAndOnlyAnUnfinishedTailIsHeld() {
        UsageEventFilter filter = new UsageEventFilter();
        String half = CONTENT_2.substring(0, 10);
        assertThat(filter.accept(Buffer.buffer(CONTENT_1 + half)).toString(StandardCharsets.UTF_8))
                .isEqualTo(CONTENT_1);
        assertThat(filter.accept(Buffer.buffer(CONTENT_2.substring(10))).toString(StandardCharsets.UTF_8))
                .isEqualTo(CONTENT_2);
    }

    @Test
    void aContentEventThatCarriesUsageIsNotRemoved() {
        String withUsage = "data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}],\"usage\":{\"total_tokens\":1}}\n\n";
        UsageEventFilter filter = new UsageEventFilter();
        assertThat(filter.accept(Buffer.buffer(withUsage)).toString(StandardCharsets.UTF_8))
                .isEqualTo(withUsage);
        assertThat(filter.removed()).isZero();
    }

    @Test
    void aFinalUsageEventWithoutItsBlankLineIsRemovedAtTheEnd() {
        UsageEventFilter filter = new UsageEventFilter();
        assertThat(filter.accept(Buffer.buffer(CONTENT_1 + USAGE.trim())).toString(StandardCharsets.UTF_8))
                .isEqualTo(CONTENT_1);
        assertThat(filter.finish().length()).isZero();
        assertThat(filter.removed()).isEqualTo(1);
    }

    @Test
    void includeUsageIsAddedKeepingTheOtherFieldsAndStreamOptions() {
        Buffer out = StreamUsageRequest.withIncludeUsage(
                Buffer.buffer("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"x\":1},\"max_tokens\":8}"));
        assertThat(out).isNotNull();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"x\":1,\"include_usage\":true},\"max_tokens\":8}");
    }

    @Test
    void aBodyThatAlreadyAsksForUsageIsLeftAlone() {
        assertThat(StreamUsageRequest.withIncludeUsage(
                        Buffer.buffer("{\"stream\":true,\"stream_options\":{\"include_usage\":true}}")))
                .isNull();
    }
}
