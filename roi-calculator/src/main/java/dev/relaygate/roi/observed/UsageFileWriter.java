package dev.relaygate.roi.observed;

import dev.relaygate.roi.pricing.PriceCatalog;
import dev.relaygate.roi.usage.UsageFile;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

/**
 * Writes observed usage as a usage file (the schema of examples/usage.yaml) for the user to edit: the
 * models and their monthly volumes from what was observed, every other section from a template, and
 * comments that say where the volumes came from. Written by hand because YAML comments cannot be written by
 * Jackson; a test reads the result back through the usage loader.
 */
public final class UsageFileWriter {

    private UsageFileWriter() {}

    public static String write(ObservedUsage observed, UsageFile template, String templateName, PriceCatalog catalog) {
        StringBuilder y = new StringBuilder();
        y.append("# Monthly volumes derived by relaygate's roi-calculator from ")
                .append(observed.source())
                .append('\n');
        y.append("# window: ")
                .append(observed.first())
                .append(" to ")
                .append(observed.last())
                .append(" (")
                .append(String.format(Locale.ROOT, "%.2f h", observed.windowHours()))
                .append("), every volume x")
                .append(ObservedText.number(observed.monthScale()))
                .append(" to 30 days\n");
        y.append("# requests: ")
                .append(ObservedText.requestsPerModel(observed.models()))
                .append('\n');
        y.append("# shadow copies left out: ")
                .append(observed.shadowLeftOut())
                .append("; unreadable lines: ")
                .append(observed.unreadable())
                .append('\n');
        y.append("# cache writes are not in the log: monthly_cache_write_mtok is 0 (add them if your provider bills"
                + " them)\n");
        y.append("# every section but models comes from ")
                .append(templateName)
                .append(": edit them to match your relay\n");
        y.append("version: 1\n");
        y.append("currency: ")
                .append(template.currency() == null ? "USD" : template.currency())
                .append('\n');
        if (template.fx() != null && template.fx().cnyPerUsd() != null) {
            y.append("fx:\n  CNY_per_USD: ")
                    .append(num(template.fx().cnyPerUsd()))
                    .append('\n');
        }
        if (template.projection() != null) {
            y.append("projection:\n");
            field(y, "months", template.projection().months());
            field(y, "monthly_growth_rate", template.projection().monthlyGrowthRate());
        }
        if (template.migration() != null) {
            y.append("migration:\n");
            field(y, "engineering_hours", template.migration().engineeringHours());
            field(y, "hourly_rate", template.migration().hourlyRate());
        }
        if (template.relay() != null) {
            y.append("relay:\n");
            field(y, "pricing", template.relay().pricing());
            field(y, "flat_per_mtok", template.relay().flatPerMtok());
            field(y, "multiplier", template.relay().multiplier());
            field(y, "cny_per_usd_of_credit", template.relay().cnyPerUsdOfCredit());
        }
        y.append("models:\n");
        observed.models().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(e -> model(y, e.getKey(), e.getValue(), observed, template, catalog));
        if (template.uncertainty() != null) {
            UsageFile.Uncertainty u = template.uncertainty();
            y.append("uncertainty:\n");
            field(y, "volume_cv", u.volumeCv());
            field(y, "price_cv", u.priceCv());
            field(y, "fx_cv", u.fxCv());
            field(y, "trials", u.trials());
            field(y, "seed", u.seed());
        }
        return y.toString();
    }

    private static void model(
            StringBuilder y,
            String name,
            ObservedUsage.Volumes v,
            ObservedUsage observed,
            UsageFile template,
            PriceCatalog catalog) {
        UsageFile.ModelUsage known = template.models() == null
                ? null
                : template.models().stream()
                        .filter(m -> name.equals(m.model()))
                        .findFirst()
                        .orElse(null);
        y.append("  - model: ")
                .append(quoted(name))
                .append("    # ")
                .append(v.requests())
                .append(" requests observed");
        if (catalog.find(name).isEmpty() && (known == null || known.directPrices() == null)) {
            y.append("; not in the price catalog: add direct_prices");
        }
        y.append('\n');
        y.append("    monthly_input_mtok: ")
                .append(num(observed.monthlyMtok(v.uncachedInput())))
                .append('\n');
        y.append("    monthly_cached_input_mtok: ")
                .append(num(observed.monthlyMtok(v.cachedInput())))
                .append('\n');
        y.append("    monthly_cache_write_mtok: 0\n");
        y.append("    monthly_output_mtok: ")
                .append(num(observed.monthlyMtok(v.output())))
                .append('\n');
        if (known != null) {
            prices(y, "direct_prices", known.directPrices());
            prices(y, "relay_prices", known.relayPrices());
        }
    }

    private static void prices(StringBuilder y, String name, UsageFile.PriceOverride p) {
        if (p == null) {
            return;
        }
        StringBuilder inner = new StringBuilder();
        inline(inner, "input_per_mtok", p.inputPerMtok());
        inline(inner, "cached_input_per_mtok", p.cachedInputPerMtok());
        inline(inner, "cache_write_per_mtok", p.cacheWritePerMtok());
        inline(inner, "output_per_mtok", p.outputPerMtok());
        y.append("    ").append(name).append(": {").append(inner).append("}\n");
    }

    private static void inline(StringBuilder sb, String key, Double value) {
        if (value != null) {
            sb.append(sb.length() == 0 ? "" : ", ").append(key).append(": ").append(num(value));
        }
    }

    private static void field(StringBuilder y, String key, Object value) {
        if (value == null) {
            return;
        }
        String text = value instanceof Double d ? num(d) : value instanceof String s ? quoted(s) : value.toString();
        y.append("  ").append(key).append(": ").append(text).append('\n');
    }

    private static String num(double value) {
        return ObservedText.number(value);
    }

    /** A model name as a YAML string, quoted so names like "o1" or "yes" stay strings. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
