package dev.relaygate.reports.chart;

import dev.relaygate.reports.format.Fmt;
import dev.relaygate.reports.input.RoiResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The ROI charts: monthly cost per model, the savings band, and the payback projection. */
public final class RoiCharts {

    private RoiCharts() {}

    /** Direct against relay monthly cost per model; the label carries the routing advice. */
    public static Optional<Svg> costs(RoiResult roi) {
        if (roi.models().isEmpty()) {
            return Optional.empty();
        }
        String currency = roi.currency();
        List<BarChart.Group> groups = new ArrayList<>();
        for (RoiResult.Model m : roi.models()) {
            String label = m.savingsMonthly() < 0
                    ? m.model() + " \u2014 route direct: the relay would cost "
                            + Fmt.money(-m.savingsMonthly(), currency) + "/month more (" + Fmt.pct(-m.savingsPct())
                            + ")"
                    : m.model() + " \u2014 " + ("direct".equals(m.advice()) ? "route direct" : "route via relay")
                            + ": saves " + Fmt.money(m.savingsMonthly(), currency) + "/month ("
                            + Fmt.pct(m.savingsPct()) + ")";
            groups.add(new BarChart.Group(
                    label,
                    List.of(
                            new BarChart.Bar(
                                    0,
                                    m.directMonthly(),
                                    Double.NaN,
                                    m.model() + "/direct",
                                    Fmt.money(m.directMonthly(), currency)),
                            new BarChart.Bar(
                                    1,
                                    m.relayMonthly(),
                                    Double.NaN,
                                    m.model() + "/relay",
                                    Fmt.money(m.relayMonthly(), currency)))));
        }
        return Optional.of(BarChart.horizontal(
                "chart-roi-costs",
                "Monthly cost per model: direct vs relay",
                "At month-one volumes; the advice routes a model direct when the relay would cost more.",
                currency + "/month",
                List.of(new Shapes.LegendItem("s5", "direct"), new Shapes.LegendItem("s1", "relay")),
                groups));
    }

    /** P10/P50/P90 of horizon savings from the Monte Carlo run, against the migration cost. */
    public static Optional<Svg> band(RoiResult roi) {
        RoiResult.Uncertainty u = roi.uncertainty();
        if (u == null
                || u.horizonSavings() == null
                || u.horizonSavings().p10() == null
                || u.horizonSavings().p50() == null
                || u.horizonSavings().p90() == null) {
            return Optional.empty();
        }
        RoiResult.Band band = u.horizonSavings();
        double migration = roi.migration() == null ? 0 : roi.migration().cost();
        return Optional.of(BandChart.build(
                "chart-roi-band",
                "Savings over " + roi.totals().horizonMonths() + " months: P10 / P50 / P90",
                "Seeded Monte Carlo (" + u.trials() + " trials, seed " + u.seed()
                        + "); the dot is the deterministic figure.",
                roi.currency(),
                band.p10(),
                band.p50(),
                band.p90(),
                roi.totals().horizonSavings(),
                migration,
                "migration cost"));
    }

    /** Cumulative savings and savings net of the migration cost by month; payback marked. */
    public static Optional<Svg> projection(RoiResult roi) {
        if (roi.projection().isEmpty()) {
            return Optional.empty();
        }
        List<double[]> cumulative = new ArrayList<>();
        List<double[]> net = new ArrayList<>();
        double min = 0;
        double max = 0;
        int lastMonth = 0;
        for (RoiResult.ProjectionMonth month : roi.projection()) {
            cumulative.add(new double[] {month.month(), month.cumulativeSavings()});
            net.add(new double[] {month.month(), month.netOfMigration()});
            min = Math.min(min, Math.min(month.cumulativeSavings(), month.netOfMigration()));
            max = Math.max(max, Math.max(month.cumulativeSavings(), month.netOfMigration()));
            lastMonth = Math.max(lastMonth, month.month());
        }
        List<LineChart.Marker> markers = new ArrayList<>();
        // a payback beyond the projection is named in the payback card, not drawn off the chart
        if (roi.paybackMonths() != null && roi.paybackMonths() <= lastMonth) {
            markers.add(
                    new LineChart.Marker(roi.paybackMonths(), "payback " + Fmt.num(roi.paybackMonths()) + " months"));
        }
        String unit = roi.currency();
        return Optional.of(LineChart.build(
                "chart-roi-projection",
                "Projection and payback",
                "Cumulative savings by month, and the same net of the migration cost: payback is where it crosses zero.",
                new LineChart.Axis(0, lastMonth, "month"),
                new LineChart.Axis(min, max, unit),
                null,
                List.of(
                        new LineChart.Series("cumulative savings", 1, LineChart.Side.LEFT, false, cumulative, unit),
                        new LineChart.Series("net of migration cost", 3, LineChart.Side.LEFT, false, net, unit)),
                markers));
    }
}
