package dev.relaygate.relay.upstream;

import dev.relaygate.relay.config.EnvironmentConfig;
import dev.relaygate.relay.config.UpstreamConfig;
import dev.relaygate.relay.exchange.Environment;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;

/**
 * One environment's upstream: a pooled keep-alive HTTP/1.1 client bound to the host of
 * {@code base_url} (TLS with SNI for https, Host set to the upstream's authority), the path prefix
 * of {@code base_url}, and the {@code Authorization} value that replaces the client's.
 */
public final class UpstreamTarget {

    private final Environment environment;
    private final String name;
    private final String host;
    private final int port;
    private final boolean ssl;
    private final String pathPrefix;
    private final String authorization;
    private final HttpClientAgent client;
    private final String poolDescription;

    private UpstreamTarget(
            Environment environment,
            String name,
            URI baseUrl,
            String apiKey,
            HttpClientAgent client,
            String poolDescription) {
        this.poolDescription = poolDescription;
        this.environment = environment;
        this.name = name;
        this.host = baseUrl.getHost();
        this.ssl = "https".equals(baseUrl.getScheme());
        this.port = baseUrl.getPort() > 0 ? baseUrl.getPort() : (ssl ? 443 : 80);
        String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        this.pathPrefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.authorization = "Bearer " + apiKey;
        this.client = client;
    }

    public static UpstreamTarget create(
            Vertx vertx, Environment environment, EnvironmentConfig env, UpstreamConfig upstream) {
        URI baseUrl = URI.create(env.baseUrl());
        boolean ssl = "https".equals(baseUrl.getScheme());
        HttpClientOptions options = new HttpClientOptions()
                .setKeepAlive(true)
                .setKeepAliveTimeout(upstream.keepAliveTimeoutSeconds())
                .setTcpNoDelay(true)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, upstream.connectTimeoutMs()))
                .setDecompressionSupported(false)
                .setSsl(ssl)
                // SNI carries base_url's host name even where the JDK would skip it
                .setForceSni(ssl)
                .setTrustAll(env.trustAllCertificates())
                .setVerifyHost(!env.trustAllCertificates());
        // A bounded wait queue: past it a request fails at once (ConnectionPoolTooBusyException), never queues forever.
        PoolOptions pool =
                new PoolOptions().setHttp1MaxSize(upstream.poolSize()).setMaxWaitQueueSize(upstream.poolWaitQueue());
        HttpClientAgent client =
                vertx.httpClientBuilder().with(options).with(pool).build();
        return new UpstreamTarget(
                environment,
                env.name(),
                baseUrl,
                env.apiKey().reveal(),
                client,
                "upstream.pool_size " + upstream.poolSize() + ", upstream.pool_wait_queue " + upstream.poolWaitQueue());
    }

    /**
     * Opens a request for {@code clientUri} (which starts with {@code /v1}): the part after
     * {@code /v1} is appended to base_url's path, so {@code https://h/openai/v1} plus
     * {@code /v1/models} becomes {@code /openai/v1/models}.
     */
    public Future<HttpClientRequest> open(HttpMethod method, String clientUri) {
        RequestOptions options = new RequestOptions()
                .setMethod(method)
                .setHost(host)
                .setPort(port)
                .setSsl(ssl)
                .setURI(upstreamUri(clientUri));
        return client.request(options);
    }

    String upstreamUri(String clientUri) {
        return pathPrefix + clientUri.substring(3);
    }

    /** The pool's limits as the config names them, for errors that blame the pool. */
    public String poolDescription() {
        return poolDescription;
    }

    public Environment environment() {
        return environment;
    }

    public String name() {
        return name;
    }

    /** {@code Bearer <api_key>}; only ever written to the upstream request. */
    public String authorization() {
        return authorization;
    }

    public Future<Void> close() {
        return client.close();
    }
}
