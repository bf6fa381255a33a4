package dev.relaygate.roi.calc;

import dev.relaygate.roi.usage.Scenario;
import dev.relaygate.roi.usage.Scenario.ModelLine;
import dev.relaygate.roi.usage.Scenario.PricedKind;

/**
 * The scenario folded into four monthly USD sums per model, so Monte Carlo and sensitivity can re-price a
 * scenario with a handful of multiplications. Every relay rule is linear in volume; fixed relay prices do
 * not move with direct prices, multiplier and fx_credit prices do, and only fx_credit moves with FX.
 */
public final class CostModel {
    private final double[] direct;
    private final double[] relayFixed;
    private final double[] relayProportional;
    private final double[] relayFx;
    private final double[] mtok;
    private final boolean usesFx;

    public CostModel(Scenario scenario) {
        int n = scenario.models().size();
        direct = new double[n];
        relayFixed = new double[n];
        relayProportional = new double[n];
        relayFx = new double[n];
        mtok = new double[n];
        boolean fx = false;
        for (int m = 0; m < n; m++) {
            ModelLine line = scenario.models().get(m);
            for (PricedKind k : line.kinds()) {
                double directCost = k.mtok() * k.directPerMtok();
                double relayCost = k.mtok() * k.relayRule().perMtok(k.directPerMtok(), scenario.fxCnyPerUsd());
                direct[m] += directCost;
                mtok[m] += k.mtok();
                switch (k.relayRule().type()) {
                    case FIXED -> relayFixed[m] += relayCost;
                    case MULTIPLIER -> relayProportional[m] += relayCost;
                    case FX_CREDIT -> {
                        relayFx[m] += relayCost;
                        fx |= k.mtok() > 0;
                    }
                }
            }
        }
        usesFx = fx;
    }

    public int size() {
        return direct.length;
    }

    /** Whether any used token kind is priced by fx_credit (so FX noise matters). */
    public boolean usesFx() {
        return usesFx;
    }

    public double totalMtok() {
        double sum = 0;
        for (double v : mtok) {
            sum += v;
        }
        return sum;
    }

    public double mtok(int model) {
        return mtok[model];
    }

    /**
     * Month-one savings (direct minus relay) of model {@code m} under factors: volume, direct price,
     * relay price (all relay rules) and fx ratio (nominal CNY_per_USD / perturbed CNY_per_USD).
     */
    public double savings(int m, double volumeFactor, double priceFactor, double relayFactor, double fxRatio) {
        double relay = relayFixed[m] + priceFactor * (relayProportional[m] + relayFx[m] * fxRatio);
        return volumeFactor * (direct[m] * priceFactor - relayFactor * relay);
    }

    /** Month-one total savings with every factor at 1 except the ones given per model. */
    public double totalSavings(double[] volumeFactors, double priceFactor, double relayFactor, double fxRatio) {
        double sum = 0;
        for (int m = 0; m < direct.length; m++) {
            sum += savings(m, volumeFactors[m], priceFactor, relayFactor, fxRatio);
        }
        return sum;
    }
}
