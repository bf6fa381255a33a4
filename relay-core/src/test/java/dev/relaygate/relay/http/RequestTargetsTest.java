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
                "/v1/../../admin/secret|'.' or '..' segments",
                "/v1/..|'.' or '..' segments",
                "/v1/./models|'.' or '..' segments",
                "/v1/%2e%2e/%2e%2e/admin|'.' or '..' segments",
                "/v1/%2E./admin|'.' or '..' segments",
                "/v1/.%2e|'.' or '..' segments",
                "/v1/models/..?x=1|'.' or '..' segments",
                "/v1/..%2fadmin|encoded '/'",
                "/v1/models/..%2F..%2Fx|encoded '/'",
                "/v1/%5c..|encoded '/' or '\\'",
                "/v1\\..\\admin|backslash",
                "/v1/%zz|malformed percent-encoding",
                "/v1/%2|malformed percent-encoding",
                "/v1/%00|control characters",
                "http://127.0.0.1:1/v1/models|origin-form",
                "*|origin-form",
                "v1/models|origin-form"
            })
    void refusesDotSegmentsBackslashesEncodedSlashesAndOtherForms(String uri, String reason) {
        assertThat(RequestTargets.refusal(uri)).contains(reason);
    }
}
