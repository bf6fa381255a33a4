package dev.relaygate.roi.pricing;

/**
 * How the relay prices one token kind of one model. Relay cost is linear in volume under every rule,
 * which is what lets payback and break-even be solved in closed form.
 *
 * @param type        which rule applied
 * @param value       FIXED: USD per Mtok; MULTIPLIER: factor on the direct price; FX_CREDIT: CNY paid per USD of credit
 * @param description the rule as shown to the user, e.g. "multiplier 0.137 x direct"
 */
public record RelayRule(Type type, double value, String description) {

    public enum Type {
        FIXED,
        MULTIPLIER,
        FX_CREDIT
    }

    /** Relay USD per Mtok for a direct price and a CNY-per-USD exchange rate (only FX_CREDIT reads the rate). */
    public double perMtok(double directPerMtok, double cnyPerUsd) {
        return switch (type) {
            case FIXED -> value;
            case MULTIPLIER -> value * directPerMtok;
            // paying `value` CNY buys 1 USD of usage at direct prices; that CNY costs value / rate USD
            case FX_CREDIT -> value / cnyPerUsd * directPerMtok;
        };
    }
}
