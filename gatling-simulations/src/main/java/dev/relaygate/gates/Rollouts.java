package dev.relaygate.gates;

import java.util.List;
import java.util.Locale;

/** The vendor playbook-shaped rollout request and the rollout timeline, over {@link AdminClient}. */
public final class Rollouts {

    private Rollouts() {}

    /**
     * The vendor playbook's {@code PATCH /v1/routing/policy} body: weighted from blue 100 / green 0, green rising by
     * {@code increment} every {@code intervalSeconds} under the vendor playbook's validation thresholds.
     */
    public static String playbookBody(
            int increment, long intervalSeconds, double errorRate, long latencyP99Ms, long p99DifferenceMs) {
        return String.format(
                Locale.ROOT,
                "{\"routing\":{\"strategy\":\"weighted\",\"weights\":{\"blue\":100,\"green\":0}},"
                        + "\"traffic_shift\":{\"increment\":%d,\"interval_seconds\":%d,\"validation_threshold\":"
                        + "{\"error_rate\":%s,\"latency_p99_ms\":%d,\"p99_difference_ms\":%d}}}",
                increment,
                intervalSeconds,
                errorRate,
                latencyP99Ms,
                p99DifferenceMs);
    }

    /** Starts a rollout; throws naming the status and body when the relay refuses it. */
    public static AdminClient.Reply start(AdminClient admin, String playbookBody) {
        AdminClient.Reply reply = admin.patchPolicy(playbookBody);
        if (!reply.ok()) {
            throw new IllegalStateException(
                    "PATCH /v1/routing/policy answered " + reply.status() + ": " + reply.body());
        }
        return reply;
    }

    public static List<RolloutEventView> events(AdminClient admin) {
        return admin.events().stream().map(RolloutEventView::of).toList();
    }

    /** The first event of {@code type} at or after {@code sinceEpochMs}, or null. */
    public static RolloutEventView first(List<RolloutEventView> events, String type, long sinceEpochMs) {
        return events.stream()
                .filter(e -> e.is(type) && e.epochMs() >= sinceEpochMs)
                .findFirst()
                .orElse(null);
    }
}
