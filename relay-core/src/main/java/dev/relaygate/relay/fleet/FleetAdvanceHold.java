package dev.relaygate.relay.fleet;

import dev.relaygate.relay.config.ClusterConfig;
import java.util.List;
import java.util.function.Supplier;

/**
 * Why the leader's controller must not advance a healthy step: this member sees too few members (it may be on
 * the small side of a split), or members stopped reporting and their traffic went unjudged. The leader's tick
 * records who is left out; the controller reads the reason once per judged tick.
 */
final class FleetAdvanceHold implements Supplier<String> {

    private final FleetMembers members;
    private final ClusterConfig config;
    private volatile List<String> excluded = List.of();

    FleetAdvanceHold(FleetMembers members, ClusterConfig config) {
        this.members = members;
        this.config = config;
    }

    /** The members left out of the window now (sorted ids), as the leader last judged. */
    List<String> excluded() {
        return excluded;
    }

    void exclude(List<String> silent) {
        excluded = List.copyOf(silent);
    }

    @Override
    public String get() {
        if (!members.hasQuorum()) {
            return "this member sees " + members.count() + " of " + config.fleetSizeText()
                    + " fleet members (a majority is " + config.quorum() + ")";
        }
        List<String> silent = excluded;
        return silent.isEmpty() ? null : "members not reporting (left out of the window): " + String.join(", ", silent);
    }
}
