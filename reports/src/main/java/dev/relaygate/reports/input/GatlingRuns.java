package dev.relaygate.reports.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a gate's Gatling run folder, {@code <simulation-id>-<yyyyMMddHHmmssSSS>/index.html}.
 * Gatling stamps the folder once the simulation's {@code before()} hook has returned, in its
 * configured zone (the JVM default unless changed), so the stamp lies near the gate's
 * {@code started_at}: the latest folder stamped no earlier than {@code started_at - slack}
 * and no later than the gate's end plus slack is the gate's run.
 */
public final class GatlingRuns {

    private static final Pattern RUN_FOLDER = Pattern.compile("(.+)-(\\d{17})");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private final Path gatlingDir;
    private final ZoneId zone;
    private final Duration slack;

    public GatlingRuns(Path gatlingDir, ZoneId zone, Duration slack) {
        this.gatlingDir = gatlingDir;
        this.zone = zone;
        this.slack = slack;
    }

    /** Room for the before() hook and warm-up between Gatling's stamp and the gate's start, and clock skew. */
    public static final Duration DEFAULT_SLACK = Duration.ofMinutes(10);

    /** The run folder's {@code index.html} for this gate, if there is one. */
    public Optional<Path> reportOf(GateResult gate) {
        if (gate.simulation() == null || gate.startInstant().isEmpty() || !Files.isDirectory(gatlingDir)) {
            return Optional.empty();
        }
        String simulationId = simulationId(gate.simulation());
        Instant earliest = gate.startInstant().get().minus(slack);
        Instant latest =
                gate.startInstant().get().plusMillis((long) gate.durationMs()).plus(slack);
        try (Stream<Path> folders = Files.list(gatlingDir)) {
            return folders.filter(Files::isDirectory)
                    .map(folder -> stampOf(folder, simulationId).map(stamp -> new Run(folder, stamp)))
                    .flatMap(Optional::stream)
                    .filter(run ->
                            !run.stamp().isBefore(earliest) && !run.stamp().isAfter(latest))
                    .filter(run -> Files.isRegularFile(run.folder().resolve("index.html")))
                    .max(Comparator.comparing(Run::stamp))
                    .map(run -> run.folder().resolve("index.html"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Gatling's default simulation id: the class's simple name, lower-cased, other characters as '-'. */
    static String simulationId(String simulation) {
        String simpleName = simulation.substring(simulation.lastIndexOf('.') + 1);
        return simpleName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
    }

    private Optional<Instant> stampOf(Path folder, String simulationId) {
        Matcher matcher = RUN_FOLDER.matcher(folder.getFileName().toString());
        if (!matcher.matches() || !matcher.group(1).equals(simulationId)) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    LocalDateTime.parse(matcher.group(2), STAMP).atZone(zone).toInstant());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private record Run(Path folder, Instant stamp) {}
}
