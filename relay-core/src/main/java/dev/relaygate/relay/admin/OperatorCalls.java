package dev.relaygate.relay.admin;

import dev.relaygate.relay.config.InvalidValueException;
import dev.relaygate.relay.health.ShiftVeto;
import dev.relaygate.relay.rollout.Decisions;
import dev.relaygate.relay.rollout.IllegalTransitionException;
import dev.relaygate.relay.rollout.RolloutTicker;
import dev.relaygate.relay.rollout.SharedStateUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;

/**
 * How every control call that changes routing or the rollout runs: green is vetted first when the
 * change sends it traffic (a blocked change is answered 409 with the guard's reason), the change then
 * runs on the rollout thread (serialized with the controller's ticks, and off the event loop), the state is
 * saved, and only then does the reply go back on the request's context: a decision that was answered survives
 * a crash right after the answer.
 */
public final class OperatorCalls {

    private final ShiftGuard guard;
    private final RolloutTicker ticker;
    private final Decisions decisions;

    /** @param decisions makes each change durable before it is answered (state file, or the fleet's record) */
    public OperatorCalls(ShiftGuard guard, RolloutTicker ticker, Decisions decisions) {
        this.guard = guard;
        this.ticker = ticker;
        this.decisions = decisions;
    }

    /** Vets green when {@code greenWeight > 0}, then runs {@code work} on the rollout thread and replies 200 with its result. */
    void guarded(ControlRequest r, int greenWeight, Callable<Map<String, Object>> work) {
        Future<ShiftVeto> vetted = greenWeight > 0 ? guard.check(greenWeight) : Future.succeededFuture();
        vetted.onComplete(done -> {
            ShiftVeto veto = done.succeeded()
                    ? done.result()
                    : ShiftVeto.unchecked(done.cause().getMessage());
            if (veto != null) {
                r.error(409, veto.message(), "invalid_request_error", veto.param(), "shift_blocked");
            } else {
                onRolloutThread(r, work);
            }
        });
    }

    /**
     * Runs {@code work} on the rollout thread, saves the state, then replies 200 with the work's result, or with
     * the error it threw. A change that was made but could not be saved is answered 500 saying so.
     */
    void onRolloutThread(ControlRequest r, Callable<Map<String, Object>> work) {
        var context = Vertx.currentContext();
        ticker.call(() -> {
                    Map<String, Object> result;
                    try {
                        result = decisions.decide(work);
                    } catch (UncheckedIOException e) {
                        throw new NotSavedException(e);
                    }
                    long version = decisions.lastCommittedVersion();
                    if (version < 0) {
                        return result;
                    }
                    // In a fleet: the record version the change produced, so a caller can see every member apply it.
                    Map<String, Object> withVersion = new LinkedHashMap<>(result);
                    withVersion.put("cluster_version", version);
                    return withVersion;
                })
                .whenComplete((result, error) -> {
                    Runnable answer =
                            () -> reply(r, result, error instanceof CompletionException ? error.getCause() : error);
                    if (context != null) {
                        context.runOnContext(v -> answer.run());
                    } else {
                        answer.run();
                    }
                });
    }

    private static void reply(ControlRequest r, Map<String, Object> result, Throwable cause) {
        if (cause == null) {
            r.replyJson(200, result);
        } else if (cause instanceof IllegalTransitionException e) {
            r.error(409, e.getMessage(), "invalid_request_error", "illegal_transition");
        } else if (cause instanceof InvalidValueException e) {
            r.badRequest(e.getMessage(), e.field());
        } else if (cause instanceof NotSavedException e) {
            r.error(500, e.getMessage(), "server_error", "state_not_saved");
        } else if (cause instanceof SharedStateUnavailableException e) {
            r.error(503, e.getMessage(), "server_error", "cluster_unavailable");
        } else if (cause instanceof IllegalArgumentException e) {
            r.badRequest(e.getMessage(), null);
        } else {
            r.error(500, "could not apply the change: " + cause.getMessage(), "server_error", null);
        }
    }

    /** The change is in force but the state file could not be written: a restart would lose it. */
    private static final class NotSavedException extends RuntimeException {
        NotSavedException(UncheckedIOException cause) {
            super("the change is in force but was not saved, so a restart would undo it: " + cause.getMessage(), cause);
        }
    }
}
