package dev.relaygate.gates;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One gate's run from {@code before()} to {@code after()}: its clock, marked events, figures and
 * distributions; {@link #finish} turns them and a {@link GateEvaluation} into the result file.
 */
public final class GateRun {

    private final String gate;
    private final String description;
    private final String simulation;
    private final GateProperties properties;
    private final GateClock clock = GateClock.start();
    private final Path resultDir;
    private volatile RelayInfo relay;
    private final List<GateEvent> events = new ArrayList<>();
    private final Map<String, Map<String, Double>> series = new LinkedHashMap<>();
    private Map<String, Double> percentilesMs = Map.of();
    private List<Map<String, Object>> timeline = List.of();

    /** A gate of the default build: its result is {@code <gates dir>/<gate>.json}. */
    public GateRun(String gate, String description, Class<?> simulation, GateProperties properties, RelayInfo relay) {
        this(gate, description, simulation, properties, relay, properties.gatesDir());
    }

    private GateRun(
            String gate,
            String description,
            Class<?> simulation,
            GateProperties properties,
            RelayInfo relay,
            Path resultDir) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.description = Objects.requireNonNull(description, "description");
        this.simulation = simulation.getSimpleName();
        this.properties = Objects.requireNonNull(properties, "properties");
        this.relay = Objects.requireNonNull(relay, "relay");
        this.resultDir = resultDir;
    }

    /** One relay's run of a comparison gate: its result is {@code <gates dir>/<relay>/<gate>.json}. */
    public static GateRun forComparison(
            String gate, String description, Class<?> simulation, GateProperties properties, RelayInfo relay) {
        return new GateRun(
                gate,
                description,
                simulation,
                properties,
                relay,
                properties.gatesDir().resolve(relay.name()));
    }

    /** Names the relay as it described itself once started. */
    public void relay(RelayInfo started) {
        this.relay = Objects.requireNonNull(started, "relay");
    }

    public String gate() {
        return gate;
    }

    public GateClock clock() {
        return clock;
    }

    public GateProperties properties() {
        return properties;
    }

    /** Marks an instant now; returns its {@code t_ms}. */
    public long event(String name, String detail) {
        long t = clock.elapsedMs();
        synchronized (events) {
            events.add(new GateEvent(t, name, detail));
        }
        return t;
    }

    public void event(long tMs, String name, String detail) {
        synchronized (events) {
            events.add(new GateEvent(tMs, name, detail));
        }
    }

    public void percentilesMs(Map<String, Double> percentiles) {
        this.percentilesMs = Map.copyOf(percentiles);
    }

    public void series(String name, Map<String, Double> distribution) {
        if (!distribution.isEmpty()) {
            series.put(name, distribution);
        }
    }

    public void timeline(List<Map<String, Object>> samples) {
        this.timeline = List.copyOf(samples);
    }

    /**
     * Writes a failed result when the gate could not run (rig did not start, a control call failed), so the
     * report shows the reason instead of "not run".
     */
    public GateResult aborted(Throwable cause) {
        return write(abortedEvaluation(cause), true, null);
    }

    /**
     * Writes the result of a gate its relay cannot run ({@code reason} says which capability is missing):
     * neither passed nor failed, and never counted as a pass.
     */
    public GateResult notSupported(String reason) {
        return write(new GateEvaluation(), false, Objects.requireNonNull(reason, "reason"));
    }

    /**
     * The aborted result of a gate that failed before it had a run (a bad {@code -D} value read in a static
     * initializer): written at once, with what is known.
     */
    static GateResult abortedBeforeStart(GateProperties properties, Throwable cause) {
        GateRun run = new GateRun(
                properties.gate(),
                "gate " + properties.gate() + " could not start",
                GateRun.class,
                properties,
                RelayInfo.of(GateRig.relaySpec(properties)));
        return run.write(abortedEvaluation(cause), true, null);
    }

    private static GateEvaluation abortedEvaluation(Throwable cause) {
        Throwable root = cause;
        // a static initializer's failure arrives wrapped: name the cause a user can act on
        while (root.getCause() != null
                && (root instanceof ExceptionInInitializerError
                        || root instanceof java.lang.reflect.InvocationTargetException)) {
            root = root.getCause();
        }
        return new GateEvaluation()
                .isTrue(
                        "ran",
                        false,
                        "a complete run; it stopped with " + root.getClass().getSimpleName() + ": "
                                + root.getMessage());
    }

    /** Builds the result (sorted events, run metadata) and writes {@code <gates.dir>/<gate>.json}. */
    public GateResult finish(GateEvaluation evaluation) {
        return write(evaluation, false, null);
    }

    private GateResult write(GateEvaluation evaluation, boolean aborted, String notSupported) {
        List<GateEvent> sorted;
        synchronized (events) {
            sorted = events.stream()
                    .sorted(java.util.Comparator.comparingLong(GateEvent::tMs))
                    .toList();
        }
        GateResult result = new GateResult(
                gate,
                properties.runId(),
                evaluation.passed() && !aborted && notSupported == null,
                aborted,
                description,
                simulation,
                evaluation.failures(),
                evaluation.thresholds(),
                properties.overrides(),
                evaluation.targets(),
                evaluation.measuredFigures(),
                new LinkedHashMap<>(percentilesMs),
                new LinkedHashMap<>(series),
                timeline,
                sorted,
                RunInfo.detect(properties.repoDir(), properties.seed(), properties.used()),
                clock.startedAt(),
                clock.elapsedMs(),
                relay,
                notSupported);
        Path file = new GateResultWriter(resultDir).write(result);
        String outcome = aborted
                ? "ABORTED"
                : notSupported != null ? "NOT RUN, " + notSupported : result.passed() ? "PASSED" : "FAILED";
        System.out.printf("[gate %s on %s] %s -> %s%n", gate, relay.name(), outcome, file);
        result.thresholdOverrides()
                .forEach((name, o) -> System.out.printf(
                        "[gate %s]   %s = %s (default %s)%s%n",
                        gate,
                        name,
                        GateEvaluation.format(o.value()),
                        GateEvaluation.format(o.defaultValue()),
                        o.loosened() ? ", LOOSENED" : ", tightened"));
        result.failures().forEach(f -> System.out.printf("[gate %s]   %s%n", gate, f));
        System.out.printf("[gate %s]   measured %s%n", gate, result.measured());
        return result;
    }
}
