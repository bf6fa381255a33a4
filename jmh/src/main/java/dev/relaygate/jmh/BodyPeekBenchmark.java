package dev.relaygate.jmh;

import dev.relaygate.relay.json.BodyPeek;
import dev.relaygate.relay.json.MalformedBodyException;
import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reading {@code model} and {@code stream} from a request body: relay-core's streaming
 * {@link BodyPeek} against binding the whole body with Jackson databind. Target: at 32 KB the peek
 * is at least 5x faster.
 */
public class BodyPeekBenchmark extends BenchmarkBase {

    @State(Scope.Benchmark)
    public static class Body {
        @Param({"1024", "32768"})
        public int bodyBytes;

        byte[] json;

        @Setup
        public void setUp() throws MalformedBodyException, IOException {
            json = ChatBodies.ofSize(bodyBytes, 7);
            // both sides must agree on the answer, or the comparison means nothing
            BodyPeek.Result peek = BodyPeek.peek(json);
            ChatBodies.ChatRequest bound = ChatBodies.MAPPER.readValue(json, ChatBodies.ChatRequest.class);
            if (!peek.model().equals(bound.model()) || peek.stream() != bound.stream()) {
                throw new IllegalStateException("peek " + peek + " disagrees with databind " + bound.model());
            }
        }
    }

    @Benchmark
    public BodyPeek.Result peek(Body b) throws MalformedBodyException {
        return BodyPeek.peek(b.json);
    }

    @Benchmark
    public ChatBodies.ChatRequest databind(Body b) throws IOException {
        return ChatBodies.MAPPER.readValue(b.json, ChatBodies.ChatRequest.class);
    }
}
