package dev.relaygate.relay.admin;

import io.vertx.core.http.HttpMethod;
import java.util.function.Consumer;

/** One control path: method, path, who may call it, and its handler. */
public record ControlRoute(HttpMethod method, String path, Access access, Consumer<ControlRequest> handler) {

    /** Who may call a route. */
    public enum Access {
        PUBLIC,
        ADMIN
    }

    public static ControlRoute publicRoute(HttpMethod method, String path, Consumer<ControlRequest> handler) {
        return new ControlRoute(method, path, Access.PUBLIC, handler);
    }

    public static ControlRoute adminRoute(HttpMethod method, String path, Consumer<ControlRequest> handler) {
        return new ControlRoute(method, path, Access.ADMIN, handler);
    }
}
