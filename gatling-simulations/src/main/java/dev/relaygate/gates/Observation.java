package dev.relaygate.gates;

/**
 * One request as a client saw it.
 *
 * @param startNanos   {@link System#nanoTime()} just before the request was handed to the client
 * @param status       HTTP status, 0 when no response arrived (connection failure, timeout)
 * @param environment  the relay's {@code X-Relay-Environment}, null when absent
 * @param latencyMs    response time as the load tool measured it
 * @param measured     false for warm-up traffic, which no figure includes
 */
public record Observation(long startNanos, int status, String environment, long latencyMs, boolean measured) {

  public boolean failed() {
    return status < 200 || status >= 300;
  }

  public boolean servedBy(String env) {
    return env.equals(environment);
  }
}
