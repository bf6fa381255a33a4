package dev.relaygate.relay.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code relaygate rollout --increment 10 --interval-seconds 300 [--error-rate 0.01] [--shadow-first]}:
 * {@code POST /admin/rollout}. Options left out take the relay's configured {@code traffic_shift}.
 */
@Command(
        name = "rollout",
        mixinStandardHelpOptions = true,
        description = "Start a stepped rollout to green, judged every evaluation interval; a breach rolls back.")
final class RolloutCommand implements Callable<Integer> {

    @Mixin
    AdminOptions admin;

    @Option(names = "--increment", description = "Green percent added per step [1,100].")
    Integer increment;

    @Option(names = "--interval-seconds", description = "Minimum seconds per step before it may advance.")
    Long intervalSeconds;

    @Option(names = "--evaluation-interval-ms", description = "How often the judge looks, in ms.")
    Long evaluationIntervalMs;

    @Option(names = "--window-seconds", description = "The judge's window in seconds.")
    Long windowSeconds;

    @Option(names = "--error-rate", description = "Green error rate that rolls back (0,1).")
    Double errorRate;

    @Option(names = "--latency-p99-ms", description = "Green p99 above this rolls back.")
    Long latencyP99Ms;

    @Option(names = "--p99-difference-ms", description = "Green p99 minus blue p99 above this rolls back.")
    Long p99DifferenceMs;

    @Option(names = "--min-samples", description = "Samples each check needs before it may speak.")
    Long minSamples;

    @Option(names = "--shadow-first", description = "Mirror to green (SHADOW) before the first canary step.")
    boolean shadowFirst;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<String> threshold = new ArrayList<>();
        add(threshold, "error_rate", errorRate);
        add(threshold, "latency_p99_ms", latencyP99Ms);
        add(threshold, "p99_difference_ms", p99DifferenceMs);
        add(threshold, "min_samples", minSamples);
        List<String> fields = new ArrayList<>();
        add(fields, "increment", increment);
        add(fields, "interval_seconds", intervalSeconds);
        add(fields, "evaluation_interval_ms", evaluationIntervalMs);
        add(fields, "window_seconds", windowSeconds);
        if (!threshold.isEmpty()) {
            fields.add("\"validation_threshold\":{" + String.join(",", threshold) + "}");
        }
        if (shadowFirst) {
            fields.add("\"shadow_first\":true");
        }
        return admin.call(
                "POST",
                "/admin/rollout",
                "{" + String.join(",", fields) + "}",
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    private static void add(List<String> fields, String name, Number value) {
        if (value != null) {
            fields.add("\"" + name + "\":" + (value instanceof Double d ? String.format(Locale.ROOT, "%s", d) : value));
        }
    }
}
