package dev.relaygate.gates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code schemas/gate-figures.json} lists the figures a claims file may bind to. These tests keep it in step
 * with the gates: every gate is listed, and every listed figure is a name the gates' sources write, so a
 * renamed figure cannot leave a claim bound to nothing.
 */
final class GateFiguresTest {

    private static final Path FIGURES = Path.of("..", "schemas", "gate-figures.json");
    private static final Set<String> UNITS =
            Set.of("ms", "fraction", "percent", "count", "bool", "us", "per_s", "status");
    /** A per-member or per-step figure, e.g. member_2_apply_lag_ms: the sources write its suffix. */
    private static final String SHADOW_PREFIX = "shadow_";

    private static final Path SHADOW_STATUS = Path.of(
            "..", "relay-core", "src", "main", "java", "dev", "relaygate", "relay", "shadow", "ShadowMirror.java");
    private static final Pattern NUMBERED = Pattern.compile("^[a-z_]*?_\\d+(_[a-z0-9_]+)$");

    @Test
    void everyGateOfTheCatalogAndOfTheComparisonIsListed() throws IOException {
        JsonNode gates = new ObjectMapper().readTree(FIGURES.toFile()).path("gates");
        Set<String> expected = new LinkedHashSet<>(GateCatalog.ALL);
        expected.addAll(GateCatalog.COMPARISON);
        List<String> listed = new ArrayList<>();
        gates.fieldNames().forEachRemaining(listed::add);

        assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyListedFigureHasAKnownUnitAndIsANameTheGatesWrite() throws IOException {
        String sources = gateSources();
        JsonNode gates = new ObjectMapper().readTree(FIGURES.toFile()).path("gates");
        List<String> unknown = new ArrayList<>();
        for (var gate : (Iterable<java.util.Map.Entry<String, JsonNode>>) gates::fields) {
            for (var figure : (Iterable<java.util.Map.Entry<String, JsonNode>>) gate.getValue()::fields) {
                String name = figure.getKey();
                assertThat(UNITS)
                        .as(gate.getKey() + "." + name)
                        .contains(figure.getValue().asText());
                if (!written(name, sources)) {
                    unknown.add(gate.getKey() + "." + name);
                }
            }
        }

        assertThat(unknown).as("figures no gate source writes").isEmpty();
    }

    @Test
    void aFigureNoSourceWritesIsFoundWhateverItsShape() throws IOException {
        String sources = gateSources();

        assertThat(written("p99_added_millis", sources)).isFalse();
        assertThat(written("member_2_apply_lag_millis", sources)).isFalse();
        assertThat(written("shadow_compared_twice", sources)).isFalse();
        assertThat(written("member_2_apply_lag_ms", sources)).isTrue();
    }

    /**
     * A figure is written under its own name, as a numbered member's or step's suffix, or as "shadow_" and a
     * key of the relay's shadow status, which the shadow gate copies whole.
     */
    private static boolean written(String name, String sources) throws IOException {
        if (sources.contains(quoted(name))) {
            return true;
        }
        Matcher numbered = NUMBERED.matcher(name);
        if (numbered.matches() && sources.contains(quoted(numbered.group(1)))) {
            return true;
        }
        return name.startsWith(SHADOW_PREFIX)
                && sources.contains(quoted(SHADOW_PREFIX))
                && Files.readString(SHADOW_STATUS).contains("put(" + quoted(name.substring(SHADOW_PREFIX.length())));
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    /** The gates' sources (their tests left out, which also name figures they only read). */
    private static String gateSources() {
        StringBuilder text = new StringBuilder();
        for (Path root : List.of(Path.of("src", "main", "java"), Path.of("src", "test", "java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f ->
                                f.toString().endsWith(".java") && !f.toString().endsWith("Test.java"))
                        .forEach(f -> {
                            try {
                                text.append(Files.readString(f)).append('\n');
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text.toString();
    }
}
