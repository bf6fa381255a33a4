package dev.relaygate.relay.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaygate.relay.config.ConfigLoader;
import dev.relaygate.relay.rollout.EventType;
import dev.relaygate.relay.rollout.Phase;
import dev.relaygate.relay.rollout.RollbackEvidence;
import dev.relaygate.relay.rollout.RolloutController;
import dev.relaygate.relay.rollout.RolloutEvent;
import dev.relaygate.relay.rollout.RolloutState;
import dev.relaygate.relay.rollout.RolloutTicker;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON views of the rollout for {@code GET /admin/status} ("rollout" section), {@code GET /admin/events}
 * and {@code /metrics}. Every verdict is written whole (samples, rates, likelihood ratios, p-values,
 * percentiles); a rollback carries its evidence.
 */
public final class RolloutJson {

    private static final ObjectMapper MAPPER = ConfigLoader.jsonMapper();

    private final RolloutController controller;
    private final RolloutTicker ticker;
    private final String stateFile;
    // Rollback events -> the evidence in force when they were published (RolloutEvent has only the reason).
    private final Map<RolloutEvent, RollbackEvidence> evidence = Collections.synchronizedMap(new IdentityHashMap<>());

    public RolloutJson(RolloutController controller, RolloutTicker ticker, String stateFile) {
        this.controller = controller;
        this.ticker = ticker;
        this.stateFile = stateFile;
        controller.timeline().addListener(e -> {
            if (e.type() == EventType.ROLLED_BACK && controller.state().rollback() != null) {
                evidence.put(e, controller.state().rollback());
            }
        });
    }

    public Map<String, Object> status() {
        RolloutState s = controller.state();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("phase", s.phase());
        out.put("step", s.step());
        out.put("weights", weights(s.blueWeight(), s.greenWeight()));
        out.put("started_at_ms", s.startedAtMillis());
        out.put("step_started_at_ms", s.stepStartedAtMillis());
        out.put("settings", s.settings());
        out.put("last_verdict", controller.lastVerdict().orElse(null));
        out.put("rollback", s.rollback());
        out.put("evaluation_interval_ms", ticker.periodMs());
        out.put("ticks", ticker.ticks());
        out.put("tick_failures", ticker.failures());
        out.put("events", controller.timeline().snapshot().size());
        out.put("state_file", stateFile);
        return out;
    }

    Map<String, Object> events(long sinceMillis) {
        List<RolloutEvent> all = controller.timeline().snapshot();
        List<ObjectNode> events = all.stream()
                .filter(e -> e.tMillis() >= sinceMillis)
                .map(this::event)
                .toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("phase", controller.state().phase());
        out.put("evicted", controller.timeline().evicted());
        out.put("events", events);
        return out;
    }

    private ObjectNode event(RolloutEvent e) {
        ObjectNode node = MAPPER.valueToTree(e);
        node.set("weights", MAPPER.valueToTree(weights(e.blueWeight(), e.greenWeight())));
        RollbackEvidence ev = evidence.get(e);
        if (ev == null && e.type() == EventType.RESTORED && e.phase() == Phase.ROLLED_BACK) {
            ev = controller.state().rollback();
        }
        if (ev != null) {
            node.set("rollback", MAPPER.valueToTree(ev));
        }
        return node;
    }

    public void metrics(StringBuilder out) {
        RolloutState s = controller.state();
        out.append("# HELP relaygate_rollout_phase Current rollout phase (1 for the active one).\n")
                .append("# TYPE relaygate_rollout_phase gauge\n");
        for (Phase p : Phase.values()) {
            out.append("relaygate_rollout_phase{phase=\"")
                    .append(p.name().toLowerCase(java.util.Locale.ROOT))
                    .append("\"} ")
                    .append(p == s.phase() ? 1 : 0)
                    .append('\n');
        }
        out.append("# HELP relaygate_rollout_step Current canary step (0 outside CANARY/PROMOTED).\n")
                .append("# TYPE relaygate_rollout_step gauge\n")
                .append("relaygate_rollout_step ")
                .append(s.step())
                .append('\n')
                .append("# HELP relaygate_rollout_ticks_total Controller evaluations run.\n")
                .append("# TYPE relaygate_rollout_ticks_total counter\n")
                .append("relaygate_rollout_ticks_total ")
                .append(ticker.ticks())
                .append('\n');
    }

    static Map<String, Object> weights(int blue, int green) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("blue", blue);
        w.put("green", green);
        return w;
    }
}
