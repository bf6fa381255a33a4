package dev.relaygate.relay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ConfigLoaderTest {

    private static final Map<String, String> ENV = Map.of(
            "RELAYGATE_ADMIN_TOKEN", "tok-123", "BLUE_API_KEY", "sk-blue-secret", "GREEN_API_KEY", "sk-green-secret");

    private static final String MINIMAL = """
            environments:
              blue: {name: a, base_url: "http://127.0.0.1:9101/v1", api_key: "${BLUE_API_KEY}"}
              green: {name: b, base_url: "https://api.example.com/openai/v1", api_key: "${GREEN_API_KEY}"}
            """;

    private static RelayConfig parse(String yaml) {
        return ConfigLoader.parse(yaml, ENV::get);
    }

    @Test
    void theDocumentedExampleLoadsAndValidates() {
        RelayConfig config = ConfigLoader.load(Path.of("..", "examples", "relaygate.yaml"), ENV::get);
        assertThat(config.environments().blue().apiKey().reveal()).isEqualTo("sk-blue-secret");
        assertThat(config.environments().green().baseUrl()).isEqualTo("http://127.0.0.1:9102/v1");
        assertThat(config.routing().routingStrategy()).isEqualTo(RoutingStrategy.WEIGHTED);
        assertThat(config.routing().affinityHeader()).isEqualTo("X-Session-Id");
        assertThat(config.models()).containsEntry("fast", "gpt-4.1-mini");
        assertThat(config.admin().token().reveal()).isEqualTo("tok-123");
        assertThat(config.upstream().maxRetries()).isEqualTo(2);
        assertThat(config.limits().maxBodyBytes()).isEqualTo(10_485_760L);
        assertThat(config.trafficShift().validationThreshold().latencyP99Ms()).isEqualTo(200);
        assertThat(config.stateFile()).isEqualTo("relaygate-state.json");
        assertThat(config.healthCheckIntervalSeconds()).isEqualTo(30);
        assertThat(config.requestLog().retentionHours()).isEqualTo(72);
        assertThat(config.requestLog().shadowRetentionHours()).isEqualTo(24);
        assertThat(config.prices().get("gpt-4.1").outputPerMtok()).isEqualTo(8.0);
        assertThat(config.shadow().tokenTolerance()).isEqualTo(0.05);
    }

    @Test
    void leftOutSectionsGetTheirDefaults() {
        RelayConfig config = parse(MINIMAL);
        assertThat(config.server().port()).isEqualTo(8080);
        assertThat(config.routing().weights()).isEqualTo(new WeightsConfig(100, 0));
        assertThat(config.upstream().timeoutMs()).isEqualTo(60_000L);
        assertThat(config.clientKeys()).isEmpty();
        assertThat(config.admin().enabled()).isFalse();
    }

    @Test
    void theSeedsTrafficShiftAndAStateFileBindToTheRolloutRecords() {
        RelayConfig config = parse(MINIMAL + "traffic_shift:\n  increment: 20\n  interval_seconds: 60\n"
                + "  evaluation_interval_ms: 250\n  validation_threshold: {error_rate: 0.02, latency_p99_ms: 300}\n"
                + "state_file: /tmp/relaygate-state.json\n");

        assertThat(config.trafficShift().increment()).isEqualTo(20);
        assertThat(config.trafficShift().intervalSeconds()).isEqualTo(60);
        assertThat(config.trafficShift().evaluationIntervalMs()).isEqualTo(250);
        assertThat(config.trafficShift().validationThreshold().errorRate()).isEqualTo(0.02);
        assertThat(config.trafficShift().validationThreshold().latencyP99Ms()).isEqualTo(300);
        assertThat(config.trafficShift().validationThreshold().p99DifferenceMs())
                .isEqualTo(50);
        assertThat(config.stateFile()).isEqualTo("/tmp/relaygate-state.json");
        assertThat(parse(MINIMAL).trafficShift()).isEqualTo(dev.relaygate.relay.config.TrafficShiftSettings.defaults());
        assertThat(parse(MINIMAL).stateFile()).isNull();
    }

    @Test
    void substitutesEnvironmentVariablesWithDefaults() {
        RelayConfig config = parse(MINIMAL + "server: {port: \"${PORT:-9000}\"}\n");
        assertThat(config.server().port()).isEqualTo(9000);
        assertThat(config.environments().green().apiKey().reveal()).isEqualTo("sk-green-secret");
    }

    @Test
    void anUnsetVariableNamesTheFieldAndTheVariable() {
        assertThatThrownBy(() -> parse(MINIMAL + "admin: {token: \"${NOT_SET_ANYWHERE}\"}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("admin.token references ${NOT_SET_ANYWHERE}, which must be set, but was unset");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "weights out of range|routing: {weights: {blue: -40, green: 140}}"
                        + "|routing.weights.green must be in [0,100], but was 140",
                "weights not summing to 100|routing: {weights: {blue: 90, green: 20}}"
                        + "|routing.weights must sum to 100, but was blue 90 + green 20 = 110",
                "unknown strategy|routing: {strategy: random}"
                        + "|routing.strategy must be one of [weighted, shadow], but was \"random\"",
                "bad affinity header|routing: {affinity_header: \"X Session\"}"
                        + "|routing.affinity_header must be an HTTP header name, but was \"X Session\"",
                "port out of range|server: {port: 70000}|server.port must be in [0,65535], but was 70000",
                "port not a number|server: {port: eighty}|server.port must be a whole number, but was \"eighty\"",
                "negative retries|upstream: {max_retries: -1}|upstream.max_retries must be in [0,10], but was -1",
                "zero timeout|upstream: {timeout_ms: 0}|upstream.timeout_ms must be in [1,3600000], but was 0",
                "zero keep-alive|upstream: {keep_alive_timeout_seconds: 0}|upstream.keep_alive_timeout_seconds must be in [1,3600], but was 0",
                "zero body limit|limits: {max_body_bytes: 0}"
                        + "|limits.max_body_bytes must be in [1,1073741824], but was 0",
                "typo in a field|upstream: {timeout: 5}|upstream.timeout must be a known field",
                "rollout increment out of range|traffic_shift: {increment: 140}"
                        + "|traffic_shift.increment must be in [1,100], but was 140",
                "judge threshold out of range|traffic_shift: {validation_threshold: {error_rate: 1.5}}"
                        + "|validation_threshold.error_rate must be",
                "evaluation interval too short|traffic_shift: {evaluation_interval_ms: 1}"
                        + "|traffic_shift.evaluation_interval_ms must be in [10,60000], but was 1",
                "typo in traffic_shift|traffic_shift: {interval_secs: 5}|traffic_shift.interval_secs must be a known field",
                "unknown section|tracing: {on: true}|tracing must be a known field"
            })
    void invalidConfigsAreRejectedNamingFieldRuleAndValue(String name, String extra, String message) {
        assertThatThrownBy(() -> parse(MINIMAL + extra + "\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ftp://h/v1|environments.blue.base_url must be an absolute http(s) URL with a host, but was \"ftp://h/v1\"",
                "/v1|environments.blue.base_url must be an absolute http(s) URL with a host, but was \"/v1\"",
                "http://h/v1?x=1|environments.blue.base_url must not carry a query, fragment or user info"
            })
    void badBaseUrlsNameTheEnvironment(String url, String message) {
        String yaml = MINIMAL.replace("http://127.0.0.1:9101/v1", url);
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "http://relay-user:hunter2-secret@h/v1|\"http://[redacted]@h/v1\"",
                "https://hunter2-secret@h:8443/openai/v1|\"https://[redacted]@h:8443/openai/v1\"",
                "http://u:hunter2-secret@h:99999999999/v1|\"http://[redacted]@h:99999999999/v1\""
            })
    void aBaseUrlWithUserInfoIsRejectedWithoutPrintingIt(String url, String shown) {
        String yaml = MINIMAL.replace("http://127.0.0.1:9101/v1", url);
        assertThatThrownBy(() -> parse(yaml)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.field()).isEqualTo("environments.blue.base_url");
            assertThat(e.getMessage()).contains(shown).doesNotContain("hunter2");
        });
    }

    @Test
    void anEmptyAdminTokenIsRefusedAndTheMessageSaysHowToRunWithoutAnAdminApi() {
        Map<String, String> env = Map.of("RELAYGATE_ADMIN_TOKEN", "", "BLUE_API_KEY", "k", "GREEN_API_KEY", "k");
        assertThatThrownBy(
                        () -> ConfigLoader.parse(MINIMAL + "admin: {token: \"${RELAYGATE_ADMIN_TOKEN}\"}\n", env::get))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.field()).isEqualTo("admin.token");
                    assertThat(e.getMessage())
                            .startsWith("admin.token must be a non-empty token, but was empty")
                            .contains("leave the admin section out");
                });
        // Without the section there is no admin API, and that is not an error.
        assertThat(parse(MINIMAL).admin().enabled()).isFalse();
    }

    @Test
    void clientOverrideIsAllowOrDeny() {
        assertThat(parse(MINIMAL).routing().clientOverridePolicy()).isEqualTo(ClientOverride.ALLOW);
        assertThat(parse(MINIMAL + "routing: {client_override: deny}\n")
                        .routing()
                        .clientOverridePolicy())
                .isEqualTo(ClientOverride.DENY);
        assertThatThrownBy(() -> parse(MINIMAL + "routing: {client_override: sometimes}\n"))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.getMessage())
                                .isEqualTo(
                                        "routing.client_override must be one of [allow, deny], but was \"sometimes\""));
    }

    @Test
    void poolWaitQueueIsValidated() {
        assertThat(parse(MINIMAL).upstream().poolWaitQueue()).isEqualTo(256);
        assertThatThrownBy(() -> parse(MINIMAL + "upstream: {pool_wait_queue: -1}\n"))
                .hasMessage("upstream.pool_wait_queue must be in [0,1000000], but was -1");
    }

    @Test
    void aMissingEnvironmentAndAnEmptyKeyAreBothReported() {
        String yaml = """
                environments:
                  blue: {name: a, base_url: "http://h/v1", api_key: ""}
                """;
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems())
                        .containsExactly(
                                "environments.blue.api_key must be a non-empty key, but was empty",
                                "environments.green must be defined (name, base_url, api_key), but was missing"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "an out-of-range value a record rejects|traffic_shift: {increment: 140}|traffic_shift.increment",
                "a judge threshold bound inside traffic_shift|traffic_shift: {validation_threshold: {error_rate: 1.5}}"
                        + "|validation_threshold.error_rate",
                "an unknown field|upstream: {timeout: 5}|upstream.timeout",
                "an unknown section|tracing: {on: true}|tracing",
                "a wrong type|server: {port: eighty}|server.port",
                "weights not summing to 100|routing: {weights: {blue: 90, green: 20}}|routing.weights",
                "an empty client key|client_keys: [\"\"]|client_keys[0]",
                "an unset variable|admin: {token: \"${NOT_SET_ANYWHERE}\"}|admin.token"
            })
    void aRejectedConfigCarriesTheFieldItsMessageNames(String name, String extra, String field) {
        assertThatThrownBy(() -> parse(MINIMAL + extra + "\n")).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).startsWith(field + " ");
        });
    }

    @Test
    void withSeveralProblemsTheFieldIsTheFirstProblemsField() {
        String yaml = """
                environments:
                  blue: {name: a, base_url: "http://h/v1", api_key: ""}
                """;
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.field()).isEqualTo("environments.blue.api_key"));
    }

    @Test
    void aProblemThatNamesNoFieldHasANullField() {
        assertThat(new ConfigException("config must not be empty, but was").field())
                .isNull();
        assertThatThrownBy(() -> parse("server:\n  port: [1,\n"))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.field()).isNull());
    }

    @Test
    void aFieldPrefixIsAddedToTheFieldAndToAMessageThatStartsWithIt() {
        ConfigException e = ConfigException.of(List.of(
                        new ConfigProblem(
                                "validation_threshold.error_rate",
                                "validation_threshold.error_rate must be in (0,1), but was 1.5"),
                        new ConfigProblem("validation_threshold.confidence", "confidence is out of range"),
                        new ConfigProblem(null, "something without a field")))
                .withFieldPrefix("traffic_shift.");

        assertThat(e.field()).isEqualTo("traffic_shift.validation_threshold.error_rate");
        assertThat(e.problems())
                .containsExactly(
                        "traffic_shift.validation_threshold.error_rate must be in (0,1), but was 1.5",
                        "confidence is out of range",
                        "something without a field");
    }

    @Test
    void validateThrowsAnInvalidValueExceptionNamingTheField() {
        assertThatThrownBy(() -> Validate.inRange("traffic_shift.increment", 140, 1, 100))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("traffic_shift.increment");
                    assertThat(e).hasMessage("traffic_shift.increment must be in [1,100], but was 140");
                });
        assertThatThrownBy(() -> Validate.openUnit("validation_threshold.error_rate", 1.5))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("validation_threshold.error_rate"));
    }

    @Test
    void secretsAreRedactedInToStringAndJsonButErrorsNeverEchoThem() throws JsonProcessingException {
        RelayConfig config = parse(MINIMAL + "client_keys: [sk-client-secret]\n");
        assertThat(config.toString())
                .doesNotContain("sk-blue-secret", "sk-green-secret", "sk-client-secret")
                .contains(Secret.REDACTED);
        String json = ConfigLoader.jsonMapper().writeValueAsString(config);
        assertThat(json)
                .doesNotContain("sk-blue-secret", "sk-green-secret", "sk-client-secret")
                .contains("\"api_key\":\"[redacted]\"");
        assertThatThrownBy(() -> parse(MINIMAL.replace("http://127.0.0.1:9101/v1", "nope")))
                .hasMessageNotContaining("sk-blue-secret");
    }

    @Test
    void invalidYamlReportsTheLine() {
        assertThatThrownBy(() -> parse("server:\n  port: [1,\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config must be valid YAML");
    }
}
