package dev.relaygate.relay.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.relaygate.relay.config.ModelPrice;
import dev.relaygate.relay.exchange.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class CostCalculatorTest {

    private final CostCalculator calc = new CostCalculator(Map.of("gpt-4.1", new ModelPrice(2.0, 0.5, 8.0)));

    @Test
    void pricesUncachedCachedAndOutputTokensPerMillion() {
        // 1,000 prompt tokens of which 400 cached, 500 completion tokens.
        double expected = (600 * 2.0 + 400 * 0.5 + 500 * 8.0) / 1_000_000;
        assertThat(calc.costUsd("gpt-4.1", 1000, 400, 500)).hasValueCloseTo(expected, within(1e-12));
    }

    @Test
    void hasNoCostForAModelWithoutAPrice() {
        assertThat(calc.costUsd("unknown-model", 1000, 0, 10)).isEmpty();
    }

    @Test
    void bindsTheRoiCalculatorsFieldNamesAndDefaultsTheCachedPrice() throws Exception {
        Map<String, ModelPrice> prices = new YAMLMapper()
                .readValue(
                        "gpt-4.1:\n  input_per_mtok: 2.0\n  output_per_mtok: 8.0\n",
                        new TypeReference<Map<String, ModelPrice>>() {});
        assertThat(prices.get("gpt-4.1")).isEqualTo(new ModelPrice(2.0, 2.0, 8.0));
    }

    @ParameterizedTest
    @CsvSource({
        "-1.0, 0.5, 8.0, input_per_mtok",
        "2.0, -0.5, 8.0, cached_input_per_mtok",
        "2.0, 0.5, NaN, output_per_mtok"
    })
    void rejectsNegativeOrNonFinitePricesNamingTheField(double in, double cached, double out, String field) {
        assertThatThrownBy(() -> new ModelPrice(in, cached, out))
                .hasMessageStartingWith(field + " must be a finite number >= 0, but was ");
    }

    @Test
    void metersCostPerThousandRequestsPerEnvironment() {
        CostMeter meter = new CostMeter();
        meter.record(Environment.GREEN, 0.002);
        meter.record(Environment.GREEN, 0.004);
        meter.record(Environment.GREEN, Double.NaN);
        CostMeter.EnvironmentCost green = meter.snapshot(Environment.GREEN);
        assertThat(green.requests()).isEqualTo(3);
        assertThat(green.costPer1000RequestsUsd()).isCloseTo(3.0, within(1e-9));
        assertThat(meter.snapshot(Environment.BLUE).costPer1000RequestsUsd()).isZero();
    }
}
