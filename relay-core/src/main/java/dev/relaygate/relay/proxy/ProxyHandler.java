package dev.relaygate.relay.proxy;

import dev.relaygate.relay.config.ClientOverride;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.exchange.Environment;
import dev.relaygate.relay.http.ErrorResponses;
import dev.relaygate.relay.http.Headers;
import dev.relaygate.relay.http.RequestIds;
import dev.relaygate.relay.json.BodyPeek;
import dev.relaygate.relay.json.MalformedBodyException;
import dev.relaygate.relay.json.StreamUsageRequest;
import dev.relaygate.relay.routing.PolicyStore;
import dev.relaygate.relay.routing.RouteOverride;
import dev.relaygate.relay.routing.Router;
import dev.relaygate.relay.time.RandomSource;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Entry of the {@code /v1/**} pass-through: method check, client auth, request id, bounded body
 * read, body peek (model, stream) and alias rewrite, the route decision, then a {@link ProxyExchange}.
 * Runs on the event loop; nothing here blocks.
 */
public final class ProxyHandler implements Handler<HttpServerRequest> {

    /** Says what became of a client's {@code X-Route-Policy: blue|green}. */
    static final CharSequence X_RELAY_OVERRIDE = HttpHeaders.createOptimized("X-Relay-Override");

    private static final CharSequence OVERRIDE_APPLIED = HttpHeaders.createOptimized("applied");
    private static final CharSequence OVERRIDE_IGNORED =
            HttpHeaders.createOptimized("ignored (routing.client_override is deny)");

    private final ProxyContext ctx;
    private final PolicyStore policies;
    private final RandomSource random;
    private final ClientAuth clientAuth;
    private final ModelAliases aliases;
    private final long maxBodyBytes;
    private final String affinityHeader;
    private final boolean overrideAllowed;
    private final GreenAccess greenAccess;

    /** @param greenAccess whether a client's {@code X-Route-Policy: green} may reach green right now */
    public ProxyHandler(
            ProxyContext ctx, PolicyStore policies, RandomSource random, RelayConfig config, GreenAccess greenAccess) {
        this.ctx = ctx;
        this.greenAccess = greenAccess;
        this.overrideAllowed = config.routing().clientOverridePolicy() == ClientOverride.ALLOW;
        this.policies = policies;
        this.random = random;
        this.clientAuth = new ClientAuth(config.clientKeys());
        this.aliases = new ModelAliases(config.models());
        this.maxBodyBytes = config.limits().maxBodyBytes();
        this.affinityHeader = config.routing().affinityHeader() == null
                ? null
                : HttpHeaders.createOptimized(config.routing().affinityHeader()).toString();
    }

    @Override
    public void handle(HttpServerRequest request) {
        long startNanos = ctx.clock.nanoTime();
        HttpServerResponse response = request.response();
        String requestId = RequestIds.reuseOrMint(request.getHeader(Headers.X_REQUEST_ID));
        response.putHeader(Headers.X_REQUEST_ID, requestId);

        Endpoints endpoint = Endpoints.of(request.path());
        if (!endpoint.allows(request.method())) {
            reject(request);
            ErrorResponses.methodNotAllowed(response, request.method().name(), request.path(), endpoint.allowHeader());
            return;
        }
        if (!clientAuth.allows(request.getHeader(Headers.AUTHORIZATION))) {
            reject(request);
            ErrorResponses.unauthorized(
                    response, "missing or invalid client key: send Authorization: Bearer " + "<one of client_keys>");
            return;
        }
        RouteOverride requested = RouteOverride.parse(request.getHeader(Headers.X_ROUTE_POLICY));
        if (requested == null) {
            reject(request);
            ErrorResponses.badRequest(
                    response,
                    "X-Route-Policy must be one of [blue, green, auto], but was "
                            + ErrorResponses.printable(request.getHeader(Headers.X_ROUTE_POLICY)),
                    "X-Route-Policy",
                    "invalid_route_policy");
            return;
        }
        RouteOverride override = admit(requested, response);
        long declared = contentLength(request);
        if (declared > maxBodyBytes) {
            rejectTooLarge(request, declared);
            return;
        }
        Buffer body = Buffer.buffer(declared > 0 ? (int) declared : 0);
        request.handler(chunk -> {
            if (body.length() + (long) chunk.length() > maxBodyBytes) {
                if (!response.headWritten()) {
                    rejectTooLarge(request, -1);
                }
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(v -> {
            if (!response.headWritten() && !response.closed()) {
                forward(request, endpoint, override, body, requestId, startNanos);
            }
        });
    }

    private void forward(
            HttpServerRequest request,
            Endpoints endpoint,
            RouteOverride override,
            Buffer body,
            String requestId,
            long startNanos) {
        String model = null;
        boolean stream = false;
        boolean hideUsage = false;
        Buffer outgoing = body;
        if (endpoint.jsonBody()) {
            try {
                BodyPeek.Result peek = BodyPeek.peek(body.getBytes());
                model = peek.model();
                stream = peek.stream();
                String upstreamModel = aliases.resolve(model);
                if (upstreamModel != null) {
                    outgoing = ModelAliases.rewrite(body, upstreamModel);
                    model = upstreamModel;
                }
                if (stream && endpoint != Endpoints.EMBEDDINGS && ctx.hasListeners()) {
                    // Someone records usage: make sure the stream reports it, even if the client did not ask.
                    Buffer withUsage = StreamUsageRequest.withIncludeUsage(outgoing);
                    if (withUsage != null) {
                        outgoing = withUsage;
                        hideUsage = true;
                    }
                }
            } catch (MalformedBodyException e) {
                reject(request);
                ErrorResponses.badRequest(request.response(), e.getMessage(), e.param(), "invalid_json");
                return;
            }
        }
        long affinity =
                affinityHeader == null ? Router.NO_AFFINITY : Router.affinityHash(request.getHeader(affinityHeader));
        Environment environment = Router.route(policies.current(), override, affinity, random.nextInt(Router.BUCKETS));
        new ProxyExchange(
                        ctx,
                        request,
                        ctx.upstreams.target(environment),
                        outgoing,
                        requestId,
                        model,
                        stream,
                        hideUsage,
                        override.forced(),
                        startNanos)
                .start();
    }

    /**
     * A client's forced environment is a preference, never a safety bypass: ignored when the config denies it,
     * and a forced green that is rolled back, blocked or unhealthy is answered by blue. The answer says which.
     */
    private RouteOverride admit(RouteOverride override, HttpServerResponse response) {
        if (override != RouteOverride.BLUE && override != RouteOverride.GREEN) {
            return override;
        }
        if (!overrideAllowed) {
            response.putHeader(X_RELAY_OVERRIDE, OVERRIDE_IGNORED);
            return RouteOverride.NONE;
        }
        if (override == RouteOverride.GREEN) {
            String refusal = greenAccess.refusal();
            if (refusal != null) {
                response.putHeader(X_RELAY_OVERRIDE, "refused (" + refusal + ")");
                return RouteOverride.BLUE;
            }
        }
        response.putHeader(X_RELAY_OVERRIDE, OVERRIDE_APPLIED);
        return override;
    }

    private void rejectTooLarge(HttpServerRequest request, long declared) {
        reject(request);
        HttpServerResponse response = request.response();
        // The rest of the body is not read: close the connection once the 413 is out.
        response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        ErrorResponses.tooLarge(response, maxBodyBytes, declared)
                .onComplete(done -> request.connection().close());
    }

    private void reject(HttpServerRequest request) {
        ctx.metrics.recordRejected();
    }

    private static long contentLength(HttpServerRequest request) {
        String value = request.getHeader(Headers.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
