package dev.relaygate.relay.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaygate.relay.config.RoutingStrategy;
import dev.relaygate.relay.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class PolicyStoreTest {

    private final PolicyStore store =
            new PolicyStore(RoutingPolicy.initial(0, RoutingStrategy.WEIGHTED, 0), Clock.system());

    @Test
    void updateSwapsTheSnapshotBumpsTheVersionAndNotifiesAfterTheSwap() {
        List<String> seen = new ArrayList<>();
        store.addListener((previous, current) -> seen.add(
                previous.greenWeight() + "->" + current.greenWeight() + " visible=" + (store.current() == current)));
        RoutingPolicy next = store.setGreenWeight(10, "test");
        assertThat(next.version()).isEqualTo(1);
        assertThat(next.changedBy()).isEqualTo("test");
        assertThat(store.current()).isSameAs(next);
        assertThat(seen).containsExactly("0->10 visible=true");
    }

    @Test
    void anUnchangedPolicyIsNotANewVersion() {
        List<RoutingPolicy> seen = new ArrayList<>();
        store.addListener((previous, current) -> seen.add(current));
        store.update(p -> p);
        assertThat(store.current().version()).isZero();
        assertThat(seen).isEmpty();
    }

    @Test
    void concurrentUpdatesAreNeverLost() throws InterruptedException {
        int threads = 4;
        int perThread = 500;
        PolicyStore counting = new PolicyStore(RoutingPolicy.initial(0, RoutingStrategy.WEIGHTED, 0), Clock.system());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < perThread; i++) {
                    counting.update(p -> p.withGreenWeight(p.greenWeight() == 100 ? 0 : p.greenWeight() + 1, "t"));
                }
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(counting.current().version()).isEqualTo(threads * perThread);
    }

    @Test
    void rejectsAWeightOutsideZeroToHundredNamingFieldAndValue() {
        assertThatThrownBy(() -> store.setGreenWeight(140, "test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("green_weight must be in [0,100], but was 140");
        assertThat(store.current().greenWeight()).isZero();
    }
}
