package dev.relaygate.gates.relayoverhead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.gates.LatencyRecorder;
import dev.relaygate.gates.OpenLoopClient.BlockResult;
import java.util.List;
import org.junit.jupiter.api.Test;

final class OverheadFiguresTest {

  private static OverheadMeasurement.Figures figures(List<double[]> pairsUs) {
    BlockResult none = new BlockResult(0, 0, 0, 1);
    return new OverheadMeasurement.Figures(new LatencyRecorder(), new LatencyRecorder(), pairsUs, 0, 0, 0, 0,
        none, none, 0, 0);
  }

  @Test
  void theAddedLatencyIsTheMedianOverBlockPairsSoOneDisturbedPairDoesNotDecideIt() {
    OverheadMeasurement.Figures f = figures(List.of(
        new double[] {150, 300}, new double[] {170, 40_000}, new double[] {160, 350}));

    assertThat(f.medianPairAddedMs(0)).isEqualTo(0.16);
    assertThat(f.medianPairAddedMs(1)).isEqualTo(0.35);
  }

  @Test
  void aRelayThatAddsLatencyInMostPairsFailsTheFiveMillisecondGate() {
    OverheadMeasurement.Figures f = figures(List.of(
        new double[] {900, 6_000}, new double[] {950, 7_000}, new double[] {800, 200}, new double[] {990, 5_500}));

    assertThat(f.medianPairAddedMs(1)).isGreaterThan(5.0);
  }

  @Test
  void withoutPairsThereIsNoFigure() {
    assertThat(figures(List.of()).medianPairAddedMs(1)).isNaN();
  }
}
