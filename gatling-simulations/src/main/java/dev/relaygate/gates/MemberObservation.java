package dev.relaygate.gates;

/**
 * One request of a fleet gate: which member it was sent to and which member answered, on top of the
 * {@link Observation} every gate records.
 *
 * @param member        0-based index of the fleet member the request was sent to
 * @param relayMember   the answer's {@code X-Relay-Member} header, null when absent (or no answer)
 * @param startEpochMs  wall-clock epoch ms just before the request was handed to the client, comparable to
 *                      the members' own {@code applied_at_ms} (one machine, one clock)
 * @param observation   status, environment, latency and warm-up flag
 */
public record MemberObservation(int member, String relayMember, long startEpochMs, Observation observation) {

    public boolean failed() {
        return observation.failed();
    }

    public boolean answered() {
        return observation.answered();
    }

    public boolean measured() {
        return observation.measured();
    }

    public boolean servedBy(String environment) {
        return observation.servedBy(environment);
    }

    public boolean sentTo(int index) {
        return member == index;
    }

    /** Crafted observations for checks and tests: measured, 20 ms, start nanos unused. */
    public static MemberObservation of(int member, String relayMember, long startEpochMs, int status, String env) {
        return new MemberObservation(
                member, relayMember, startEpochMs, new Observation(startEpochMs, status, env, 20, true));
    }
}
