package dev.relaygate.jmh;

import dev.relaygate.relay.http.RequestIds;
import java.util.UUID;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code X-Request-ID}: minting a fresh id (no header) and accepting a client's id (the check that
 * it is 1..128 visible ASCII characters), the two paths of {@link RequestIds#reuseOrMint(String)}.
 */
public class RequestIdBenchmark extends BenchmarkBase {

    @State(Scope.Benchmark)
    public static class Incoming {
        String clientId;
        /** No header on the request. */
        String absent;

        @Setup
        public void setUp() {
            clientId = UUID.randomUUID().toString();
            absent = null;
        }
    }

    @Benchmark
    public String mint(Incoming in) {
        return RequestIds.reuseOrMint(in.absent);
    }

    @Benchmark
    public String reuseClientId(Incoming in) {
        return RequestIds.reuseOrMint(in.clientId);
    }
}
