package dev.relaygate.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

/** The fixture inputs under src/test/resources/fixtures, copied where a test may change them. */
public final class Fixtures {

    /** A fixed clock for rendering, so pages are reproducible. */
    public static final Instant NOW = Instant.parse("2026-11-29T12:30:00Z");

    private Fixtures() {
    }

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

    /** Inputs laid out like the repository's target folders, all under {@code root}. */
    public static ReportInputs inputs(Path root) {
        return new ReportInputs(root.resolve("gates"), root.resolve("gatling"), root.resolve("jmh/jmh-result.json"),
                root.resolve("jmh/jmh-gate.json"), root.resolve("roi/roi.json"), root.resolve("out"));
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
