package dev.relaygate.relay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class TrafficShiftSettingsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void bindsTheSeedsTrafficShiftObject() throws Exception {
        TrafficShiftSettings s = json.readValue(
                "{\"increment\": 10, \"interval_seconds\": 300, \"validation_threshold\":"
                        + " {\"error_rate\": 0.01, \"latency_p99_ms\": 200, \"p99_difference_ms\": 50}}",
                TrafficShiftSettings.class);
        assertThat(s.increment()).isEqualTo(10);
        assertThat(s.intervalSeconds()).isEqualTo(300);
        assertThat(s.validationThreshold().latencyP99Ms()).isEqualTo(200);
        assertThat(s.evaluationIntervalMs()).isEqualTo(1000);
        assertThat(s.windowSeconds()).isEqualTo(30);
        assertThat(s).isEqualTo(TrafficShiftSettings.defaults());
    }

    @Test
    void bindsTheSameShapeFromYaml() throws Exception {
        String yaml = "increment: 20\ninterval_seconds: 60\nwindow_seconds: 15\nvalidation_threshold:\n"
                + "  error_rate: 0.02\n  confidence: 0.99\n  min_similarity: 0.9\n";
        TrafficShiftSettings s = new YAMLMapper().readValue(yaml, TrafficShiftSettings.class);
        assertThat(s.increment()).isEqualTo(20);
        assertThat(s.windowMillis()).isEqualTo(15_000);
        assertThat(s.validationThreshold().confidence()).isEqualTo(0.99);
        assertThat(s.validationThreshold().minSimilarity()).isEqualTo(0.9);
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        TrafficShiftSettings s = TrafficShiftSettings.of(5, 120L, null, 500L, 20L);
        assertThat(json.readValue(json.writeValueAsString(s), TrafficShiftSettings.class))
                .isEqualTo(s);
    }

    @Test
    void rejectsUnknownFields() {
        assertThatThrownBy(() -> json.readValue("{\"incremnt\": 10}", TrafficShiftSettings.class))
                .isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("incremnt");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"increment\": 0}               | traffic_shift.increment must be in [1,100], but was 0",
                "{\"increment\": 140}             | traffic_shift.increment must be in [1,100], but was 140",
                "{\"interval_seconds\": 0}        | traffic_shift.interval_seconds must be > 0, but was 0",
                "{\"evaluation_interval_ms\": 5}  | traffic_shift.evaluation_interval_ms must be in [10,60000], but was 5",
                "{\"window_seconds\": -3}         | traffic_shift.window_seconds must be > 0, but was -3"
            })
    void rejectsOutOfRangeValuesNamingFieldRuleAndValue(String body, String message) {
        assertThatThrownBy(() -> json.readValue(body, TrafficShiftSettings.class))
                .rootCause()
                .hasMessage(message);
    }
}
