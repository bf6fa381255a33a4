package dev.relaygate.relay.fleet;

import dev.relaygate.relay.rollout.RolloutController;
import dev.relaygate.relay.rollout.UpstreamRoles;
import dev.relaygate.relay.routing.PolicyStore;
import dev.relaygate.relay.routing.RoutingPolicy;
import dev.relaygate.relay.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Makes a cluster record what this member runs: its routing into both policy stores, its upstream roles, its
 * rollout state into the controller; then notes the version as applied (for status and the propagation gate)
 * and saves the state file. Never steps back: a record applies only when it stands over the applied one
 * ({@link ClusterRecord#survivor}). Every apply happens under {@link #lock()}, which a decision holds from its
 * read to its commit.
 */
final class RecordApplier {

    private final Clock clock;
    private final PolicyStore live;
    private final PolicyStore staging;
    private final RolloutController controller;
    private final Supplier<UpstreamRoles> roles;
    private final Runnable swapRoles;
    private final FleetMembers members;
    private final AppliedVersions appliedVersions = new AppliedVersions();
    private final Object lock = new Object();
    private volatile ClusterRecord applied;

    RecordApplier(
            Clock clock,
            PolicyStore live,
            PolicyStore staging,
            RolloutController controller,
            Supplier<UpstreamRoles> roles,
            Runnable swapRoles,
            FleetMembers members) {
        this.clock = clock;
        this.live = live;
        this.staging = staging;
        this.controller = controller;
        this.roles = roles;
        this.swapRoles = swapRoles;
        this.members = members;
    }

    /** Held by every apply, and by a decision from its read to its commit. */
    Object lock() {
        return lock;
    }

    /** The record this member runs; null before it joined. */
    ClusterRecord applied() {
        return applied;
    }

    /** Whether {@code record} stands over the applied one ({@link ClusterRecord#survivor}): nothing steps back. */
    boolean supersedes(ClusterRecord record) {
        ClusterRecord current = applied;
        return current == null || (!record.equals(current) && ClusterRecord.survivor(current, record) == record);
    }

    /** Applies {@code record} when it stands over the applied one; call under {@link #lock()}. */
    void applyIfNewer(ClusterRecord record, String why) {
        if (supersedes(record)) {
            apply(record, why, false);
        }
    }

    /**
     * Makes {@code record} what this member runs; call under {@link #lock()}. {@code force} re-applies it even when
     * it is the record already applied (to undo a change staged on top of it).
     */
    void apply(ClusterRecord record, String why, boolean force) {
        ClusterRecord previous = applied;
        if (!force && record.equals(previous)) {
            return;
        }
        RoutingPolicy target = record.routing().toPolicy();
        live.update(p -> p.sameRouting(target) && p.changedBy().equals(target.changedBy()) ? p : target);
        if (staging != live) {
            staging.update(p -> p.sameRouting(target) && p.changedBy().equals(target.changedBy()) ? p : target);
        }
        UpstreamRoles current = roles.get();
        if (!current.blue().equals(record.roles().blue())
                && current.blue().equals(record.roles().green())) {
            swapRoles.run();
        }
        controller.adopt(
                record.rollout(),
                "cluster record v" + record.version() + " by " + record.changedBy()
                        + (why == null ? "" : " (" + why + ")"));
        if (record.equals(previous)) {
            return;
        }
        applied = record;
        long now = clock.currentTimeMillis();
        appliedVersions.add(new AppliedVersions.Applied(
                record.version(),
                now,
                record.routing().greenWeight(),
                record.rollout().phase().name(),
                record.changedBy()));
        members.publishApplied(record.version(), now);
        // After the commit and the router: the file is this member's memory across a restart, never on the way.
        controller.saveState();
    }

    /** Sends no new request to green until the next apply; call under {@link #lock()}. */
    void holdGreen(String why) {
        live.update(p -> p.withGreenWeight(0, why));
    }

    /** The versions applied since {@code sinceVersion}, oldest first, as {@code GET /admin/cluster/applied} lists. */
    List<Map<String, Object>> appliedSince(long sinceVersion) {
        return appliedVersions.json(sinceVersion);
    }
}
