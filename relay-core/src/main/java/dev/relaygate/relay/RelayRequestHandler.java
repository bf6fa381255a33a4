package dev.relaygate.relay;

import dev.relaygate.relay.admin.ControlRoutes;
import dev.relaygate.relay.http.ErrorResponses;
import dev.relaygate.relay.http.Headers;
import dev.relaygate.relay.http.RequestIds;
import dev.relaygate.relay.proxy.ProxyHandler;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;

/** Control paths first, then the {@code /v1/**} pass-through, else 404. */
final class RelayRequestHandler implements Handler<HttpServerRequest> {

    private final ControlRoutes control;
    private final ProxyHandler proxy;

    RelayRequestHandler(ControlRoutes control, ProxyHandler proxy) {
        this.control = control;
        this.proxy = proxy;
    }

    @Override
    public void handle(HttpServerRequest request) {
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
