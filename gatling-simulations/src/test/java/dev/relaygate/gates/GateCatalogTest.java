package dev.relaygate.gates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

final class GateCatalogTest {

    private static final Path TEST_CLASSES = Path.of("target", "test-classes", "dev", "relaygate", "gates");

    @Test
    void everyGateInTheCatalogHasOneSimulationInItsPackageNamingThatGate() throws Exception {
        for (String gate : GateCatalog.ALL) {
            List<Class<?>> sims = simulationsIn(gate.replace("-", ""));

            assertThat(sims).as(gate).hasSize(1);
            Field id = sims.get(0).getDeclaredField("GATE");
            id.setAccessible(true);
            assertThat(id.get(null)).as(gate).isEqualTo(gate);
        }
    }

    @Test
    void everySimulationOfTheModuleIsInTheCatalogSoTheVerdictExpectsItsResult() throws Exception {
        List<String> packages = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(TEST_CLASSES)) {
            dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).forEach(packages::add);
        }
        List<String> withSimulations = new ArrayList<>();
        for (String pkg : packages) {
            if (!simulationsIn(pkg).isEmpty()) {
                withSimulations.add(pkg);
            }
        }

        List<String> expected = new ArrayList<>(
                GateCatalog.ALL.stream().map(g -> g.replace("-", "")).toList());
        expected.add("compare"); // the comparison build's gates, one simulation per gate id
        assertThat(withSimulations).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aSelectionRunsInCatalogOrderWhateverOrderItWasGivenIn() {
        assertThat(GateCatalog.select(" relay-overhead , steady-state"))
                .containsExactly("steady-state", "relay-overhead");
        assertThat(GateCatalog.select("")).isEqualTo(GateCatalog.ALL);
    }

    @Test
    void theComparisonPackageHasOneSimulationPerComparisonGate() throws Exception {
        List<String> ids = new ArrayList<>();
        for (Class<?> c : simulationsIn("compare")) {
            java.lang.reflect.Field props = c.getDeclaredField("PROPS");
            props.setAccessible(true);
            ids.add(((GateProperties) props.get(null)).gate());
        }

        assertThat(ids).containsExactlyInAnyOrderElementsOf(GateCatalog.COMPARISON);
    }

    @Test
    void anUnknownGateIsRejectedNamingItAndTheKnownOnes() {
        assertThatThrownBy(() -> GateCatalog.select("steady-state,stedy-state"))
                .hasMessageStartingWith("gates must be a comma-separated list of steady-state, canary-progression")
                .hasMessageEndingWith("but named 'stedy-state'");
    }

    private static List<Class<?>> simulationsIn(String pkg) throws IOException, ClassNotFoundException {
        List<Class<?>> out = new ArrayList<>();
        Path dir = TEST_CLASSES.resolve(pkg);
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                Class<?> c = Class.forName(
                        "dev.relaygate.gates." + pkg + "." + name.replace(".class", ""),
                        false,
                        GateCatalogTest.class.getClassLoader());
                if (Simulation.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())) {
                    out.add(c);
                }
            }
        }
        return out;
    }
}
