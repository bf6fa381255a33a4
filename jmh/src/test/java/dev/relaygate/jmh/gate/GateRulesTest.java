package dev.relaygate.jmh.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

final class GateRulesTest {

    private static final String WEIGHTED_10 = "RouteDecisionBenchmark.weighted [greenWeight=10]";
    private static final String WEIGHTED_50 = "RouteDecisionBenchmark.weighted [greenWeight=50]";

    @Test
    void aRealShortPassWithoutAllocationAndWithinTheRatioPassesEveryCheck() throws Exception {
        GateVerdict verdict = GateRules.evaluate(fixture("passing.json"));

        assertThat(verdict.passed()).isTrue();
        // 4 weights + override + affinity + outcome recording; ratios for 4 weights + override
        assertThat(verdict.checks()).hasSize(12).allMatch(GateCheck::passed);
        assertThat(verdict.checks())
                .filteredOn(c -> c.metric().equals(GateRules.ALLOC_METRIC))
                .extracting(GateCheck::benchmark)
                .containsExactly(
                        "RouteDecisionBenchmark.weighted [greenWeight=0]",
                        WEIGHTED_10,
                        WEIGHTED_50,
                        "RouteDecisionBenchmark.weighted [greenWeight=100]",
                        "RouteDecisionBenchmark.withOverride",
                        "RouteDecisionBenchmark.withAffinity",
                        "OutcomeRecordingBenchmark.record");
    }

    @Test
    void theRatioComparesTheFastestIterationsOfTheSameRun() throws Exception {
        GateCheck ratio = check(GateRules.evaluate(fixture("passing.json")), WEIGHTED_50, GateRules.RATIO_METRIC);

        // best iterations in the fixture: 14.556 ns/op route, 10.939 ns/op baseline
        assertThat(ratio.measured()).isCloseTo(14.556411986160462 / 10.938541618723447, within());
        assertThat(ratio.limit()).isEqualTo(GateRules.MAX_RATIO_WEIGHTED);
        assertThat(ratio.comparison()).isEqualTo("<=");
        assertThat(ratio.message()).contains("1.33x", "14.56 ns/op", "10.94 ns/op");
    }

    @Test
    void theOverrideHasItsOwnWiderRatioLimit() throws Exception {
        GateCheck ratio = check(
                GateRules.evaluate(fixture("passing.json")),
                "RouteDecisionBenchmark.withOverride",
                GateRules.RATIO_METRIC);

        assertThat(ratio.limit()).isEqualTo(GateRules.MAX_RATIO_OVERRIDE).isGreaterThan(GateRules.MAX_RATIO_WEIGHTED);
        assertThat(ratio.passed()).isTrue();
    }

    @Test
    void anAllocatingRouteDecisionOrOutcomeRecordingFailsNamingTheBytes() throws Exception {
        GateVerdict verdict = GateRules.evaluate(fixture("allocating.json"));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failures())
                .extracting(GateCheck::benchmark)
                .containsExactly(WEIGHTED_10, "OutcomeRecordingBenchmark.record");
        GateCheck outcome = check(verdict, "OutcomeRecordingBenchmark.record", GateRules.ALLOC_METRIC);
        assertThat(outcome.measured()).isEqualTo(24.0);
        assertThat(outcome.limit()).isEqualTo(1.0);
        assertThat(outcome.comparison()).isEqualTo("<");
        assertThat(outcome.describe())
                .isEqualTo("OutcomeRecordingBenchmark.record: gc.alloc.rate.norm measured 24, "
                        + "limit < 1: allocates 24 B/op; the request hot path must not allocate");
    }

    @Test
    void aRouteDecisionPastTheRatioFailsWithItsRatioAndLimit() throws Exception {
        GateVerdict verdict = GateRules.evaluate(fixture("slow-route.json"));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failures()).singleElement().satisfies(c -> {
            assertThat(c.benchmark()).isEqualTo(WEIGHTED_50);
            assertThat(c.metric()).isEqualTo(GateRules.RATIO_METRIC);
            assertThat(c.measured()).isCloseTo(88.9 / 10.938541618723447, within());
            assertThat(c.describe())
                    .startsWith(WEIGHTED_50 + ": ratio_to_baseline measured 8.127, limit <= "
                            + GateCheck.format(GateRules.MAX_RATIO_WEIGHTED));
        });
    }

    @Test
    void aRunWithoutTheGcProfilerFailsEveryAllocationCheckSayingHowToFixIt() throws Exception {
        GateVerdict verdict = GateRules.evaluate(fixture("without-gc-profiler.json"));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failures()).hasSize(7).allSatisfy(c -> {
            assertThat(c.metric()).isEqualTo(GateRules.ALLOC_METRIC);
            assertThat(c.measured()).isNaN();
            assertThat(c.message()).contains("-prof gc");
        });
    }

    @Test
    void aGatedBenchmarkMissingFromTheResultIsAFailureNotASkip() throws Exception {
        GateVerdict verdict = GateRules.evaluate(fixture("missing-benchmarks.json"));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failures())
                .extracting(GateCheck::benchmark, GateCheck::metric)
                .contains(
                        tuple("RouteDecisionBenchmark.withAffinity", GateRules.ALLOC_METRIC),
                        tuple(WEIGHTED_10, GateRules.RATIO_METRIC));
        assertThat(verdict.failures())
                .filteredOn(c -> c.metric().equals(GateRules.RATIO_METRIC))
                .hasSize(5)
                .allSatisfy(
                        c -> assertThat(c.message()).contains("baselineThreadLocalRandom is not in the JMH result"));
    }

    @Test
    void anEmptyResultFailsRatherThanPassingWithNoChecks() {
        GateVerdict verdict = GateRules.evaluate(List.of());

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.checks()).isNotEmpty().noneMatch(GateCheck::passed);
    }

    @Test
    void benchmarksOutsideTheGateAreIgnored() {
        BenchmarkScore peek = new BenchmarkScore(
                "dev.relaygate.jmh.BodyPeekBenchmark.peek",
                Map.of("bodyBytes", "1024"),
                900.0,
                900.0,
                "ns/op",
                Map.of(BenchmarkScore.ALLOC_NORM, 120.0));

        GateVerdict verdict = GateRules.evaluate(List.of(peek));

        assertThat(verdict.checks()).extracting(GateCheck::benchmark).noneMatch(b -> b.startsWith("BodyPeek"));
    }

    static List<BenchmarkScore> fixture(String name) throws IOException, URISyntaxException {
        return new JmhResultReader(new ObjectMapper()).read(fixturePath(name));
    }

    static Path fixturePath(String name) throws URISyntaxException {
        return Path.of(GateRulesTest.class.getResource("/gate/" + name).toURI());
    }

    private static GateCheck check(GateVerdict verdict, String benchmark, String metric) {
        return verdict.checks().stream()
                .filter(c -> c.benchmark().equals(benchmark) && c.metric().equals(metric))
                .findFirst()
                .orElseThrow();
    }

    private static Offset<Double> within() {
        return offset(1e-9);
    }
}
