package dev.relaygate.relay.rollout;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Which upstream plays blue and which plays green, by name and base URL (never the key), so a restart
 * after {@code promote --swap} keeps the promoted upstream as blue instead of silently returning all
 * traffic to the one the rollout replaced.
 */
public record UpstreamRoles(@JsonProperty("blue") Upstream blue, @JsonProperty("green") Upstream green) {

    /** One upstream as the config names it. */
    public record Upstream(@JsonProperty("name") String name, @JsonProperty("base_url") String baseUrl) {
    }

    public UpstreamRoles {
        Objects.requireNonNull(blue, "blue");
        Objects.requireNonNull(green, "green");
    }

    public static UpstreamRoles of(String blueName, String blueBaseUrl, String greenName, String greenBaseUrl) {
        return new UpstreamRoles(new Upstream(blueName, blueBaseUrl), new Upstream(greenName, greenBaseUrl));
    }

    /** True when these roles are {@code other}'s swapped, and the two upstreams can be told apart. */
    public boolean isSwapOf(UpstreamRoles other) {
        return !blue.equals(green) && blue.equals(other.green) && green.equals(other.blue);
    }
}
