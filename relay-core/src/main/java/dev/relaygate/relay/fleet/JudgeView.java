package dev.relaygate.relay.fleet;

import dev.relaygate.relay.judge.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The leader's latest judgement as every member shows it: its verdict with all its numbers and the members it
 * left out of the window. The leader makes a new one on every tick of a live rollout and shares it; the others
 * take it from the change event (or a re-read that heals a missed one).
 */
final class JudgeView {

    private volatile Map<String, Object> view = Map.of();

    /** The leader's view now, kept and returned for sharing. */
    Map<String, Object> make(String leader, long atMillis, List<String> excluded, Optional<Verdict> verdict) {
        Map<String, Object> next = new LinkedHashMap<>();
        next.put("leader", leader);
        next.put("at_ms", atMillis);
        next.put("excluded", excluded);
        verdict.ifPresent(v -> next.put("last_verdict", v));
        view = next;
        return next;
    }

    /** Takes the leader's shared view; returns the verdict in it, if any. */
    Optional<Verdict> adopt(String json) {
        @SuppressWarnings("unchecked")
        Map<String, Object> shared = RecordJson.read(json, Map.class);
        view = shared;
        Object verdict = shared.get("last_verdict");
        return verdict == null ? Optional.empty() : Optional.of(RecordJson.MAPPER.convertValue(verdict, Verdict.class));
    }

    /** The members the leader left out, as last shared. */
    List<?> excluded() {
        return (List<?>) view.getOrDefault("excluded", List.of());
    }
}
