package dev.relaygate.relay;

import dev.relaygate.relay.admin.ControlRoutes;
import dev.relaygate.relay.http.ErrorResponses;
import dev.relaygate.relay.http.Headers;
import dev.relaygate.relay.http.RequestIds;
import dev.relaygate.relay.http.RequestTargets;
import dev.relaygate.relay.metrics.RelayMetrics;
import dev.relaygate.relay.proxy.ProxyHandler;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;

/**
 * A request target the relay refuses ({@link RequestTargets}) first, then control paths, then the {@code /v1/**}
 * pass-through, else 404.
 */
final class RelayRequestHandler implements Handler<HttpServerRequest> {

    private final ControlRoutes control;
    private final ProxyHandler proxy;
    private final RelayMetrics metrics;

    RelayRequestHandler(ControlRoutes control, ProxyHandler proxy, RelayMetrics metrics) {
        this.control = control;
        this.proxy = proxy;
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpServerRequest request) {
        String refusal = RequestTargets.refusal(request.uri());
        if (refusal != null) {
            // Before the body is read and before any route sees a path that another parser might resolve otherwise.
            metrics.recordRejected();
            request.response()
                    .putHeader(Headers.X_REQUEST_ID, RequestIds.reuseOrMint(request.getHeader(Headers.X_REQUEST_ID)));
            ErrorResponses.badRequest(request.response(), refusal, null, "invalid_path");
            return;
        }
        String path = request.path();
        if (control.owns(path)) {
            control.handle(request);
        } else if (path.startsWith("/v1/")) {
            proxy.handle(request);
        } else {
            request.response()
                    .putHeader(Headers.X_REQUEST_ID, RequestIds.reuseOrMint(request.getHeader(Headers.X_REQUEST_ID)));
            ErrorResponses.notFound(request.response(), request.method().name(), path);
        }
    }
}
