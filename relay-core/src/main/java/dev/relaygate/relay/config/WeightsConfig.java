package dev.relaygate.relay.config;

/** {@code routing.weights}: percent of new requests per environment; must sum to 100. */
public record WeightsConfig(Integer blue, Integer green) {

    public WeightsConfig {
        if (blue == null && green == null) {
            blue = 100;
            green = 0;
        } else if (blue == null) {
            blue = 100 - green;
        } else if (green == null) {
            green = 100 - blue;
        }
    }
}
