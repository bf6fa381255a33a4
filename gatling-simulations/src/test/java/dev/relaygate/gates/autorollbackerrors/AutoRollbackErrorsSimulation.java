package dev.relaygate.gates.autorollbackerrors;

import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.load.AutoRollbackSimulation;
import dev.relaygate.mock.Profile;
import dev.relaygate.mock.ProfileSettings;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Gate {@code auto-rollback-errors}: a 10% canary at 200 req/s whose green starts failing 5% of requests
 * at a recorded instant; the judge's error-rate check must roll back within 30 s of the onset. Client-visible failures are
 * bounded by what the vendor playbook's own allowance implies: green's share of 30 s of traffic failing at the
 * fault rate, at its 1 - 1e-4 binomial quantile; none may start after the rollback (plus in-flight grace).
 */
public class AutoRollbackErrorsSimulation extends AutoRollbackSimulation {

    static final String GATE = "auto-rollback-errors";

    private final double errorPercent;

    public AutoRollbackErrorsSimulation() {
        super(GATE, "5% errors (500/503/429)", Set.of("error_rate"));
        this.errorPercent = props.decimal("green_error_percent", 5);
    }

    @Override
    protected ProfileSettings degrade(ProfileSettings current) {
        return current.withProfile(Profile.FLAKY).withErrorPercent(errorPercent);
    }

    @Override
    protected void clientChecks(GateEvaluation eval, List<Observation> measured, long rollbackEpochMs) {
        int greenRequestsInAllowance = (int) Math.ceil(rate() * canaryPercent() / 100.0 * rollbackWithinMs() / 1000.0);
        int bound = new BinomialDistribution(greenRequestsInAllowance, errorPercent / 100.0)
                .inverseCumulativeProbability(1 - 1e-4);
        long failed = measured.stream().filter(Observation::failed).count();
        long failedAfter = rollbackEpochMs < 0
                ? 0
                : measured.stream()
                        .filter(Observation::failed)
                        .filter(o -> startedAfter(o, rollbackEpochMs + graceMs()))
                        .count();
        eval.atMost("client_failures", (double) failed, "client_failures_max", bound)
                .atMost(
                        "client_failures_after_rollback",
                        (double) failedAfter,
                        "client_failures_after_rollback_max",
                        0);
    }
}
