package dev.relaygate.roi.usage;

import dev.relaygate.roi.RoiInputException;
import dev.relaygate.roi.pricing.CatalogEntry;
import dev.relaygate.roi.pricing.PriceCatalog;
import dev.relaygate.roi.pricing.RelayPricing;
import dev.relaygate.roi.usage.UsageFile.ModelUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Checks a {@link UsageFile}, applies defaults and resolves every price against the catalog. */
public final class UsageValidator {
    static final int DEFAULT_MONTHS = 12;
    static final int MAX_MONTHS = 600;
    static final double MAX_CV = 2.0;
    static final long MIN_TRIALS = 100;
    static final long MAX_TRIALS = 10_000_000;

    private UsageValidator() {}

    public static Scenario validate(UsageFile file, PriceCatalog catalog, String usageFileName) {
        if (file.version() == null || file.version() != 1) {
            throw new RoiInputException("version must be 1, but was " + file.version());
        }
        String currency = file.currency() == null ? "USD" : file.currency();
        if (!"USD".equals(currency)) {
            throw new RoiInputException("currency must be USD (the catalog's currency), but was '" + currency + "'");
        }
        double fx = Double.NaN;
        if (file.fx() != null && file.fx().cnyPerUsd() != null) {
            fx = positive("fx.CNY_per_USD", file.fx().cnyPerUsd());
        }
        int months = DEFAULT_MONTHS;
        double growth = 0.0;
        if (file.projection() != null) {
            if (file.projection().months() != null) {
                months = file.projection().months();
                if (months < 1 || months > MAX_MONTHS) {
                    throw new RoiInputException(
                            "projection.months must be in [1, " + MAX_MONTHS + "], but was " + months);
                }
            }
            if (file.projection().monthlyGrowthRate() != null) {
                growth = file.projection().monthlyGrowthRate();
                if (!Double.isFinite(growth) || growth <= -1.0 || growth > 1.0) {
                    throw new RoiInputException("projection.monthly_growth_rate must be in (-1, 1], but was " + growth);
                }
            }
        }
        double hours = 0.0;
        double rate = 0.0;
        if (file.migration() != null) {
            hours = nonNegative(
                    "migration.engineering_hours", orZero(file.migration().engineeringHours()));
            rate = nonNegative("migration.hourly_rate", orZero(file.migration().hourlyRate()));
        }
        RelayPricing relay = relay(file.relay(), fx);
        List<Scenario.ModelLine> lines = models(file.models(), catalog, relay, fx);
        return new Scenario(
                usageFileName,
                currency,
                fx,
                months,
                growth,
                hours,
                rate,
                relay,
                lines,
                uncertainty(file.uncertainty()));
    }

    private static RelayPricing relay(UsageFile.Relay relay, double fx) {
        if (relay == null || relay.pricing() == null) {
            throw new RoiInputException("relay.pricing is required (flat, multiplier or fx_credit), but was missing");
        }
        String pricing = relay.pricing().trim().toLowerCase(Locale.ROOT);
        switch (pricing) {
            case RelayPricing.FLAT -> {
                unused(relay.multiplier(), "multiplier", pricing);
                unused(relay.cnyPerUsdOfCredit(), "cny_per_usd_of_credit", pricing);
                return RelayPricing.flat(nonNegative(
                        "relay.flat_per_mtok", required("relay.flat_per_mtok", relay.flatPerMtok(), pricing)));
            }
            case RelayPricing.MULTIPLIER -> {
                unused(relay.flatPerMtok(), "flat_per_mtok", pricing);
                unused(relay.cnyPerUsdOfCredit(), "cny_per_usd_of_credit", pricing);
                return RelayPricing.multiplier(
                        nonNegative("relay.multiplier", required("relay.multiplier", relay.multiplier(), pricing)));
            }
            case RelayPricing.FX_CREDIT -> {
                unused(relay.flatPerMtok(), "flat_per_mtok", pricing);
                unused(relay.multiplier(), "multiplier", pricing);
                double credit = positive(
                        "relay.cny_per_usd_of_credit",
                        required("relay.cny_per_usd_of_credit", relay.cnyPerUsdOfCredit(), pricing));
                if (Double.isNaN(fx)) {
                    throw new RoiInputException(
                            "fx.CNY_per_USD is required when relay.pricing is fx_credit, but was missing");
                }
                return RelayPricing.fxCredit(credit, fx);
            }
            default ->
                throw new RoiInputException(
                        "relay.pricing must be one of flat, multiplier, fx_credit, but was '" + relay.pricing() + "'");
        }
    }

    private static List<Scenario.ModelLine> models(
            List<ModelUsage> models, PriceCatalog catalog, RelayPricing relay, double fx) {
        if (models == null || models.isEmpty()) {
            throw new RoiInputException(
                    "models must list at least one model, but was " + (models == null ? "missing" : "empty"));
        }
        List<Scenario.ModelLine> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < models.size(); i++) {
            ModelUsage usage = models.get(i);
            String where = "models[" + i + "]";
            if (usage == null || usage.model() == null || usage.model().isBlank()) {
                throw new RoiInputException(where + ".model is required, but was missing");
            }
            Optional<CatalogEntry> entry = catalog.find(usage.model());
            String identity =
                    entry.map(CatalogEntry::model).orElse(usage.model()).toLowerCase(Locale.ROOT);
            if (!seen.add(identity)) {
                throw new RoiInputException(where + ".model must appear once, but '" + usage.model()
                        + "' is listed again (aliases count as the same model)");
            }
            lines.add(ModelResolver.resolve(usage, where, entry, catalog, relay, fx));
        }
        return lines;
    }

    private static Scenario.Uncertainty uncertainty(UsageFile.Uncertainty u) {
        UsageFile.Uncertainty in = u == null ? new UsageFile.Uncertainty(null, null, null, null, null) : u;
        double volumeCv = cv("uncertainty.volume_cv", in.volumeCv(), 0.20);
        double priceCv = cv("uncertainty.price_cv", in.priceCv(), 0.0);
        double fxCv = cv("uncertainty.fx_cv", in.fxCv(), 0.05);
        long trials = in.trials() == null ? 10_000 : in.trials();
        if (trials < MIN_TRIALS || trials > MAX_TRIALS) {
            throw new RoiInputException(
                    "uncertainty.trials must be in [" + MIN_TRIALS + ", " + MAX_TRIALS + "], but was " + trials);
        }
        long seed = in.seed() == null ? 42L : in.seed();
        return new Scenario.Uncertainty(volumeCv, priceCv, fxCv, (int) trials, seed);
    }

    private static double cv(String field, Double value, double fallback) {
        double v = value == null ? fallback : value;
        if (!Double.isFinite(v) || v < 0 || v > MAX_CV) {
            throw new RoiInputException(field + " must be in [0, " + MAX_CV + "], but was " + v);
        }
        return v;
    }

    private static void unused(Double value, String field, String pricing) {
        if (value != null) {
            throw new RoiInputException(
                    "relay." + field + " is not used by relay.pricing '" + pricing + "', but was " + value);
        }
    }

    private static double required(String field, Double value, String pricing) {
        if (value == null) {
            throw new RoiInputException(field + " is required when relay.pricing is " + pricing + ", but was missing");
        }
        return value;
    }

    static double nonNegative(String field, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new RoiInputException(field + " must be a finite number >= 0, but was " + value);
        }
        return value;
    }

    private static double positive(String field, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new RoiInputException(field + " must be a finite number > 0, but was " + value);
        }
        return value;
    }

    private static double orZero(Double value) {
        return value == null ? 0.0 : value;
    }
}
