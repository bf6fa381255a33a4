package dev.relaygate.relay.rollout;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A bounded ring of the most recent {@link RolloutEvent}s for {@code GET /admin/events}, plus
 * listeners (e.g. the events JSONL writer). Old events fall off the front; listeners see them all.
 */
public final class EventTimeline {

    public static final int DEFAULT_CAPACITY = 1024;
    private static final System.Logger LOG = System.getLogger(EventTimeline.class.getName());

    private final int capacity;
    private final ArrayDeque<RolloutEvent> events;
    private final CopyOnWriteArrayList<Consumer<RolloutEvent>> listeners = new CopyOnWriteArrayList<>();
    private long dropped;

    public EventTimeline(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, but was " + capacity);
        }
        this.capacity = capacity;
        this.events = new ArrayDeque<>(capacity);
    }

    public EventTimeline() {
        this(DEFAULT_CAPACITY);
    }

    public void publish(RolloutEvent event) {
        Objects.requireNonNull(event, "event");
        synchronized (events) {
            if (events.size() == capacity) {
                events.pollFirst();
                dropped++;
            }
            events.addLast(event);
        }
        for (Consumer<RolloutEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "rollout event listener failed: " + e);
            }
        }
    }

    /** The retained events, oldest first (an immutable copy). */
    public List<RolloutEvent> snapshot() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** Events that fell off the ring since start. */
    public long evicted() {
        synchronized (events) {
            return dropped;
        }
    }

    public void addListener(Consumer<RolloutEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }
}
