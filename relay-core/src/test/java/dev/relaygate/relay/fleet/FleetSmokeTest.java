package dev.relaygate.relay.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetSmokeTest {

    @Test
    void aShiftOnOneMemberReachesEveryRouter(@TempDir Path dir) {
        long t0 = System.currentTimeMillis();
        try (FleetFixture f = FleetFixture.start(dir, c -> c)) {
            System.err.println("fleet up in " + (System.currentTimeMillis() - t0) + " ms");
            JsonNode reply = f.post(1, "/admin/traffic-shift", "{\"blue\":80,\"green\":20}");
            System.err.println(reply);
            assertThat(reply.path("http_status").asInt()).isEqualTo(200);
            f.await(
                    "green 20 everywhere",
                    () -> f.greenWeight(0) == 20 && f.greenWeight(1) == 20 && f.greenWeight(2) == 20);
            System.err.println(f.status(2).path("cluster").toPrettyString());
            System.err.println(f.applied(0).toPrettyString());
        }
    }
}
