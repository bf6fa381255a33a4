package dev.relaygate.gates.fleet;

import dev.relaygate.gates.AppliedRecord;
import dev.relaygate.gates.FleetRig;
import dev.relaygate.gates.MemberObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;

/** Crafted fleet runs for the checks' tests: epoch instants, member views and client traffic. */
public final class FleetFixtures {

    public static final long ROLLOUT = 1_800_000_000_000L;
    public static final long ONSET = ROLLOUT + 10_000;
    public static final long DECISION = ONSET + 6_000;
    public static final List<String> IDS = List.of("127.0.0.1:5801", "127.0.0.1:5802", "127.0.0.1:5803");

    private FleetFixtures() {}

    /** A member that ran the canary from just after the rollout started and applied the rollback at {@code at}. */
    public static List<AppliedRecord> canaryThenRollback(long rollbackAppliedAt) {
        return List.of(
                new AppliedRecord(1, ROLLOUT - 60_000, 0, "STABLE"),
                new AppliedRecord(2, ROLLOUT + 3, 10, "CANARY"),
                new AppliedRecord(3, rollbackAppliedAt, 0, "ROLLED_BACK"));
    }

    public static RollbackView rollback(long at) {
        return new RollbackView(at, true, "error_rate", "green error rate 0.05 breached 0.01");
    }

    public static MemberView member(int index, List<AppliedRecord> applied, RollbackView rollback, String leader) {
        return new MemberView(index, IDS.get(index), FleetRig.State.RUNNING, applied, rollback, leader, null);
    }

    /** Three members that applied the rollback {@code lags[i]} ms after the decision. */
    public static List<MemberView> fleet(long... lags) {
        List<MemberView> out = new ArrayList<>();
        for (int i = 0; i < lags.length; i++) {
            out.add(member(i, canaryThenRollback(DECISION + lags[i]), rollback(DECISION), IDS.get(0)));
        }
        return out;
    }

    /**
     * Requests every 5 ms from {@code from} to {@code to}, round robin over {@code members}, answered by the
     * member they were sent to; one in ten is green while {@code greenUntil} of its member has not passed.
     */
    public static List<MemberObservation> traffic(int members, long from, long to, IntToLongFunction greenUntil) {
        List<MemberObservation> out = new ArrayList<>();
        int n = 0;
        for (long t = from; t < to; t += 5, n++) {
            int m = n % members;
            boolean green = n % 10 == 0 && t < greenUntil.applyAsLong(m);
            out.add(MemberObservation.of(m, IDS.get(m), t, 200, green ? "green" : "blue"));
        }
        return out;
    }

    /** Traffic whose green stops as each member applies the rollback in {@code views}. */
    public static List<MemberObservation> trafficUntilApplied(List<MemberView> views, long from, long to) {
        return traffic(views.size(), from, to, m -> {
            AppliedRecord rec = views.get(m).rollbackRecord(ROLLOUT);
            return rec == null ? Long.MAX_VALUE : rec.appliedAtMs();
        });
    }
}
