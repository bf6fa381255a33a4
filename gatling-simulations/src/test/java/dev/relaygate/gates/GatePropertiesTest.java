package dev.relaygate.gates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class GatePropertiesTest {

    @Test
    void defaultsApplyAndAreRecordedAsTheRunsLoad() {
        GateProperties props = new GateProperties("steady-state", new Properties());

        assertThat(props.integer("duration_seconds", 60, 20)).isEqualTo(60);
        assertThat(props.decimal("p99_below_ms", 200)).isEqualTo(200.0);
        assertThat(props.used()).containsEntry("duration_seconds", 60L).containsEntry("mode", "full");
    }

    @Test
    void quickModeUsesTheQuickDefaultButNeverChangesAThreshold() {
        Properties p = new Properties();
        p.setProperty("gates.mode", "quick");
        GateProperties props = new GateProperties("steady-state", p);

        assertThat(props.integer("duration_seconds", 60, 20)).isEqualTo(20);
        assertThat(props.decimal("p99_below_ms", 200)).isEqualTo(200.0);
        assertThat(props.used()).containsEntry("mode", "quick");
    }

    @Test
    void aGatePrefixedSystemPropertyOverridesTheDefault() {
        Properties p = new Properties();
        p.setProperty("steady-state.rate_per_sec", "350");
        p.setProperty("other-gate.rate_per_sec", "1");

        assertThat(new GateProperties("steady-state", p).integer("rate_per_sec", 200))
                .isEqualTo(350);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "1.5", "0x10"})
    void aWholeNumberPropertyThatIsNotOneIsRejectedNamingThePropertyAndTheValue(String bad) {
        Properties p = new Properties();
        p.setProperty("steady-state.rate_per_sec", bad);

        assertThatThrownBy(() -> new GateProperties("steady-state", p).integer("rate_per_sec", 200))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("steady-state.rate_per_sec must be a whole number, but was '" + bad + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"two hundred", "NaN", "Infinity"})
    void aDecimalPropertyThatIsNotAFiniteNumberIsRejected(String bad) {
        Properties p = new Properties();
        p.setProperty("steady-state.p99_below_ms", bad);

        assertThatThrownBy(() -> new GateProperties("steady-state", p).decimal("p99_below_ms", 200))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("steady-state.p99_below_ms must be");
    }

    @Test
    void aRaisedCeilingIsRecordedAsALoosenedOverrideBesideItsDefault() {
        Properties p = new Properties();
        p.setProperty("steady-state.p99_below_ms", "500");
        GateProperties props = new GateProperties("steady-state", p);

        assertThat(props.upperLimit("p99_below_ms", 200)).isEqualTo(500.0);
        assertThat(props.overrides()).containsExactly(entry("p99_below_ms", new ThresholdOverride(200, 500, true)));
    }

    @Test
    void aLoweredFloorIsLoosenedAndARaisedFloorIsTightened() {
        Properties p = new Properties();
        p.setProperty("steady-state.min_served_share", "0.5");
        p.setProperty("canary-progression.step_alpha", "0.01");
        GateProperties steady = new GateProperties("steady-state", p);
        GateProperties canary = new GateProperties("canary-progression", p);

        steady.lowerLimit("min_served_share", 0.95);
        canary.lowerLimit("step_alpha", 1e-4);

        assertThat(steady.overrides().get("min_served_share").loosened()).isTrue();
        assertThat(canary.overrides().get("step_alpha").loosened()).isFalse();
    }

    @Test
    void aThresholdLeftAtItsDefaultIsNoOverride() {
        Properties p = new Properties();
        p.setProperty("steady-state.p99_below_ms", "200");
        GateProperties props = new GateProperties("steady-state", p);

        props.upperLimit("p99_below_ms", 200);

        assertThat(props.overrides()).isEmpty();
    }

    @Test
    void underTheGateRunnerABadValueAlsoWritesAnAbortedResultNamingTheProperty(@TempDir Path dir) throws Exception {
        Properties p = new Properties();
        p.setProperty("gates.dir", dir.toString());
        p.setProperty("gates.run_id", "run-7");
        p.setProperty("steady-state.p99_below_ms", "fast");

        assertThatThrownBy(() -> new GateProperties("steady-state", p).upperLimit("p99_below_ms", 200))
                .isInstanceOf(IllegalArgumentException.class);

        JsonNode result =
                new ObjectMapper().readTree(dir.resolve("steady-state.json").toFile());
        assertThat(result.get("aborted").asBoolean()).isTrue();
        assertThat(result.get("passed").asBoolean()).isFalse();
        assertThat(result.get("run_id").asText()).isEqualTo("run-7");
        assertThat(result.get("failures").get(0).asText())
                .contains("steady-state.p99_below_ms must be a number, but was 'fast'");
    }

    @Test
    void anExternalRelayUrlIsReadFromRelayUrl() {
        Properties p = new Properties();
        p.setProperty("relay.url", " http://127.0.0.1:8080 ");

        assertThat(new GateProperties("steady-state", p).externalRelayUrl()).contains("http://127.0.0.1:8080");
        assertThat(new GateProperties("steady-state", new Properties()).externalRelayUrl())
                .isEmpty();
    }
}
