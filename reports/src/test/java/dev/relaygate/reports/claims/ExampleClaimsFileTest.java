package dev.relaygate.reports.claims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.reports.input.RoiResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/claims.yaml, the vendor playbook's claims: it loads, covers every claim, and its scenarios add up. */
final class ExampleClaimsFileTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "claims.yaml");

    @Test
    void everyPlaybookClaimIsInTheExampleFile() {
        ClaimsFile file = new ClaimsLoader(GateFigures.bundled()).load(EXAMPLE);

        assertThat(file.claims())
                .extracting(Claim::quote)
                .contains(
                        "automatic rollback within 30 s",
                        "manual rollback within 60 s",
                        "sub-50 ms latency",
                        "86 % savings",
                        "$355,000 direct vs $50,000 relay",
                        "pays for itself within the first billing cycle for any team above 1 million tokens a month",
                        "seamless streaming through a rollback",
                        "shadow mode with diff reporting",
                        "key validation before a shift");
    }

    @Test
    void thePlaybooksDollarFiguresAreFarFromWhatItsOwnExampleCosts(@TempDir Path work) throws IOException {
        ClaimsFile file = new ClaimsLoader(GateFigures.bundled()).load(EXAMPLE);
        Map<Path, RoiResult> scenarios = RoiScenarios.compute(file, work, Instant.parse("2026-12-05T00:00:00Z"));
        RoiResult playbook = scenarios.get(EXAMPLE.toAbsolutePath()
                .getParent()
                .resolve("claims/playbook-30-10-10.yaml")
                .normalize());

        // claude-opus-4.1: 30 x 15 + 10 x 1.50 + 10 x 75 = 1,215 USD a month, 14,580 a year (no growth)
        assertThat(playbook.totals().directYearly()).isEqualTo(14_580.0, org.assertj.core.data.Offset.offset(1e-6));
        // fx_credit: 1 / 7.30 of direct
        assertThat(playbook.totals().relayYearly())
                .isEqualTo(14_580.0 / 7.30, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(playbook.totals().savingsPct())
                .isEqualTo(100 * (1 - 1 / 7.30), org.assertj.core.data.Offset.offset(1e-9));
    }
}
