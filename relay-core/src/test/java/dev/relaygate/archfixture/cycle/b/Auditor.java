package dev.relaygate.archfixture.cycle.b;

import dev.relaygate.archfixture.cycle.a.Ledger;

/** The other half of the deliberate package cycle (b -> a). */
public final class Auditor {

    public Ledger ledger() {
        return new Ledger();
    }
}
