package dev.relaygate.relay.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.relaygate.relay.config.ClusterConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A member that stood still asks every other member on its own: when the others split apart meanwhile, it hears
 * both sides, not whichever side answered first.
 */
class PeerReadTest {

    private static final String CLUSTER = "peer-read-test";
    private final List<HazelcastInstance> members = new ArrayList<>();

    @AfterEach
    void stop() {
        members.forEach(HazelcastInstance::shutdown);
    }

    /** A fleet of one member (its member list names only itself), holding {@code record}. */
    private String singletonHolding(String record) {
        int port = FleetFixture.freePort();
        HazelcastInstance member = Hazelcast.newHazelcastInstance(
                HazelcastSetup.hazelcastConfig(ClusterConfig.loopback(CLUSTER, port, List.of(port))));
        members.add(member);
        member.<String, String>getMap(HazelcastSetup.FLEET_MAP).put(FleetMap.RECORD, record);
        return "127.0.0.1:" + port;
    }

    @Test
    void eachSideOfASplitFleetAnswersForItself() {
        String rolledBack = singletonHolding("{\"side\":\"rolled back\"}");
        String missedIt = singletonHolding("{\"side\":\"missed the rollback\"}");

        List<String> answers = PeerRead.records(
                CLUSTER, List.of(rolledBack, missedIt), HazelcastSetup.FLEET_MAP, FleetMap.RECORD, 5_000, a -> {});

        assertThat(answers)
                .containsExactlyInAnyOrder("{\"side\":\"rolled back\"}", "{\"side\":\"missed the rollback\"}");
    }

    @Test
    void aMemberThatCannotBeAskedGivesNothingWithinTheDeadline() {
        String reachable = singletonHolding("{\"side\":\"here\"}");
        String nobody = "127.0.0.1:" + FleetFixture.freePort();

        long t0 = System.nanoTime();
        AtomicLong answeredAt = new AtomicLong();
        List<String> answers = PeerRead.records(
                CLUSTER,
                List.of(nobody, reachable),
                HazelcastSetup.FLEET_MAP,
                FleetMap.RECORD,
                3_000,
                a -> answeredAt.set(System.nanoTime()));
        long returnedAt = System.nanoTime();

        assertThat(answers).containsExactly("{\"side\":\"here\"}");
        // bounded by the deadline, plus the time to cancel the late read
        assertThat((returnedAt - t0) / 1_000_000).isLessThan(3_000 + 1_000);
        // the answer reached the caller as it came, not once the member that cannot be asked gave up (after its
        // 2 s connect timeout)
        assertThat((returnedAt - answeredAt.get()) / 1_000_000).isGreaterThan(500);
    }
}
