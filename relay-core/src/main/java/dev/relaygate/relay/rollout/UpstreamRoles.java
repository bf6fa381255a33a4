package dev.relaygate.relay.rollout;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Which upstream plays blue and which plays green, by name and base URL (never the key), and whether
 * that is the config's order reversed, so a restart after {@code promote --swap} keeps the promoted
 * upstream as blue instead of silently returning all traffic to the one the rollout replaced.
 *
 * @param swapped these roles are the config's reversed (by {@code promote --swap}); false once the
 *                config itself names them this way
 */
public record UpstreamRoles(
        @JsonProperty("blue") Upstream blue,
        @JsonProperty("green") Upstream green,
        @JsonProperty("swapped") boolean swapped) {

    /** One upstream as the config names it. */
    public record Upstream(
            @JsonProperty("name") String name,
            @JsonProperty("base_url") String baseUrl) {}

    public UpstreamRoles {
        Objects.requireNonNull(blue, "blue");
        Objects.requireNonNull(green, "green");
    }

    public static UpstreamRoles of(
            String blueName, String blueBaseUrl, String greenName, String greenBaseUrl, boolean swapped) {
        return new UpstreamRoles(new Upstream(blueName, blueBaseUrl), new Upstream(greenName, greenBaseUrl), swapped);
    }

    /**
     * Whether a relay started with the {@code configured} roles should swap them: these were saved as a
     * swap of exactly that config. A config edited since (to the swapped order, or to other upstreams)
     * wins.
     */
    public boolean restoresSwapOf(UpstreamRoles configured) {
        return swapped && !blue.equals(green) && blue.equals(configured.green) && green.equals(configured.blue);
    }
}
