package dev.relaygate.jmh;

import dev.relaygate.relay.config.ValidationThreshold;
import dev.relaygate.relay.judge.CanaryJudge;
import dev.relaygate.relay.judge.ErrorRateResult;
import dev.relaygate.relay.judge.ErrorRateSprt;
import dev.relaygate.relay.judge.IntervalSlice;
import dev.relaygate.relay.judge.JudgeMode;
import dev.relaygate.relay.judge.Verdict;
import dev.relaygate.relay.judge.Window;
import dev.relaygate.relay.judge.WindowBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The rollout controller's per-tick work, with the vendor playbook's default thresholds over a 30 s window of
 * 1 s intervals: one judge evaluation over a new pair of interval snapshots (slice them, slide the
 * window, judge it), the judge alone over a ready window, and one SPRT update (the error-rate test
 * walking the window's slices).
 */
public class JudgeBenchmark extends BenchmarkBase {

    /** A controller's state: a full window of past slices and the interval it is about to judge. */
    @State(Scope.Thread)
    public static class Controller {
        @Param({"healthy", "slower-green"})
        public String scenario;

        JudgeInputs inputs;
        CanaryJudge judge;
        WindowBuffer buffer;
        Window window;
        long nowMillis;
        boolean count429;

        @Setup
        public void setUp() {
            inputs = new JudgeInputs(scenario.equals("slower-green"), 11);
            judge = new CanaryJudge(ValidationThreshold.defaults());
            count429 = judge.thresholds().count429AsError();
            buffer = new WindowBuffer();
            for (int i = 0; i < JudgeInputs.WINDOW_SLICES; i++) {
                window = nextWindow(this);
            }
        }
    }

    /** A ready healthy window for the SPRT alone (its figures do not depend on latency). */
    @State(Scope.Thread)
    public static class SprtWindow {
        ErrorRateSprt sprt;
        Window window;

        @Setup
        public void setUp() {
            Controller c = new Controller();
            c.scenario = "healthy";
            c.setUp();
            sprt = new ErrorRateSprt(c.judge.thresholds());
            window = c.window;
        }
    }

    /** Slice the next interval's snapshots, append it, and drop what fell out of the window. */
    static Window nextWindow(Controller c) {
        long start = c.nowMillis;
        c.nowMillis += JudgeInputs.INTERVAL_MILLIS;
        IntervalSlice slice = IntervalSlice.of(
                JudgeInputs.at(c.inputs.blue, start), JudgeInputs.at(c.inputs.green, start), 0, 0, c.count429);
        c.buffer.add(slice);
        return c.buffer.window(c.nowMillis - JudgeInputs.WINDOW_SLICES * JudgeInputs.INTERVAL_MILLIS);
    }

    @Benchmark
    public Verdict tick(Controller c) {
        return c.judge.judge(nextWindow(c), JudgeMode.CANARY, c.nowMillis);
    }

    @Benchmark
    public Verdict judgeWindow(Controller c) {
        return c.judge.judge(c.window, JudgeMode.CANARY, c.nowMillis);
    }

    @Benchmark
    public ErrorRateResult sprtUpdate(SprtWindow s) {
        return s.sprt.evaluate(s.window);
    }
}
