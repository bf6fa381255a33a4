package dev.relaygate.reports.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class FmtTest {

    @ParameterizedTest
    @CsvSource({
        "12000, '12,000'",
        "245.34, 245.3",
        "21.0, 21",
        "44.9, 44.9",
        "0.04123, 0.0412",
        "0, 0",
        "-16.5, -16.5",
        "1e7, '10,000,000'",
        "0.0001234, 0.000123",
        "NaN, n/a"
    })
    void numbersReadWellAtEveryMagnitude(double value, String expected) {
        assertThat(Fmt.num(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1400.6, USD, '$1,400.60'", "-439.4, USD, '-$439.40'", "12.5, EUR, '12.50 EUR'", "-0.001, USD, '$0.00'"
    })
    void moneyHasTwoDecimalsAndItsCurrency(double amount, String currency, String expected) {
        assertThat(Fmt.money(amount, currency)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"47.48175, 47.48", "64.0, 64", "237.40000000000003, 237.4"})
    void coordinatesKeepTwoDecimals(double value, String expected) {
        assertThat(Fmt.px(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"66.19999999999999, 66.2", "142.0, 142", "0.1, 0.1"})
    void dataValuesDropFloatingPointNoise(double value, String expected) {
        assertThat(Fmt.data(value)).isEqualTo(expected);
    }
}
