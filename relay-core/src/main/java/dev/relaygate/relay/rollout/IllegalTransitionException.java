package dev.relaygate.relay.rollout;

/** A rollout phase change that the transition table does not allow. */
public final class IllegalTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final Phase from;
    private final Phase to;

    public IllegalTransitionException(Phase from, Phase to) {
        super("illegal rollout transition " + from + " -> " + to + "; legal from " + from + ": " + legalFrom(from));
        this.from = from;
        this.to = to;
    }

    public Phase from() {
        return from;
    }

    public Phase to() {
        return to;
    }

    private static String legalFrom(Phase from) {
        StringBuilder sb = new StringBuilder("[");
        for (Phase p : Phase.values()) {
            if (from.canTransitionTo(p)) {
                sb.append(sb.length() > 1 ? ", " : "").append(p);
            }
        }
        return sb.append(']').toString();
    }
}
