package dev.relaygate.gates;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Load, durations and thresholds of one gate from system properties named {@code <gate>.<name>}
 * (e.g. {@code -Dsteady-state.rate_per_sec=300}), with a full and a quick ({@code -Pquick}) default.
 * Every value read is remembered, so the result's {@code run.load} shows exactly what was in force.
 * Thresholds are read through {@link #upperLimit}/{@link #lowerLimit}, which know which way loosens the
 * gate, so an override is reported beside its default and a looser one is flagged in the verdict.
 *
 * <p>A value that cannot be read aborts the gate: when the gate runner named the results folder
 * ({@code -Dgates.dir}), an aborted result naming the property is written before the exception is
 * thrown, because a bad property usually fails in a simulation's static initializer, before
 * {@code before()} could write anything.
 */
public final class GateProperties {

    private final String gate;
    private final Properties source;
    private final boolean quick;
    private final Map<String, Object> used = new TreeMap<>();
    private final Map<String, ThresholdOverride> overrides = new LinkedHashMap<>();

    GateProperties(String gate, Properties source) {
        this.gate = gate;
        this.source = source;
        this.quick = "quick".equalsIgnoreCase(source.getProperty("gates.mode", "full"));
    }

    public static GateProperties of(String gate) {
        return new GateProperties(gate, System.getProperties());
    }

    public String gate() {
        return gate;
    }

    public boolean quick() {
        return quick;
    }

    /** A whole number with a different default in quick mode (durations, request counts). */
    public long integer(String name, long full, long quickDefault) {
        String raw = raw(name);
        long value;
        try {
            value = raw == null ? (quick ? quickDefault : full) : Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw rejected(gate + "." + name + " must be a whole number, but was '" + raw + "'", e);
        }
        used.put(name, value);
        return value;
    }

    public long integer(String name, long defaultValue) {
        return integer(name, defaultValue, defaultValue);
    }

    /** A decimal (rates, thresholds); thresholds keep one default in both modes. */
    public double decimal(String name, double defaultValue) {
        String raw = raw(name);
        double value;
        try {
            value = raw == null ? defaultValue : Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            throw rejected(gate + "." + name + " must be a number, but was '" + raw + "'", e);
        }
        if (!Double.isFinite(value)) {
            throw rejected(gate + "." + name + " must be finite, but was '" + raw + "'", null);
        }
        used.put(name, value);
        return value;
    }

    /**
     * A limit a figure must stay under (or at): raising it loosens the gate. An override differing from
     * the default is recorded with its direction.
     */
    public double upperLimit(String name, double defaultValue) {
        return limit(name, defaultValue, true);
    }

    /** A minimum a figure must reach: lowering it loosens the gate. */
    public double lowerLimit(String name, double defaultValue) {
        return limit(name, defaultValue, false);
    }

    /** Thresholds overridden with {@code -D} to a value other than their default, in reading order. */
    public Map<String, ThresholdOverride> overrides() {
        return new LinkedHashMap<>(overrides);
    }

    private double limit(String name, double defaultValue, boolean raisingLoosens) {
        double value = decimal(name, defaultValue);
        if (value != defaultValue) {
            overrides.put(name, new ThresholdOverride(defaultValue, value, raisingLoosens == value > defaultValue));
        }
        return value;
    }

    /**
     * The run's seed ({@code -Dgates.seed}, default 42), shared by every gate; the gate runner's start step
     * has already rejected a bad value, so one here is recorded as 0 rather than losing the result.
     */
    public long seed() {
        try {
            return Long.parseLong(source.getProperty("gates.seed", "42").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The build's run id ({@code -Dgates.run_id}, set by the gate runner to the Maven build's id): every
     * result carries it, so the verdict can tell this build's results from stale ones.
     */
    public String runId() {
        String id = source.getProperty("gates.run_id");
        return id == null || id.isBlank() ? "unmanaged" : id.trim();
    }

    /** {@code -Drelay.url=http://127.0.0.1:PORT}: drive an external relay instead of the in-process one. */
    public Optional<String> externalRelayUrl() {
        return Optional.ofNullable(source.getProperty("relay.url"))
                .map(String::trim)
                .filter(s -> !s.isEmpty());
    }

    /** A shared (not gate-prefixed) string property, e.g. {@code relay.key}. */
    public Optional<String> shared(String name) {
        return Optional.ofNullable(source.getProperty(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    public Path gatesDir() {
        return Path.of(source.getProperty("gates.dir", "target/gates"));
    }

    public Path repoDir() {
        return Path.of(source.getProperty("gates.repo", "."));
    }

    /** What was read, for {@code run.load}; the mode is included so quick and full runs never mix. */
    public Map<String, Object> used() {
        Map<String, Object> all = new TreeMap<>(used);
        all.put("mode", quick ? "quick" : "full");
        return all;
    }

    /**
     * The exception for a value that cannot be used; under the gate runner also the gate's aborted result,
     * so the verdict names the property instead of "no result".
     */
    private IllegalArgumentException rejected(String message, Throwable cause) {
        IllegalArgumentException e = new IllegalArgumentException(message, cause);
        if (source.getProperty("gates.dir") != null) {
            GateRun.abortedBeforeStart(this, e);
        }
        return e;
    }

    private String raw(String name) {
        String value = source.getProperty(gate + "." + name);
        return value == null || value.isBlank() ? null : value;
    }
}
