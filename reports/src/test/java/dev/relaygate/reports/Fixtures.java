package dev.relaygate.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The fixture inputs under src/test/resources/fixtures, copied where a test may change them. */
public final class Fixtures {

    /** The run id every fixture result carries (the fixture manifest's). */
    public static final String RUN_ID = "20261129T120000.000Z";

    /** A fixed clock for rendering, so pages are reproducible. */
    public static final Instant NOW = Instant.parse("2026-11-29T12:30:00Z");

    private Fixtures() {}

    public static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the full fixture set (gates, gatling, jmh, roi) under {@code dir}. */
    public static Path copyFull(Path dir) {
        copyTree(resource("full"), dir);
        return dir;
    }

    /**
     * The full set less its failing and invalid gate, which the manifest then no longer requests: a build
     * that passed 4 of 10 gates (6 not requested) and every benchmark check.
     */
    public static Path copyPassing(Path dir) {
        copyFull(dir);
        try {
            Files.delete(dir.resolve("gates/auto-rollback-latency.json"));
            Files.delete(dir.resolve("gates/shadow-no-impact.json"));
            ObjectMapper json = new ObjectMapper();
            Path manifest = dir.resolve("gates/_manifest.json");
            ObjectNode m = (ObjectNode) json.readTree(manifest.toFile());
            ArrayNode requested = m.putArray("requested");
            List.of("steady-state", "auto-rollback-errors", "streaming-shift", "relay-overhead")
                    .forEach(requested::add);
            ArrayNode notRequested = m.putArray("not_requested");
            List.of(
                            "canary-progression",
                            "auto-rollback-latency",
                            "healthy-no-rollback",
                            "shadow-no-impact",
                            "key-rotation",
                            "manual-rollback")
                    .forEach(notRequested::add);
            json.writeValue(manifest.toFile(), m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /**
     * A comparison build ({@code -Ppeers}): the full set's JMH, ROI and Gatling folders, and in the gates folder
     * only the comparison results of relaygate, portkey and an external relay with a manifest that requests no
     * default gate. relaygate holds all 5 gates; portkey holds 3 and fails streaming-integrity and
     * errors-under-fault (it never stops sending to green); the external relay holds 3 and does not support
     * split-accuracy and errors-under-fault.
     */
    public static Path copyComparison(Path dir) {
        copyFull(dir);
        Path gates = dir.resolve("gates");
        try (Stream<Path> files = Files.walk(gates)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!file.equals(gates)) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        copyTree(resource("comparison/gates"), dir.resolve("gates"));
        return dir;
    }

    /** Inputs laid out like the repository's target folders, all under {@code root}. */
    public static ReportInputs inputs(Path root) {
        return new ReportInputs(
                root.resolve("gates"),
                root.resolve("gatling"),
                root.resolve("jmh/jmh-result.json"),
                root.resolve("jmh/jmh-gate.json"),
                root.resolve("roi/roi.json"),
                root.resolve("out"));
    }

    /** Renders with Gatling stamps read as UTC, as the fixtures' folder names are. */
    public static ReportOutcome render(ReportInputs inputs) {
        try {
            return new ReportGenerator(ZoneOffset.UTC).generate(inputs, NOW);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
