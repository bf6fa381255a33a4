package dev.relaygate.roi.bench;

import dev.relaygate.roi.calc.CostModel;
import dev.relaygate.roi.calc.MonteCarlo;
import dev.relaygate.roi.pricing.PriceCatalog;
import dev.relaygate.roi.report.RoiReport;
import dev.relaygate.roi.usage.Scenario;
import dev.relaygate.roi.usage.UsageLoader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The calculator's performance figure: 100,000 Monte Carlo trials over 10 models (perf-usage-10-models.yaml),
 * percentiles included. Run by hand (commands in roi-calculator/README.md, "Performance"), not in
 * {@code mvn verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
public class MonteCarloBenchmark {
    private Scenario scenario;
    private CostModel model;

    @Setup
    public void load() throws URISyntaxException {
        Path file = Path.of(MonteCarloBenchmark.class
                .getResource("/perf-usage-10-models.yaml")
                .toURI());
        scenario = UsageLoader.load(file, PriceCatalog.bundled());
        model = new CostModel(scenario);
    }

    /** 100,000 trials x 10 models, then P10/P50/P90 of horizon savings and payback. */
    @Benchmark
    public RoiReport.Uncertainty hundredThousandTrialsTenModels() {
        return MonteCarlo.run(model, scenario);
    }
}
