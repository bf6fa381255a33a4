package dev.relaygate.gates.relays;

import java.util.Objects;

/**
 * What a relay under test can do, so a gate that needs more is recorded as "not supported by" it.
 *
 * @param weights            how blue/green traffic weights are set
 * @param rollsBackOnItsOwn  whether it stops sending to a failing environment without being told
 * @param streams            whether it claims SSE streaming pass-through
 * @param relaygateAdmin     whether it has relaygate's admin API (rollouts, keys, shadow, rollback)
 */
public record Capabilities(WeightControl weights, boolean rollsBackOnItsOwn, boolean streams, boolean relaygateAdmin) {

    public Capabilities {
        Objects.requireNonNull(weights, "weights");
    }
}
