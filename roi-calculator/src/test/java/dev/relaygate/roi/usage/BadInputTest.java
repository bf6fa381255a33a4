package dev.relaygate.roi.usage;

import static dev.relaygate.roi.Fixtures.scenario;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.relaygate.roi.RoiInputException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class BadInputTest {
    private static final String RELAY = "relay: {pricing: flat, flat_per_mtok: 1.0}\n";
    private static final String FX = "fx: {CNY_per_USD: 7.30}\n";
    private static final String GPT =
            "models:\n  - {model: gpt-4.1, monthly_input_mtok: 20, monthly_output_mtok: 10}\n";

    private static String file(String... sections) {
        return "version: 1\n" + String.join("", sections);
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                arguments(
                        "unknown model",
                        file(
                                RELAY,
                                "models:\n  - {model: gpt-9, monthly_input_mtok: 1," + " monthly_output_mtok: 1}\n"),
                        "models[0].model 'gpt-9' is not in the price catalog"),
                arguments(
                        "unknown model lists known ones",
                        file(
                                RELAY,
                                "models:\n  - {model: gpt-9," + " monthly_input_mtok: 1, monthly_output_mtok: 1}\n"),
                        "known models: claude-haiku-4.5,"),
                arguments(
                        "unknown model, partial direct prices",
                        file(
                                RELAY,
                                "models:\n  - {model: x,"
                                        + " monthly_input_mtok: 1, monthly_output_mtok: 1, direct_prices: {input_per_mtok: 1}}\n"),
                        "models[0].direct_prices does not price every used token kind"),
                arguments(
                        "negative volume",
                        file(
                                RELAY,
                                "models:\n  - {model: gpt-4.1, monthly_input_mtok: -5,"
                                        + " monthly_output_mtok: 10}\n"),
                        "models[0].monthly_input_mtok must be a finite number >= 0, but was -5.0"),
                arguments(
                        "negative cached volume",
                        file(
                                RELAY,
                                "models:\n  - {model: gpt-4.1, monthly_input_mtok: 5,"
                                        + " monthly_cached_input_mtok: -1, monthly_output_mtok: 10}\n"),
                        "models[0].monthly_cached_input_mtok must be a finite number >= 0, but was -1.0"),
                arguments(
                        "non-numeric volume",
                        file(
                                RELAY,
                                "models:\n  - {model: gpt-4.1, monthly_input_mtok: lots,"
                                        + " monthly_output_mtok: 10}\n"),
                        "models[0].monthly_input_mtok must be a number, but was 'lots'"),
                arguments(
                        "quoted number",
                        file(
                                RELAY,
                                "models:\n  - {model: gpt-4.1, monthly_input_mtok: \"20\","
                                        + " monthly_output_mtok: 10}\n"),
                        "models[0].monthly_input_mtok must be a number, but was '20' (a string)"),
                arguments(
                        "list for a volume",
                        file(
                                RELAY,
                                "models:\n  - {model: gpt-4.1, monthly_input_mtok: [1],"
                                        + " monthly_output_mtok: 10}\n"),
                        "models[0].monthly_input_mtok must be a number, but was an array"),
                arguments("models not a list", file(RELAY, "models: gpt-4.1\n"), "models must be a list"),
                arguments(
                        "missing output volume",
                        file(RELAY, "models:\n  - {model: gpt-4.1, monthly_input_mtok: 2}\n"),
                        "models[0].monthly_output_mtok is required, but was missing"),
                arguments(
                        "typo in a model field",
                        file(
                                RELAY,
                                "models:\n  - {model: gpt-4.1, monthly_input_mtok: 2,"
                                        + " monthly_output_mtok: 1, monthly_cahced_input_mtok: 5}\n"),
                        "unknown field 'monthly_cahced_input_mtok' in models[0]"),
                arguments(
                        "typo at top level",
                        file(RELAY, GPT, "projecton: {months: 3}\n"),
                        "unknown field 'projecton' in (top level)"),
                arguments(
                        "typo in a price override",
                        file(
                                RELAY,
                                "models:\n  - {model: gpt-4.1, monthly_input_mtok: 2,"
                                        + " monthly_output_mtok: 1, relay_prices: {output_per_mtokk: 1}}\n"),
                        "unknown field 'output_per_mtokk' in models[0].relay_prices"),
                arguments(
                        "negative override price",
                        file(
                                RELAY,
                                "models:\n  - {model: gpt-4.1, monthly_input_mtok: 2,"
                                        + " monthly_output_mtok: 1, relay_prices: {output_per_mtok: -1}}\n"),
                        "models[0].relay_prices.output_per_mtok must be a finite number >= 0, but was -1.0"),
                arguments(
                        "volume cv above 2",
                        file(RELAY, GPT, "uncertainty: {volume_cv: 2.5}\n"),
                        "uncertainty.volume_cv must be in [0, 2.0], but was 2.5"),
                arguments(
                        "price cv below 0",
                        file(RELAY, GPT, "uncertainty: {price_cv: -0.1}\n"),
                        "uncertainty.price_cv must be in [0, 2.0], but was -0.1"),
                arguments(
                        "fx cv above 2",
                        file(RELAY, GPT, "uncertainty: {fx_cv: 3}\n"),
                        "uncertainty.fx_cv must be in [0, 2.0], but was 3.0"),
                arguments(
                        "too few trials",
                        file(RELAY, GPT, "uncertainty: {trials: 99}\n"),
                        "uncertainty.trials must be in [100, 10000000], but was 99"),
                arguments(
                        "too many trials",
                        file(RELAY, GPT, "uncertainty: {trials: 10000001}\n"),
                        "uncertainty.trials must be in [100, 10000000], but was 10000001"),
                arguments(
                        "fractional trials",
                        file(RELAY, GPT, "uncertainty: {trials: 1000.5}\n"),
                        "uncertainty.trials must be a whole number"),
                arguments(
                        "fx_credit without fx",
                        file("relay: {pricing: fx_credit, cny_per_usd_of_credit: 1.0}\n", GPT),
                        "fx.CNY_per_USD is required when relay.pricing is fx_credit, but was missing"),
                arguments(
                        "fx_credit without credit rate",
                        file(FX, "relay: {pricing: fx_credit}\n", GPT),
                        "relay.cny_per_usd_of_credit is required when relay.pricing is fx_credit, but was missing"),
                arguments(
                        "zero fx",
                        file("fx: {CNY_per_USD: 0}\n", RELAY, GPT),
                        "fx.CNY_per_USD must be a finite number > 0, but was 0.0"),
                arguments(
                        "unknown relay pricing",
                        file("relay: {pricing: tiered}\n", GPT),
                        "relay.pricing must be one of flat, multiplier, fx_credit, but was 'tiered'"),
                arguments(
                        "flat without price",
                        file("relay: {pricing: flat}\n", GPT),
                        "relay.flat_per_mtok is required when relay.pricing is flat, but was missing"),
                arguments(
                        "parameter of another pricing model",
                        file("relay: {pricing: flat, flat_per_mtok: 1," + " multiplier: 0.5}\n", GPT),
                        "relay.multiplier is not used by relay.pricing 'flat', but was 0.5"),
                arguments(
                        "negative multiplier",
                        file("relay: {pricing: multiplier, multiplier: -0.1}\n", GPT),
                        "relay.multiplier must be a finite number >= 0, but was -0.1"),
                arguments("missing relay", file(GPT), "relay.pricing is required"),
                arguments(
                        "zero months",
                        file(RELAY, GPT, "projection: {months: 0}\n"),
                        "projection.months must be in [1, 600], but was 0"),
                arguments(
                        "growth of -100%",
                        file(RELAY, GPT, "projection: {monthly_growth_rate: -1.0}\n"),
                        "projection.monthly_growth_rate must be in (-1, 1], but was -1.0"),
                arguments(
                        "negative hours",
                        file(RELAY, GPT, "migration: {engineering_hours: -3, hourly_rate: 1}\n"),
                        "migration.engineering_hours must be a finite number >= 0, but was -3.0"),
                arguments("wrong version", "version: 2\n" + RELAY + GPT, "version must be 1, but was 2"),
                arguments("missing version", RELAY + GPT, "version must be 1, but was null"),
                arguments(
                        "other currency",
                        file("currency: EUR\n", RELAY, GPT),
                        "currency must be USD (the catalog's currency), but was 'EUR'"),
                arguments(
                        "no models", file(RELAY, "models: []\n"), "models must list at least one model, but was empty"),
                arguments(
                        "model listed twice via alias",
                        file(
                                RELAY,
                                "models:\n"
                                        + "  - {model: claude-sonnet-4.5, monthly_input_mtok: 1, monthly_output_mtok: 1}\n"
                                        + "  - {model: claude-sonnet-4-5, monthly_input_mtok: 1, monthly_output_mtok: 1}\n"),
                        "models[1].model must appear once, but 'claude-sonnet-4-5' is listed again"),
                arguments(
                        "duplicate key",
                        file(
                                RELAY,
                                "models:\n  - model: gpt-4.1\n    monthly_input_mtok: 1\n"
                                        + "    monthly_input_mtok: 2\n    monthly_output_mtok: 1\n"),
                        "Duplicate field 'monthly_input_mtok'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadUsageFileIsRejectedWithAMessageNamingFieldAndValue(String name, String yaml, String message) {
        assertThatThrownBy(() -> scenario(yaml))
                .isInstanceOf(RoiInputException.class)
                .hasMessageContaining(message);
    }
}
