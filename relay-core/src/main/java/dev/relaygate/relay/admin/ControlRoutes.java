package dev.relaygate.relay.admin;

import dev.relaygate.relay.config.AdminConfig;
import dev.relaygate.relay.http.ErrorResponses;
import dev.relaygate.relay.http.Headers;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The relay's own paths ({@code /healthz}, {@code /metrics}, {@code /admin/**},
 * {@code PATCH /v1/routing/policy}), matched before the {@code /v1/**} pass-through. Admin routes
 * need {@code Authorization: Bearer <admin.token>} (compared in constant time). Bodies are read
 * up to {@link #MAX_BODY_BYTES}.
 */
public final class ControlRoutes {

    /** Control bodies are small JSON documents. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final Map<String, Map<HttpMethod, ControlRoute>> routes;
    private final AdminConfig admin;

    /** @param routes every control path; a later route with the same method and path replaces an earlier one */
    public ControlRoutes(AdminConfig admin, List<ControlRoute> routes) {
        this.admin = admin;
        Map<String, Map<HttpMethod, ControlRoute>> byPath = new HashMap<>();
        for (ControlRoute route : routes) {
            byPath.computeIfAbsent(route.path(), p -> new HashMap<>()).put(route.method(), route);
        }
        byPath.replaceAll((path, byMethod) -> Map.copyOf(byMethod));
        this.routes = Map.copyOf(byPath);
    }

    /** Whether {@code path} is a control path (with any method). */
    public boolean owns(String path) {
        return routes.containsKey(path);
    }

    public void handle(HttpServerRequest request) {
        Map<HttpMethod, ControlRoute> byMethod = routes.get(request.path());
        ControlRoute route = byMethod == null ? null : byMethod.get(request.method());
        if (route == null) {
            TreeSet<String> allowed = new TreeSet<>();
            byMethod.keySet().forEach(m -> allowed.add(m.name()));
            ErrorResponses.methodNotAllowed(
                    request.response(), request.method().name(), request.path(), String.join(", ", allowed));
            return;
        }
        if (route.access() == ControlRoute.Access.ADMIN && !authorized(request)) {
            return;
        }
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (body.length() + chunk.length() <= MAX_BODY_BYTES) {
                body.appendBuffer(chunk);
            } else if (!request.response().headWritten()) {
                ErrorResponses.tooLarge(request.response(), MAX_BODY_BYTES, -1)
                        .onComplete(v -> request.connection().close());
            }
        });
        request.endHandler(v -> {
            if (!request.response().headWritten()) {
                route.handler().accept(new ControlRequest(request, body));
            }
        });
    }

    private boolean authorized(HttpServerRequest request) {
        if (!admin.enabled()) {
            ErrorResponses.send(
                    request.response(),
                    403,
                    "the admin API is disabled: set admin.token in the config",
                    "permission_error",
                    null,
                    "admin_disabled");
            return false;
        }
        String header = request.getHeader(Headers.AUTHORIZATION);
        String prefix = "Bearer ";
        boolean ok = header != null
                && header.regionMatches(true, 0, prefix, 0, prefix.length())
                && admin.token()
                        .matches(header.substring(prefix.length()).trim().getBytes(StandardCharsets.UTF_8));
        if (!ok) {
            ErrorResponses.unauthorized(
                    request.response(),
                    "missing or invalid admin token: send Authorization: " + "Bearer <admin.token>");
        }
        return ok;
    }
}
