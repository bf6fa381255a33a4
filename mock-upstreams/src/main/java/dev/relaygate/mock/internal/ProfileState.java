package dev.relaygate.mock.internal;

import dev.relaygate.mock.ProfileSettings;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The live profile of one mock, shared by the transformer, the admin extension and the Java API.
 * One {@link AtomicReference}: every request reads one consistent snapshot; a switch affects the next request.
 */
public final class ProfileState {

    private final AtomicReference<ProfileSettings> current;
    private final AtomicLong chatRequestIndex = new AtomicLong();
    private volatile long switchedAtMillis;

    public ProfileState(ProfileSettings initial) {
        this.current = new AtomicReference<>(initial);
        this.switchedAtMillis = System.currentTimeMillis();
    }

    public ProfileSettings get() {
        return current.get();
    }

    /** Swaps the profile and restarts the flaky sequence, so a run that switches at the same point repeats. */
    public long set(ProfileSettings next) {
        current.set(next);
        chatRequestIndex.set(0);
        long now = System.currentTimeMillis();
        switchedAtMillis = now;
        return now;
    }

    /** Index of the next chat request since the last switch (drives the seeded FLAKY sequence). */
    long nextChatIndex() {
        return chatRequestIndex.getAndIncrement();
    }

    public long switchedAtMillis() {
        return switchedAtMillis;
    }
}
