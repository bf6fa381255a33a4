package dev.relaygate.reports.verdict;

import dev.relaygate.reports.input.GateFile;
import dev.relaygate.reports.input.GateManifest;
import dev.relaygate.reports.input.Input;
import dev.relaygate.reports.input.JmhBenchmark;
import dev.relaygate.reports.input.JmhGateResult;
import dev.relaygate.reports.input.RoiResult;
import java.util.List;

/**
 * Everything the verdict judges.
 *
 * @param runId          the run id the build passed ({@code --run-id}); null to take the gates manifest's
 * @param jmhResultSha256 SHA-256 of the JMH result file as it is now, null when unreadable
 */
public record VerdictInputs(
        String runId,
        Input<GateManifest> manifest,
        Input<List<GateFile>> gates,
        Input<List<JmhBenchmark>> jmh,
        String jmhResultSha256,
        Input<JmhGateResult> jmhGate,
        Input<RoiResult> roi) {}
