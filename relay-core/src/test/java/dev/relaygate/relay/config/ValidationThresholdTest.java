package dev.relaygate.relay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ValidationThresholdTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void bindsTheSeedShapeAndDefaultsTheRest() throws Exception {
        ValidationThreshold t = mapper.readValue(
                "{\"error_rate\": 0.02, \"latency_p99_ms\": 300, \"p99_difference_ms\": 40}",
                ValidationThreshold.class);
        assertThat(t.errorRate()).isEqualTo(0.02);
        assertThat(t.latencyP99Ms()).isEqualTo(300);
        assertThat(t.p99DifferenceMs()).isEqualTo(40);
        assertThat(t.confidence()).isEqualTo(0.999);
        assertThat(t.minSamples()).isEqualTo(100);
        assertThat(t.minSimilarity()).isEqualTo(0.92);
        assertThat(t.count429AsError()).isTrue();
    }

    @Test
    void writesSnakeCaseNames() throws Exception {
        String json = mapper.writeValueAsString(ValidationThreshold.defaults());
        assertThat(json).contains("\"error_rate\":0.01", "\"latency_p99_ms\":200", "\"count_429_as_error\":true");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"error_rate\": 1.5}                           | validation_threshold.error_rate must be in (0,1), but was 1.5",
                "{\"latency_p99_ms\": 0}                         | validation_threshold.latency_p99_ms must be > 0, but was 0",
                "{\"p99_difference_ms\": -1}                     | validation_threshold.p99_difference_ms must be >= 0, but was -1",
                "{\"min_samples\": 0}                            | validation_threshold.min_samples must be >= 1, but was 0",
                "{\"confidence\": 1.0}                           | validation_threshold.confidence must be in (0,1), but was 1.0",
                "{\"baseline_error_rate\": 0.02}                 | validation_threshold.baseline_error_rate must be below error_rate (0.01), but was 0.02",
                "{\"min_similarity\": 1.2}                       | validation_threshold.min_similarity must be in [0,1], but was 1.2",
                "{\"max_dissimilar_share\": 0}                   | validation_threshold.max_dissimilar_share must be in (0,1), but was 0.0"
            })
    void rejectsOutOfRangeValuesNamingFieldRuleAndValue(String json, String message) {
        assertThatThrownBy(() -> mapper.readValue(json, ValidationThreshold.class))
                .isInstanceOf(ValueInstantiationException.class)
                .rootCause()
                .hasMessage(message);
    }
}
