package dev.relaygate.relay.health;

import dev.relaygate.relay.http.Headers;
import dev.relaygate.relay.time.Clock;
import dev.relaygate.relay.upstream.UpstreamTarget;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;

/**
 * {@code GET <base_url>/models} with the environment's key, on its pooled Vert.x client (non-blocking).
 * Key validation and active health checks both use it; the key goes only into the request header.
 */
public final class ModelsProbe {

    private ModelsProbe() {}

    public static Future<KeyCheck> probe(UpstreamTarget target, long timeoutMs, Clock clock) {
        long start = clock.nanoTime();
        long at = clock.currentTimeMillis();
        return target.open(HttpMethod.GET, "/v1/models")
                .compose(req -> {
                    req.idleTimeout(timeoutMs);
                    req.putHeader(HttpHeaderNames.AUTHORIZATION, target.authorization());
                    req.putHeader(HttpHeaderNames.ACCEPT, Headers.APPLICATION_JSON);
                    return req.send().compose(resp -> resp.body().map(body -> resp.statusCode()));
                })
                .map(status -> new KeyCheck(target.environment(), target.name(), status, ms(clock, start), null, at))
                .otherwise(e -> new KeyCheck(
                        target.environment(),
                        target.name(),
                        0,
                        ms(clock, start),
                        e.getClass().getSimpleName() + ": " + e.getMessage(),
                        at));
    }

    private static double ms(Clock clock, long startNanos) {
        return (clock.nanoTime() - startNanos) / 1e6;
    }
}
