package dev.relaygate.relay.rollout;

import java.util.concurrent.Callable;

/**
 * How a decision (an operator call, or a tick of the controller) becomes durable before anyone is told: a
 * single relay saves it to its state file; a fleet member commits it to the cluster record with a
 * compare-and-set on the record's version. Runs on the rollout thread.
 */
@FunctionalInterface
public interface Decisions {

    /**
     * Runs {@code change} against the current state and makes its result durable.
     *
     * @throws java.io.UncheckedIOException when the change is in force but could not be saved
     * @throws Exception                    whatever {@code change} throws (nothing is kept then)
     */
    <T> T decide(Callable<T> change) throws Exception;

    /**
     * The version of the shared record the latest {@link #decide} on this thread committed, or -1 when decisions
     * are not shared (a single relay).
     */
    default long lastCommittedVersion() {
        return -1;
    }

    /** A single relay's decisions: made in memory, then saved by {@code save} (a no-op without a state file). */
    static Decisions savedBy(Runnable save) {
        return new Decisions() {
            @Override
            public <T> T decide(Callable<T> change) throws Exception {
                T result = change.call();
                save.run();
                return result;
            }
        };
    }
}
