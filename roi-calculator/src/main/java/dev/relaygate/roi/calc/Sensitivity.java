package dev.relaygate.roi.calc;

import dev.relaygate.roi.report.RoiReport.SensitivityRow;
import dev.relaygate.roi.usage.Scenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One-at-a-time (tornado) sensitivity of horizon savings: each input moved to low and high with every other
 * input at its base value. Volumes and prices move by +/-{@value #SWING_PCT}%, FX likewise, the growth rate
 * by +/-{@value #GROWTH_SWING} absolute. Rows are sorted by swing, widest first.
 */
public final class Sensitivity {
    static final int SWING_PCT = 20;
    static final double GROWTH_SWING = 0.05;
    private static final double LOW = 1 - SWING_PCT / 100.0;
    private static final double HIGH = 1 + SWING_PCT / 100.0;

    private Sensitivity() {}

    public static List<SensitivityRow> table(CostModel model, Scenario scenario) {
        int months = scenario.months();
        double g = scenario.monthlyGrowthRate();
        double horizon = Growth.horizonFactor(g, months);
        double[] ones = new double[model.size()];
        Arrays.fill(ones, 1.0);
        List<SensitivityRow> rows = new ArrayList<>();
        for (int m = 0; m < model.size(); m++) {
            double[] low = ones.clone();
            double[] high = ones.clone();
            low[m] = LOW;
            high[m] = HIGH;
            rows.add(new SensitivityRow(
                    "volume " + scenario.models().get(m).model() + " (Mtok/month)",
                    model.mtok(m) * LOW,
                    model.mtok(m) * HIGH,
                    horizon * model.totalSavings(low, 1, 1, 1),
                    horizon * model.totalSavings(high, 1, 1, 1)));
        }
        rows.add(new SensitivityRow(
                "direct prices (factor, all models)",
                LOW,
                HIGH,
                horizon * model.totalSavings(ones, LOW, 1, 1),
                horizon * model.totalSavings(ones, HIGH, 1, 1)));
        rows.add(new SensitivityRow(
                "relay prices (factor, all models)",
                LOW,
                HIGH,
                horizon * model.totalSavings(ones, 1, LOW, 1),
                horizon * model.totalSavings(ones, 1, HIGH, 1)));
        if (model.usesFx()) {
            double fx = scenario.fxCnyPerUsd();
            rows.add(new SensitivityRow(
                    "fx CNY_per_USD",
                    fx * LOW,
                    fx * HIGH,
                    horizon * model.totalSavings(ones, 1, 1, 1 / LOW),
                    horizon * model.totalSavings(ones, 1, 1, 1 / HIGH)));
        }
        double gLow = Math.max(g - GROWTH_SWING, -0.99);
        double gHigh = Math.min(g + GROWTH_SWING, 1.0);
        double base = model.totalSavings(ones, 1, 1, 1);
        rows.add(new SensitivityRow(
                "monthly_growth_rate",
                gLow,
                gHigh,
                base * Growth.horizonFactor(gLow, months),
                base * Growth.horizonFactor(gHigh, months)));
        rows.sort(Comparator.comparingDouble(SensitivityRow::swing).reversed());
        return List.copyOf(rows);
    }
}
