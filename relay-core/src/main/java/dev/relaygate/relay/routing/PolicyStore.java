package dev.relaygate.relay.routing;

import dev.relaygate.relay.time.Clock;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Holds the current {@link RoutingPolicy} in one {@link AtomicReference}. Changes are atomic
 * read-modify-write swaps ({@code getAndUpdate}); listeners run after the swap, on the caller's
 * thread, so a listener never observes a policy that requests cannot see yet.
 */
public final class PolicyStore {

    private static final System.Logger LOG = System.getLogger(PolicyStore.class.getName());

    private final AtomicReference<RoutingPolicy> current;
    private final CopyOnWriteArrayList<PolicyListener> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;

    public PolicyStore(RoutingPolicy initial, Clock clock) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The snapshot new requests route by. Lock-free, allocation-free. */
    public RoutingPolicy current() {
        return current.get();
    }

    /**
     * Applies {@code change} atomically. The function may run more than once under contention, so
     * it must be side-effect free. Returning the same instance (or an equal routing) is a no-op.
     *
     * @return the policy in force after the call
     */
    public RoutingPolicy update(UnaryOperator<RoutingPolicy> change) {
        Objects.requireNonNull(change, "change");
        // getAndUpdate may retry the function; the holder keeps the result of the committed attempt.
        RoutingPolicy[] committed = new RoutingPolicy[1];
        RoutingPolicy previous = current.getAndUpdate(p -> {
            RoutingPolicy next = Objects.requireNonNull(change.apply(p), "policy change returned null");
            committed[0] = next == p || (next.sameRouting(p) && next.changedBy().equals(p.changedBy()))
                    ? p
                    : next.stamped(p.version() + 1, clock.currentTimeMillis());
            return committed[0];
        });
        RoutingPolicy next = committed[0];
        if (next != previous) {
            for (PolicyListener listener : listeners) {
                try {
                    listener.onChange(previous, next);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "policy listener failed: " + e);
                }
            }
        }
        return next;
    }

    /** Sets green's weight (blue gets the rest). */
    public RoutingPolicy setGreenWeight(int greenWeight, String reason) {
        return update(p -> p.withGreenWeight(greenWeight, reason));
    }

    public void addListener(PolicyListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(PolicyListener listener) {
        listeners.remove(listener);
    }
}
