package dev.relaygate.relay.rollout;

/**
 * How the controller changes the split (implemented over {@code PolicyStore}, e.g.
 * {@code (w, why) -> store.setGreenWeight(w, why)}). Must take effect for the next request and must
 * not throw: gate green (health, key validation) before starting a rollout.
 */
@FunctionalInterface
public interface TrafficControl {

    /** @param greenWeight green's percent; blue gets {@code 100 - greenWeight} */
    void setGreenWeight(int greenWeight, String reason);
}
