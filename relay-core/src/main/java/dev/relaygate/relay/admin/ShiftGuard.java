package dev.relaygate.relay.admin;

import dev.relaygate.relay.health.ShiftVeto;
import io.vertx.core.Future;

/**
 * Vets a change that would send traffic to green before it happens (manual traffic-shift,
 * {@code PATCH /v1/routing/policy}, rollout start): completes with null to allow it, or with the
 * reason it is blocked (green's key rejected, green unhealthy), which the caller answers with 409.
 */
@FunctionalInterface
public interface ShiftGuard {

    Future<ShiftVeto> check(int greenWeight);

    static ShiftGuard allowAll() {
        return greenWeight -> Future.succeededFuture();
    }
}
