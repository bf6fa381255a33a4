package dev.relaygate.gates;

/**
 * One SSE stream as a client saw it.
 *
 * @param startNanos     {@link System#nanoTime()} before the connect
 * @param startEpochMs   wall clock before the connect (to line up with the load tool's message stamps)
 * @param firstEventMs   wall clock of the first event, 0 when none arrived
 * @param lastEventMs    wall clock of the last event, 0 when none arrived
 * @param verdict        whether it arrived whole, and from which environment
 * @param measured       false for warm-up streams
 */
public record StreamObservation(
        long startNanos,
        long startEpochMs,
        long firstEventMs,
        long lastEventMs,
        StreamVerdict verdict,
        boolean measured) {

    /** Time to first token in ms, or -1 when no event arrived. */
    public long ttftMs() {
        return firstEventMs == 0 ? -1 : firstEventMs - startEpochMs;
    }
}
