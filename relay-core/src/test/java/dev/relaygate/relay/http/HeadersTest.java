package dev.relaygate.relay.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

final class HeadersTest {

    @Test
    void towardsTheUpstreamDropsCredentialsOriginClaimsRelayHeadersAndWhatConnectionNames() {
        MultiMap client = MultiMap.caseInsensitiveMultiMap()
                .add("Connection", "keep-alive, X-Hop-Secret")
                .add("x-hop-secret", "1")
                .add("Keep-Alive", "timeout=5")
                .add("AUTHORIZATION", "Bearer client")
                .add("Cookie", "a=b")
                .add("X-API-Key", "k")
                .add("x-goog-api-key", "k")
                .add("X-Vendor-ApiKey", "k")
                .add("Cookie2", "c")
                .add("True-Client-IP", "203.0.113.7")
                .add("Expect", "100-continue")
                .add("x-forwarded-proto", "https")
                .add("X-Relay-Whatever", "x")
                .add("traceparent", "00-abc")
                .add("OpenAI-Beta", "assistants=v2");
        MultiMap upstream = MultiMap.caseInsensitiveMultiMap();

        Headers.copyRequestHeaders(client, upstream);

        assertThat(upstream.names()).containsExactlyInAnyOrder("traceparent", "OpenAI-Beta");
    }

    @Test
    void towardsTheClientDropsCookiesServerInternalsAndRelayHeaders() {
        MultiMap answer = MultiMap.caseInsensitiveMultiMap()
                .add("Transfer-Encoding", "chunked")
                .add("set-cookie", "s=1")
                .add("Server", "gw")
                .add("Alt-Svc", "h3=\":443\"")
                .add("Matched-Stub-Id", "123")
                .add("X-Relay-Environment", "green")
                .add("Content-Type", "text/event-stream")
                .add("x-ratelimit-remaining-requests", "99");
        MultiMap client = MultiMap.caseInsensitiveMultiMap();

        Headers.copyResponseHeaders(answer, client);

        assertThat(client.names()).containsExactlyInAnyOrder("Content-Type", "x-ratelimit-remaining-requests");
    }

    @Test
    void aConnectionValueNamesHeadersByWholeCommaSeparatedTokens() {
        assertThat(Headers.namedBy(" close ,X-Secret , keep-alive", "x-secret")).isTrue();
        assertThat(Headers.namedBy("close, X-Secret-Longer", "x-secret")).isFalse();
        assertThat(Headers.namedBy("", "x-secret")).isFalse();
    }
}
