package dev.relaygate.relay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ServerConfigTest {

    private static final String MINIMAL = """
            environments:
              blue: {name: a, base_url: "http://127.0.0.1:9101/v1", api_key: sk-a}
              green: {name: b, base_url: "http://127.0.0.1:9102/v1", api_key: sk-b}
            admin: {token: t}
            """;

    private static RelayConfig parse(String yaml) {
        return ConfigLoader.parse(yaml, Map.<String, String>of()::get);
    }

    @Test
    void connectionLimitsAndClientTimeoutsDefaultWhenLeftOut() {
        ServerConfig server = parse(MINIMAL).server();

        assertThat(server.maxConnections()).isEqualTo(ServerConfig.AUTO_MAX_CONNECTIONS);
        assertThat(server.headerReadTimeoutMs()).isEqualTo(10_000L);
        assertThat(server.bodyIdleTimeoutMs()).isEqualTo(30_000L);
        assertThat(server.idleTimeoutMs()).isEqualTo(60_000L);
    }

    @Test
    void connectionLimitsAndClientTimeoutsBindFromSnakeCaseFields() {
        ServerConfig server = parse(MINIMAL + """
                server: {max_connections: 500, header_read_timeout_ms: 2000, body_idle_timeout_ms: 3000, idle_timeout_ms: 4000}
                """).server();

        assertThat(server.maxConnections()).isEqualTo(500);
        assertThat(server.headerReadTimeoutMs()).isEqualTo(2_000L);
        assertThat(server.bodyIdleTimeoutMs()).isEqualTo(3_000L);
        assertThat(server.idleTimeoutMs()).isEqualTo(4_000L);
    }

    @Test
    void theListeningOnlyConstructorKeepsTheDefaultLimits() {
        assertThat(new ServerConfig("127.0.0.1", 0, 1_000L, 1))
                .isEqualTo(new ServerConfig("127.0.0.1", 0, 1_000L, 1, null, null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "negative connection limit|max_connections: -1|server.max_connections must be in [0,1000000], but was -1",
                "connection limit too large|max_connections: 2000000"
                        + "|server.max_connections must be in [0,1000000], but was 2000000",
                "zero header timeout|header_read_timeout_ms: 0"
                        + "|server.header_read_timeout_ms must be in [1,600000], but was 0",
                "header timeout too long|header_read_timeout_ms: 600001"
                        + "|server.header_read_timeout_ms must be in [1,600000], but was 600001",
                "zero body idle timeout|body_idle_timeout_ms: 0"
                        + "|server.body_idle_timeout_ms must be in [1,600000], but was 0",
                "body idle timeout too long|body_idle_timeout_ms: 700000"
                        + "|server.body_idle_timeout_ms must be in [1,600000], but was 700000",
                "zero idle timeout|idle_timeout_ms: 0|server.idle_timeout_ms must be in [1,3600000], but was 0",
                "idle timeout too long|idle_timeout_ms: 3600001"
                        + "|server.idle_timeout_ms must be in [1,3600000], but was 3600001",
                "typo|max_connection: 10|server.max_connection must be a known field"
            })
    void outOfRangeValuesNameTheFieldTheRangeAndTheValue(String name, String field, String message) {
        assertThatThrownBy(() -> parse(MINIMAL + "server: {" + field + "}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }
}
