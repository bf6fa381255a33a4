package dev.relaygate.gates;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Round robin over a fleet's members (request counter modulo member count), skipping members taken out of
 * the rotation: a killed member from the instant it is killed, a stopped one while it is stopped. Lock-free:
 * it runs on Gatling's load threads.
 */
public final class MemberRotation {

    private final AtomicLong counter = new AtomicLong();
    /** 1 = in the rotation. */
    private final AtomicLongArray active;

    public MemberRotation(int members) {
        if (members < 1) {
            throw new IllegalArgumentException("members must be >= 1, but was " + members);
        }
        active = new AtomicLongArray(members);
        for (int i = 0; i < members; i++) {
            active.set(i, 1);
        }
    }

    /** The member the next request goes to; -1 when every member is out of the rotation. */
    public int next() {
        int n = active.length();
        for (int tries = 0; tries < n; tries++) {
            int i = (int) Math.floorMod(counter.getAndIncrement(), (long) n);
            if (active.get(i) == 1) {
                return i;
            }
        }
        return -1;
    }

    public void remove(int member) {
        active.set(member, 0);
    }

    public void restore(int member) {
        active.set(member, 1);
    }

    public boolean contains(int member) {
        return active.get(member) == 1;
    }

    public int size() {
        return active.length();
    }
}
