package dev.relaygate.relay.admin;

import dev.relaygate.relay.config.InvalidValueException;
import dev.relaygate.relay.rollout.IllegalTransitionException;
import dev.relaygate.relay.rollout.RolloutTicker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;

/**
 * How every control call that changes routing or the rollout runs: green is vetted first when the
 * change sends it traffic (a blocked change is answered 409 with the guard's reason), the change then
 * runs on the rollout thread (serialized with the controller's ticks, and off the event loop, since it
 * may write the state file), and the reply goes back on the request's context.
 */
public final class OperatorCalls {

    private final ShiftGuard guard;
    private final RolloutTicker ticker;

    public OperatorCalls(ShiftGuard guard, RolloutTicker ticker) {
        this.guard = guard;
        this.ticker = ticker;
    }

    /** Vets green when {@code greenWeight > 0}, then runs {@code work} on the rollout thread and replies 200 with its result. */
    void guarded(ControlRequest r, int greenWeight, Callable<Map<String, Object>> work) {
        Future<String> vetted = greenWeight > 0 ? guard.check(greenWeight) : Future.succeededFuture();
        vetted.onComplete(done -> {
            String veto = done.succeeded()
                    ? done.result()
                    : "green could not be checked: " + done.cause().getMessage();
            if (veto != null) {
                r.error(409, veto, "invalid_request_error", "shift_blocked");
            } else {
                onRolloutThread(r, work);
            }
        });
    }

    /** Runs {@code work} on the rollout thread and replies 200 with its result, or with the error it threw. */
    void onRolloutThread(ControlRequest r, Callable<Map<String, Object>> work) {
        var context = Vertx.currentContext();
        ticker.call(work).whenComplete((result, error) -> {
            Runnable answer = () -> reply(r, result, error instanceof CompletionException ? error.getCause() : error);
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
        } else if (cause instanceof IllegalArgumentException e) {
            r.badRequest(e.getMessage(), null);
        } else {
            r.error(500, "could not apply the change: " + cause.getMessage(), "server_error", null);
        }
    }
}
