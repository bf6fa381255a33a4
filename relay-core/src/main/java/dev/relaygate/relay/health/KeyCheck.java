package dev.relaygate.relay.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.relaygate.relay.exchange.Environment;

/**
 * One {@code GET /models} probe of an environment with its own key. Never carries the key.
 *
 * @param status    HTTP status, or 0 when no answer arrived (connect failure, timeout)
 * @param latencyMs from sending to the full answer (or the failure)
 * @param error     why no answer arrived, else null
 * @param atMillis  wall time of the probe
 */
public record KeyCheck(
        @JsonProperty("environment") Environment environment,
        @JsonProperty("name") String name,
        @JsonProperty("status") int status,
        @JsonProperty("latency_ms") double latencyMs,
        @JsonProperty("error") String error,
        @JsonProperty("at_ms") long atMillis) {

    /** 2xx: the key works and the upstream answers. */
    @JsonProperty("ok")
    public boolean ok() {
        return status / 100 == 2;
    }

    /** 401/403: the upstream rejected the key. */
    @JsonProperty("key_rejected")
    public boolean keyRejected() {
        return status == 401 || status == 403;
    }

    /** Healthy = answered 2xx; a rejected key, a 5xx or no answer is unhealthy. */
    @JsonProperty("healthy")
    public boolean healthy() {
        return ok();
    }

    /** One line for an error message or a log: never the key. */
    public String describe() {
        String what = status == 0 ? "no answer (" + error + ")" : "HTTP " + status;
        return environment.wireName() + " (" + name + ") GET /models -> " + what + " in "
                + String.format(java.util.Locale.ROOT, "%.1f ms", latencyMs);
    }
}
