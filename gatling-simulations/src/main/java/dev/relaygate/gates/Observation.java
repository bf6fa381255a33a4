package dev.relaygate.gates;

/**
 * One request as a client saw it.
 *
 * @param startNanos          {@link System#nanoTime()} just before the request was handed to the client
 * @param status              HTTP status, 0 when no response arrived (connection failure, timeout)
 * @param environment         the upstream that answered, as the answer itself names it
 *                            ({@link UpstreamAttribution}); null when the body names none
 * @param latencyMs           response time as the load tool measured it
 * @param measured            false for warm-up traffic, which no figure includes
 * @param claimedEnvironment  the relay's own {@code X-Relay-Environment} header, null when absent: checked
 *                            against {@code environment}, never trusted instead of it
 */
public record Observation(
        long startNanos, int status, String environment, long latencyMs, boolean measured, String claimedEnvironment) {

    /** A request whose relay claimed nothing. */
    public Observation(long startNanos, int status, String environment, long latencyMs, boolean measured) {
        this(startNanos, status, environment, latencyMs, measured, null);
    }

    /** No response (status 0) and any non-2xx status are failures. */
    public boolean failed() {
        return status < 200 || status >= 300;
    }

    /** Whether a response arrived at all; only then is {@code latencyMs} a response time. */
    public boolean answered() {
        return status > 0;
    }

    public boolean servedBy(String env) {
        return env.equals(environment);
    }

    /** The relay named an environment other than the one that answered. */
    public boolean relayHeaderContradicts() {
        return claimedEnvironment != null && environment != null && !claimedEnvironment.equals(environment);
    }
}
