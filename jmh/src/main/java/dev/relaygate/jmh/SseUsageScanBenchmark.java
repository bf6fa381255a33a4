package dev.relaygate.jmh;

import dev.relaygate.relay.exchange.Usage;
import dev.relaygate.relay.sse.SseUsageScanner;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Scanning SSE chunks as they pass through the relay: an ordinary content-delta chunk (every chunk
 * of every stream pays this) and the last chunk, which carries the usage event and {@code [DONE]}
 * (once per stream: the JSON of that one event is parsed). One scanner per stream, as in the relay.
 */
public class SseUsageScanBenchmark extends BenchmarkBase {

    @State(Scope.Benchmark)
    public static class Chunks {
        byte[] contentChunk;
        byte[] usageChunk;

        @Setup
        public void setUp() {
            contentChunk =
                    ascii("data: {\"id\":\"chatcmpl-7f3a\",\"object\":\"chat.completion.chunk\",\"created\":1764400000,"
                            + "\"model\":\"gpt-4.1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" the relay routes each\"},"
                            + "\"finish_reason\":null}],\"usage\":null}\n\n");
            usageChunk =
                    ascii("data: {\"id\":\"chatcmpl-7f3a\",\"object\":\"chat.completion.chunk\",\"created\":1764400000,"
                            + "\"model\":\"gpt-4.1\",\"choices\":[],\"usage\":{\"prompt_tokens\":1187,\"completion_tokens\":412,"
                            + "\"total_tokens\":1599,\"prompt_tokens_details\":{\"cached_tokens\":1024}}}\n\n"
                            + "data: [DONE]\n\n");
        }

        private static byte[] ascii(String s) {
            return s.getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** The scanner of one stream; chunks end on a line boundary, so nothing is carried between calls. */
    @State(Scope.Thread)
    public static class Stream {
        final SseUsageScanner scanner = new SseUsageScanner();
    }

    /** Returns the event count so the scan cannot be eliminated. */
    @Benchmark
    public long contentChunk(Chunks c, Stream s) {
        s.scanner.accept(c.contentChunk, 0, c.contentChunk.length);
        return s.scanner.events();
    }

    @Benchmark
    public Usage usageChunk(Chunks c, Stream s) {
        s.scanner.accept(c.usageChunk, 0, c.usageChunk.length);
        return s.scanner.usage();
    }
}
