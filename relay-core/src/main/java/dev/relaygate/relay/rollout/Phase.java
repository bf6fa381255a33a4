package dev.relaygate.relay.rollout;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Rollout phases and the table of legal transitions between them (resilience4j's
 * {@code StateTransition} idea: a pair not in the table throws, naming both phases).
 *
 * <pre>
 * STABLE      -> SHADOW, CANARY                 start a rollout (with or without shadow first)
 * SHADOW      -> CANARY                         shadow quality held: first canary step
 * SHADOW      -> ROLLED_BACK, STABLE            breach or manual rollback; operator cancel
 * CANARY      -> CANARY                         next step (green + increment)
 * CANARY      -> PROMOTED                       the step that reaches green 100
 * CANARY      -> ROLLED_BACK, STABLE            breach or manual rollback; operator cancel
 * PROMOTED    -> ROLLED_BACK                    green still judged at 100% until the swap
 * PROMOTED    -> STABLE                         roles swapped (promote --swap) or operator cancel
 * ROLLED_BACK -> STABLE                         explicit operator reset only, never automatic
 * </pre>
 */
public enum Phase {
    STABLE,
    SHADOW,
    CANARY,
    PROMOTED,
    ROLLED_BACK;

    private static final Map<Phase, Set<Phase>> LEGAL = new EnumMap<>(Phase.class);

    static {
        LEGAL.put(STABLE, EnumSet.of(SHADOW, CANARY));
        LEGAL.put(SHADOW, EnumSet.of(CANARY, ROLLED_BACK, STABLE));
        LEGAL.put(CANARY, EnumSet.of(CANARY, PROMOTED, ROLLED_BACK, STABLE));
        LEGAL.put(PROMOTED, EnumSet.of(ROLLED_BACK, STABLE));
        LEGAL.put(ROLLED_BACK, EnumSet.of(STABLE));
    }

    /** Phases with a rollout in progress: the judge watches them and they may roll back. */
    public boolean isLive() {
        return this == SHADOW || this == CANARY || this == PROMOTED;
    }

    public boolean canTransitionTo(Phase to) {
        return LEGAL.get(this).contains(to);
    }

    /**
     * @throws IllegalTransitionException naming both phases when {@code from -> to} is not in the table
     */
    public static void checkTransition(Phase from, Phase to) {
        if (!from.canTransitionTo(to)) {
            throw new IllegalTransitionException(from, to);
        }
    }
}
