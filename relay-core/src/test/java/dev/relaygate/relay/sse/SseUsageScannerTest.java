package dev.relaygate.relay.sse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.relay.exchange.Usage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class SseUsageScannerTest {

    private static final String STREAM = ""
            + "data: {\"id\":\"c1\",\"choices\":[{\"delta\":{\"content\":\"hi\"}}],\"usage\":null}\n\n"
            + ": keep-alive\n\n"
            + "data: {\"id\":\"c1\",\"choices\":[{\"delta\":{}}],\"usage\":null}\n\n"
            + "data: {\"id\":\"c1\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":7,"
            + "\"total_tokens\":19,\"prompt_tokens_details\":{\"cached_tokens\":4}}}\r\n\r\n"
            + "data: [DONE]\n\n";

    @Test
    void findsTheUsageEventAndTheTerminatorInOneChunk() {
        SseUsageScanner scanner = new SseUsageScanner();
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        scanner.accept(bytes, 0, bytes.length);
        assertThat(scanner.usage()).isEqualTo(new Usage(12, 4, 7, 19));
        assertThat(scanner.events()).isEqualTo(4);
        assertThat(scanner.done()).isTrue();
    }

    @Test
    void reassemblesEventsSplitAcrossEveryPossibleChunkBoundary() {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < bytes.length; cut++) {
            SseUsageScanner scanner = new SseUsageScanner();
            scanner.accept(bytes, 0, cut);
            scanner.accept(bytes, cut, bytes.length - cut);
            scanner.finish();
            assertThat(scanner.usage()).as("cut at %d", cut).isEqualTo(new Usage(12, 4, 7, 19));
            assertThat(scanner.events()).as("cut at %d", cut).isEqualTo(4);
            assertThat(scanner.done()).isTrue();
        }
    }

    @Test
    void aStreamWithoutUsageOrTerminatorReportsNeither() {
        byte[] bytes = "data: {\"choices\":[]}\n\ndata: {\"choices\":[]}\n\n".getBytes(StandardCharsets.UTF_8);
        SseUsageScanner scanner = new SseUsageScanner();
        scanner.accept(bytes, 0, bytes.length);
        assertThat(scanner.usage()).isNull();
        assertThat(scanner.done()).isFalse();
        assertThat(scanner.events()).isEqualTo(2);
    }

    @Test
    void statelessLookupParsesOneWholeChunk() {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        assertThat(SseUsageScanner.findUsage(bytes, 0, bytes.length)).isEqualTo(new Usage(12, 4, 7, 19));
    }
}
