package dev.relaygate.archfixture.cycle.a;

import dev.relaygate.archfixture.cycle.b.Auditor;

/** Half of a deliberate package cycle (a -> b -> a): the layer test shows its cycle rule catches it. */
public final class Ledger {

    public Auditor auditor() {
        return new Auditor();
    }
}
