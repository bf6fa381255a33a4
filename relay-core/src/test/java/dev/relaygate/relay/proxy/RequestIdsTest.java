package dev.relaygate.relay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.relay.http.RequestIds;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class RequestIdsTest {

    @Test
    void mintsDistinctThirtyTwoDigitHexIds() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIds.mint();
            assertThat(id).matches("[0-9a-f]{32}");
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void reusesAReasonableClientId() {
        assertThat(RequestIds.reuseOrMint("req-123_abc")).isEqualTo("req-123_abc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "line\nbreak", "caf\u00e9"})
    void replacesIdsThatCouldBreakHeadersOrLogs(String incoming) {
        assertThat(RequestIds.reuseOrMint(incoming)).matches("[0-9a-f]{32}");
    }

    @Test
    void replacesOverlongIds() {
        assertThat(RequestIds.reuseOrMint("x".repeat(RequestIds.MAX_LENGTH + 1)))
                .matches("[0-9a-f]{32}");
    }
}
