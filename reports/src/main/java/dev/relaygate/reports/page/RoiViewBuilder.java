package dev.relaygate.reports.page;

import dev.relaygate.reports.chart.RoiCharts;
import dev.relaygate.reports.chart.TornadoChart;
import dev.relaygate.reports.format.Fmt;
import dev.relaygate.reports.input.Input;
import dev.relaygate.reports.input.RoiResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The ROI section: headline cards, the per-model table with its traceable breakdown, charts. */
final class RoiViewBuilder {

    private RoiViewBuilder() {}

    static ReportPage.RoiView build(Input<RoiResult> input) {
        ReportPage.Status status = Statuses.of(input, Statuses.ROI_COMMAND);
        if (!(input instanceof Input.Present<RoiResult> present)) {
            return new ReportPage.RoiView(status, List.of(), List.of(), null, null, null, null, List.of(), List.of());
        }
        RoiResult roi = present.value();
        String c = roi.currency();
        return new ReportPage.RoiView(
                status,
                cards(roi),
                models(roi),
                RoiCharts.costs(roi).orElse(null),
                RoiCharts.band(roi).orElse(null),
                RoiCharts.projection(roi).orElse(null),
                TornadoChart.build(roi).orElse(null),
                roi.sensitivity().stream()
                        .map(s -> new ReportPage.SensitivityRow(
                                s.input(),
                                Fmt.num(s.low()),
                                Fmt.num(s.high()),
                                Fmt.money(s.horizonSavingsLow(), c),
                                Fmt.money(s.horizonSavingsHigh(), c)))
                        .toList(),
                about(roi));
    }

    private static List<ReportPage.Card> cards(RoiResult roi) {
        String c = roi.currency();
        RoiResult.Totals t = roi.totals();
        List<ReportPage.Card> cards = new ArrayList<>();
        String advised = t.advisedSavingsMonthly() == null || t.advisedSavingsMonthly() == t.savingsMonthly()
                ? ""
                : "; " + Fmt.money(t.advisedSavingsMonthly(), c) + " if each model follows its advice";
        cards.add(new ReportPage.Card(
                "Savings per month",
                Fmt.money(t.savingsMonthly(), c),
                Fmt.pct(t.savingsPct()) + " of " + Fmt.money(t.directMonthly(), c) + " direct, all via the relay"
                        + advised));
        cards.add(new ReportPage.Card(
                "Savings per year",
                Fmt.money(t.savingsYearly(), c),
                Fmt.money(t.relayYearly(), c) + " relay vs " + Fmt.money(t.directYearly(), c)
                        + " direct over the first 12 months, with growth"));
        String band = "";
        if (roi.uncertainty() != null && roi.uncertainty().horizonSavings() != null) {
            RoiResult.Band b = roi.uncertainty().horizonSavings();
            band = "P10 " + Fmt.money(b.p10(), c) + " \u00b7 P50 " + Fmt.money(b.p50(), c) + " \u00b7 P90 "
                    + Fmt.money(b.p90(), c);
        }
        cards.add(new ReportPage.Card(
                "Savings over " + t.horizonMonths() + " months", Fmt.money(t.horizonSavings(), c), band));
        String paybackBand = "";
        if (roi.uncertainty() != null && roi.uncertainty().paybackMonths() != null) {
            RoiResult.Band b = roi.uncertainty().paybackMonths();
            paybackBand = "P10 " + Fmt.months(b.p10(), "never") + " \u00b7 P50 " + Fmt.months(b.p50(), "never")
                    + " \u00b7 P90 " + Fmt.months(b.p90(), "never");
        }
        String payback = roi.payback() != null ? roi.payback() : Fmt.months(roi.paybackMonths(), "never");
        cards.add(new ReportPage.Card("Payback", payback, paybackBand));
        if (roi.migration() != null) {
            cards.add(new ReportPage.Card(
                    "Migration cost",
                    Fmt.money(roi.migration().cost(), c),
                    Fmt.num(roi.migration().engineeringHours()) + " h \u00d7 "
                            + Fmt.money(roi.migration().hourlyRate(), c) + "/h"));
        }
        if (roi.breakEven() != null) {
            RoiResult.BreakEven be = roi.breakEven();
            String value = be.volumeFactor() == null ? "none" : "\u00d7 " + Fmt.num(be.volumeFactor());
            String note = be.monthlyMtok() == null
                    ? "no volume pays back the migration"
                    : Fmt.num(be.monthlyMtok()) + " Mtok per month";
            cards.add(new ReportPage.Card("Break-even volume", value, note));
        }
        return cards;
    }

    /** "P10 $12 · P90 $30": the model's Monte Carlo band of month-one savings; null when the file has none. */
    private static String savingsBand(RoiResult.Band band, String currency) {
        if (band == null || band.p10() == null || band.p90() == null) {
            return null;
        }
        return "P10 " + Fmt.money(band.p10(), currency) + " \u00b7 P90 " + Fmt.money(band.p90(), currency);
    }

    private static List<ReportPage.ModelRow> models(RoiResult roi) {
        String c = roi.currency();
        return roi.models().stream()
                .map(m -> new ReportPage.ModelRow(
                        m.model(),
                        m.provider(),
                        m.monthlyTokensMtok() == null
                                ? "\u2014"
                                : Fmt.num(m.monthlyTokensMtok().total()) + " Mtok",
                        Fmt.money(m.directMonthly(), c),
                        Fmt.money(m.relayMonthly(), c),
                        Fmt.money(m.savingsMonthly(), c),
                        savingsBand(m.savingsMonthlyBand(), c),
                        Fmt.pct(m.savingsPct()),
                        m.advice(),
                        "direct".equals(m.advice()),
                        m.pricingRules().entrySet().stream()
                                .map(e -> e.getKey() + ": " + e.getValue())
                                .collect(Collectors.joining(", ")),
                        m.priceSource() == null
                                ? "\u2014"
                                : m.priceSource().url() + " (as of "
                                        + m.priceSource().asOf() + ")",
                        m.breakdown().stream()
                                .map(b -> new ReportPage.BreakdownRow(
                                        b.kind(),
                                        Fmt.num(b.mtok()),
                                        Fmt.money(b.directPerMtok(), c),
                                        Fmt.money(b.directCost(), c),
                                        Fmt.money(b.relayPerMtok(), c),
                                        Fmt.money(b.relayCost(), c),
                                        b.relayRule()))
                                .toList()))
                .toList();
    }

    /** "pricing=fx_credit, cny_per_usd_of_credit=1, ...": the relay's pricing rule as the calculator wrote it. */
    static String relayPricing(RoiResult roi) {
        return roi.relayPricing().entrySet().stream()
                .map(e -> e.getKey() + "=" + Fmt.value(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static List<ReportPage.Kv> about(RoiResult roi) {
        List<ReportPage.Kv> about = new ArrayList<>();
        about.add(new ReportPage.Kv("usage file", String.valueOf(roi.usageFile())));
        about.add(new ReportPage.Kv("relay pricing", relayPricing(roi)));
        about.add(new ReportPage.Kv("generated at", String.valueOf(roi.generatedAt())));
        about.add(new ReportPage.Kv("currency", roi.currency()));
        return about;
    }
}
