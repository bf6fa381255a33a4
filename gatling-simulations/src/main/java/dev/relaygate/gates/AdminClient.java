package dev.relaygate.gates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The relay's control API over HTTP (admin bearer token), as any operator would call it: status,
 * traffic-shift, rollback, the vendor playbook's {@code PATCH /v1/routing/policy}, key validation and the events
 * timeline. Blocking by design: it runs on the gate's control thread, never on a load thread.
 */
public final class AdminClient {

    /** A control call's answer and how long the call took from send to the last byte. */
    public record Reply(int status, JsonNode body, long sentAtNanos, long returnedAtNanos) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public long tookMs() {
            return (returnedAtNanos - sentAtNanos) / 1_000_000L;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final String relayUrl;
    private final String token;
    private final Duration timeout;

    public AdminClient(String relayUrl, String token) {
        // Generous: a control call (e.g. validate-keys probing a cold upstream) can take seconds on a
        // loaded 2-core machine; a call that still fails is a failed control step and fails its gate.
        this(relayUrl, token, Duration.ofSeconds(30));
    }

    /**
     * With a shorter per-call timeout, for probes polled many times a second (a fleet member that was just
     * killed or stopped must not hold the poller for 30 s).
     */
    public AdminClient(String relayUrl, String token, Duration timeout) {
        this.relayUrl = relayUrl.endsWith("/") ? relayUrl.substring(0, relayUrl.length() - 1) : relayUrl;
        this.token = token;
        this.timeout = timeout;
    }

    public Reply status() {
        return call("GET", "/admin/status", null);
    }

    public Reply trafficShift(int blue, int green) {
        return call("POST", "/admin/traffic-shift", "{\"blue\":" + blue + ",\"green\":" + green + "}");
    }

    /** A fleet member's applied record versions ({@code GET /admin/cluster/applied}), from {@code sinceVersion}. */
    public Reply clusterApplied(long sinceVersion) {
        return call("GET", "/admin/cluster/applied?since_version=" + sinceVersion, null);
    }

    public Reply rollback() {
        return call("POST", "/admin/rollback", "{}");
    }

    public Reply validateKeys() {
        return call("POST", "/admin/validate-keys", "{}");
    }

    /** The vendor playbook's body: {@code {"routing": {...}, "traffic_shift": {...}}}. */
    public Reply patchPolicy(String playbookShapedJson) {
        return call("PATCH", "/v1/routing/policy", playbookShapedJson);
    }

    /** The rollout timeline, oldest first; accepts a bare array or {@code {"events": [...]}}. */
    public List<JsonNode> events() {
        Reply reply = call("GET", "/admin/events", null);
        if (!reply.ok()) {
            throw new IllegalStateException("GET /admin/events answered " + reply.status() + ": " + reply.body());
        }
        JsonNode array = reply.body().isArray() ? reply.body() : reply.body().path("events");
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    public Reply call(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(relayUrl + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long returned = System.nanoTime();
            String text = response.body();
            JsonNode json = text == null || text.isBlank() ? JSON.nullNode() : parse(text);
            return new Reply(response.statusCode(), json, sent, returned);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
