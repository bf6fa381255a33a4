package dev.relaygate.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaygate.relay.config.ConfigException;
import dev.relaygate.relay.config.ConfigLoader;
import dev.relaygate.relay.config.RelayConfig;
import org.junit.jupiter.api.Test;

final class DescriptorBudgetTest {

    /** pool_size 100: two pools keep 200 descriptors. */
    private static RelayConfig config(int maxConnections) {
        return ConfigLoader.parse("""
                environments:
                  blue: {name: a, base_url: "http://127.0.0.1:9101/v1", api_key: sk-a}
                  green: {name: b, base_url: "http://127.0.0.1:9102/v1", api_key: sk-b}
                admin: {token: t}
                upstream: {pool_size: 100}
                server: {max_connections: %d}
                """.formatted(maxConnections));
    }

    @Test
    void zeroTakesWhatTheOpenFileLimitLeavesAfterPoolsAndSpare() {
        DescriptorBudget budget = DescriptorBudget.of(config(0), 1_024, 40);

        assertThat(budget.reserved()).isEqualTo(40 + 200 + DescriptorBudget.REFUSING + DescriptorBudget.SPARE);
        assertThat(budget.maxConnections())
                .isEqualTo(1_024 - 40 - 200 - DescriptorBudget.REFUSING - DescriptorBudget.SPARE);
        assertThat(budget.describe()).contains("connection limit 688", "open-file limit 1024");
        assertThat(budget.resumeBelow()).isEqualTo(1_024 - DescriptorBudget.SPARE / 2);
    }

    @Test
    void zeroIsCappedWhenTheOpenFileLimitIsHuge() {
        assertThat(DescriptorBudget.of(config(0), 1_048_576, 40).maxConnections())
                .isEqualTo(DescriptorBudget.AUTO_CAP);
    }

    @Test
    void anExplicitLimitThatFitsIsKept() {
        assertThat(DescriptorBudget.of(config(688), 1_024, 40).maxConnections()).isEqualTo(688);
    }

    @Test
    void anExplicitLimitAboveWhatTheOpenFileLimitLeavesIsRefusedNamingTheField() {
        assertThatThrownBy(() -> DescriptorBudget.of(config(689), 1_024, 40))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.field()).isEqualTo("server.max_connections"))
                .hasMessageStartingWith("server.max_connections must be at most 688 here")
                .hasMessageContaining("open-file limit 1024", "but was 689", "ulimit -n");
    }

    @Test
    void anOpenFileLimitThatLeavesNothingIsRefusedEvenForTheDerivedLimit() {
        assertThatThrownBy(() -> DescriptorBudget.of(config(0), 256, 40))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.field()).isEqualTo("server.max_connections"))
                .hasMessageContaining("leaves none");
    }

    @Test
    void anUnknownOpenFileLimitKeepsTheConfiguredValueOrTheCap() {
        assertThat(DescriptorBudget.of(config(0), -1, -1).maxConnections()).isEqualTo(DescriptorBudget.AUTO_CAP);
        assertThat(DescriptorBudget.of(config(5_000), -1, -1).maxConnections()).isEqualTo(5_000);
    }
}
