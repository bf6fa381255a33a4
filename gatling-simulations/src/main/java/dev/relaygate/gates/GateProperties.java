package dev.relaygate.gates;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Load, durations and thresholds of one gate from system properties named {@code <gate>.<name>}
 * (e.g. {@code -Dsteady-state.rate_per_sec=300}), with a full and a quick ({@code -Pquick}) default.
 * Every value read is remembered, so the result's {@code run.load} shows exactly what was in force.
 */
public final class GateProperties {

  private final String gate;
  private final Properties source;
  private final boolean quick;
  private final Map<String, Object> used = new TreeMap<>();

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
      throw new IllegalArgumentException(gate + "." + name + " must be a whole number, but was '" + raw + "'", e);
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
      throw new IllegalArgumentException(gate + "." + name + " must be a number, but was '" + raw + "'", e);
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(gate + "." + name + " must be finite, but was '" + raw + "'");
    }
    used.put(name, value);
    return value;
  }

  /** The run's seed ({@code -Dgates.seed}, default 42), shared by every gate. */
  public long seed() {
    return Long.parseLong(source.getProperty("gates.seed", "42").trim());
  }

  /** {@code -Drelay.url=http://127.0.0.1:PORT}: drive an external relay instead of the in-process one. */
  public Optional<String> externalRelayUrl() {
    return Optional.ofNullable(source.getProperty("relay.url")).map(String::trim).filter(s -> !s.isEmpty());
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

  private String raw(String name) {
    String value = source.getProperty(gate + "." + name);
    return value == null || value.isBlank() ? null : value;
  }
}
