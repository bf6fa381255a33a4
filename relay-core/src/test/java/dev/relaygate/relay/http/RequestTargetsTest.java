package dev.relaygate.relay.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class RequestTargetsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/v1/chat/completions",
                "/v1/models",
                "/v1/files/file-abc/content?api-version=2024-02-01",
                "/v1/models/gpt-4.1...mini",
                "/v1/.well-known",
                "/v1/a..b/c.",
                "/v1/models;v=..",
                "/v1/...",
                "/v1/%41bc",
                "/v1/chat/completions?next=/../../x",
                "/admin/status",
                "/"
            })
    void acceptsOriginFormPathsWithoutDotSegments(String uri) {
        assertThat(RequestTargets.refusal(uri)).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/v1/../../admin/secret|DOT_SEGMENT",
                "/v1/..|DOT_SEGMENT",
                "/v1/./models|DOT_SEGMENT",
                "/v1/%2e%2e/%2e%2e/admin|DOT_SEGMENT",
                "/v1/%2E./admin|DOT_SEGMENT",
                "/v1/.%2e|DOT_SEGMENT",
                "/v1/models/..?x=1|DOT_SEGMENT",
                "/v1/..;jsessionid=1/admin|DOT_SEGMENT",
                "/v1/.;/models|DOT_SEGMENT",
                "/v1/..%2fadmin|ENCODED_SLASH",
                "/v1/models/..%2F..%2Fx|ENCODED_SLASH",
                "/v1/%5c..|BACKSLASH",
                "/v1\\..\\admin|BACKSLASH",
                "/v1/models#..|FRAGMENT",
                "/v1/%zz|BAD_PERCENT_ENCODING",
                "/v1/%2|BAD_PERCENT_ENCODING",
                "/v1/%00|CONTROL_CHARACTER",
                "http://127.0.0.1:1/v1/models|NOT_ORIGIN_FORM",
                "*|NOT_ORIGIN_FORM",
                "v1/models|NOT_ORIGIN_FORM"
            })
    void refusesWhatCouldResolveDifferentlyBehindTheRelay(String uri, String reason) throws Exception {
        assertThat(RequestTargets.refusal(uri))
                .isEqualTo(RequestTargets.class.getField(reason).get(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/../x?api_key=sk-secret-in-query", "/v1/%zz?key=sk-secret-in-query"})
    void aReasonNeverEchoesTheTarget(String uri) {
        assertThat(RequestTargets.refusal(uri)).isNotNull().doesNotContain("sk-secret");
    }
}
