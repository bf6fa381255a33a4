package dev.relaygate.relay.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /admin/status} documents for the summary's tests. The first two were captured from a running relay
 * (the CLI tests' fixture, a model price configured); the rollback and cluster parts follow {@code RollbackEvidence},
 * {@code Verdict} and {@code Fleet.status()} field by field.
 */
final class StatusDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** STABLE after {@code traffic-shift --blue 90 --green 10}: the policy routes 90/10, the rollout says 100/0. */
    static final String STABLE_90_10 = """
            {
              "policy": {"strategy": "weighted", "blue_weight": 90, "green_weight": 10, "shadow": false, "version": 1, "changed_at": "2026-12-04T11:48:53.696Z", "changed_by": "admin traffic-shift"},
              "weights": {"blue": 90, "green": 10},
              "environments": {"blue": {"name": "blue-provider", "base_url": "http://127.0.0.1:19101/v1", "api_key": "[redacted]", "counts": {"requests": 19, "status2xx": 19, "status4xx": 0, "status5xx": 0, "status429": 0, "timeouts": 0, "upstream_errors": 0, "aborted_streams": 0, "client_cancelled": 0}, "error_rate": 0.0, "latency_ms": {"samples": 19, "p50": 17.583, "p95": 104.639, "p99": 104.639, "max": 104.639}, "ttfb_ms": {"samples": 19, "p50": 13.879, "p95": 87.999, "p99": 87.999, "max": 87.999}}, "green": {"name": "green-provider", "base_url": "http://127.0.0.1:19102/v1", "api_key": "[redacted]", "counts": {"requests": 1, "status2xx": 1, "status4xx": 0, "status5xx": 0, "status429": 0, "timeouts": 0, "upstream_errors": 0, "aborted_streams": 0, "client_cancelled": 0}, "error_rate": 0.0, "latency_ms": {"samples": 1, "p50": 23.391, "p95": 23.391, "p99": 23.391, "max": 23.391}, "ttfb_ms": {"samples": 1, "p50": 20.015, "p95": 20.015, "p99": 20.015, "max": 20.015}}},
              "overridden": {"blue": {"requests": 0, "status2xx": 0, "status4xx": 0, "status5xx": 0, "status429": 0, "timeouts": 0, "upstream_errors": 0, "aborted_streams": 0, "client_cancelled": 0}, "green": {"requests": 0, "status2xx": 0, "status4xx": 0, "status5xx": 0, "status429": 0, "timeouts": 0, "upstream_errors": 0, "aborted_streams": 0, "client_cancelled": 0}},
              "rejected_requests": 0,
              "client_keys": 0,
              "started_at": "2026-12-04T11:48:52.589Z",
              "uptime_ms": 1764,
              "rollout": {"phase": "STABLE", "step": 0, "weights": {"blue": 100, "green": 0}, "started_at_ms": 0, "step_started_at_ms": 1796384932488, "settings": null, "last_verdict": null, "rollback": null, "evaluation_interval_ms": 1000, "ticks": 1, "tick_failures": 0, "events": 0, "state_file": null},
              "health": {"blue": {"checked": false, "healthy": true}, "green": {"environment": "GREEN", "name": "green-provider", "status": 200, "latency_ms": 345.823872, "error": null, "at_ms": 1796384933345, "ok": true, "healthy": true, "key_rejected": false}},
              "cost": {"blue": {"requests": 19, "priced_requests": 19, "cost_usd": 0.0013299999999999996, "cost_per_1000_requests_usd": 0.06999999999999998}, "green": {"requests": 1, "priced_requests": 1, "cost_usd": 7e-05, "cost_per_1000_requests_usd": 0.06999999999999999}, "request_log": {"written": 20, "dropped": 0, "write_errors": 0, "file": "/var/log/relaygate/requests-2026-12-04-11.jsonl"}},
              "shadow": {"active": false, "compared": 0, "matched": 0, "mismatched": 0, "dissimilar": 0, "dissimilar_share": 0.0, "dropped": 0, "in_flight": 0}
            }
            """;

    /** CANARY step 1 with a verdict that holds for insufficient data. */
    static final String CANARY_STEP_1 = """
            {
              "policy": {"strategy": "weighted", "blue_weight": 90, "green_weight": 10, "shadow": false, "version": 2, "changed_at": "2026-12-04T11:48:54.464Z", "changed_by": "rollout: started"},
              "weights": {"blue": 90, "green": 10},
              "environments": {"blue": {"name": "blue-provider", "base_url": "http://127.0.0.1:19101/v1", "api_key": "[redacted]", "counts": {"requests": 57, "status2xx": 57, "status4xx": 0, "status5xx": 0, "status429": 0, "timeouts": 0, "upstream_errors": 0, "aborted_streams": 0, "client_cancelled": 0}, "error_rate": 0.0, "latency_ms": {"samples": 57, "p50": 16.079, "p95": 28.143, "p99": 104.639, "max": 104.639}, "ttfb_ms": {"samples": 57, "p50": 13.623, "p95": 25.295, "p99": 87.999, "max": 87.999}}, "green": {"name": "green-provider", "base_url": "http://127.0.0.1:19102/v1", "api_key": "[redacted]", "counts": {"requests": 3, "status2xx": 3, "status4xx": 0, "status5xx": 0, "status429": 0, "timeouts": 0, "upstream_errors": 0, "aborted_streams": 0, "client_cancelled": 0}, "error_rate": 0.0, "latency_ms": {"samples": 3, "p50": 21.935, "p95": 23.391, "p99": 23.391, "max": 23.391}, "ttfb_ms": {"samples": 3, "p50": 18.111, "p95": 20.015, "p99": 20.015, "max": 20.015}}},
              "overridden": {"blue": {"requests": 0, "status2xx": 0, "status4xx": 0, "status5xx": 0, "status429": 0, "timeouts": 0, "upstream_errors": 0, "aborted_streams": 0, "client_cancelled": 0}, "green": {"requests": 0, "status2xx": 0, "status4xx": 0, "status5xx": 0, "status429": 0, "timeouts": 0, "upstream_errors": 0, "aborted_streams": 0, "client_cancelled": 0}},
              "rejected_requests": 0,
              "client_keys": 0,
              "started_at": "2026-12-04T11:48:52.589Z",
              "uptime_ms": 4143,
              "rollout": {"phase": "CANARY", "step": 1, "weights": {"blue": 90, "green": 10}, "started_at_ms": 1796384934459, "step_started_at_ms": 1796384934459, "settings": {"increment": 10, "interval_seconds": 300, "validation_threshold": {"error_rate": 0.01, "latency_p99_ms": 200, "p99_difference_ms": 50, "min_samples": 5, "confidence": 0.999, "baseline_error_rate": 0.001, "count_429_as_error": true, "min_similarity": 0.92, "max_dissimilar_share": 0.05}, "evaluation_interval_ms": 200, "window_seconds": 30}, "last_verdict": {"at_millis": 1796384936557, "decision": "HOLD_INSUFFICIENT_DATA", "breached_check": null, "reason": "holding: error_rate INSUFFICIENT_DATA (1 samples < min_samples 5)", "mode": "CANARY", "window_start_millis": 1796384935096, "window_end_millis": 1796384936559, "error_rate": {"status": "INSUFFICIENT_DATA", "samples": 1, "errors": 0, "error_rate": 0.0, "blue_samples": 26, "blue_error_rate": 0.0, "p0": 0.001, "p1": 0.01, "llr": -0.009049835519917927, "breach_llr": 0.0, "breach_samples": 0, "breach_errors": 0, "upper_bound": 13.815510557964272, "lower_bound": -4.604169685654508}, "latency_p99": {"status": "INSUFFICIENT_DATA", "samples": 1, "p99_ms": 20.0, "threshold_ms": 200, "above": 0, "p_value": 1.0}, "p99_difference": {"status": "INSUFFICIENT_DATA", "green_samples": 1, "blue_samples": 26, "green_p99_ms": 20.0, "blue_p99_ms": 25.0, "difference_ms": -5.0, "threshold_ms": 50, "p_value": 1.0, "tested_samples": 0}, "quality": {"status": "NOT_APPLICABLE", "compared": 0, "dissimilar": 0, "share": 0.0, "max_share": 0.05, "p_value": 1.0}}, "rollback": null, "evaluation_interval_ms": 200, "ticks": 9, "tick_failures": 0, "events": 2, "state_file": null},
              "health": {"blue": {"checked": false, "healthy": true}, "green": {"environment": "GREEN", "name": "green-provider", "status": 200, "latency_ms": 15.597137, "error": null, "at_ms": 1796384934443, "ok": true, "healthy": true, "key_rejected": false}},
              "cost": {"blue": {"requests": 57, "priced_requests": 57, "cost_usd": 0.003990000000000004, "cost_per_1000_requests_usd": 0.07000000000000006}, "green": {"requests": 3, "priced_requests": 3, "cost_usd": 0.00020999999999999998, "cost_per_1000_requests_usd": 0.06999999999999999}, "request_log": {"written": 60, "dropped": 0, "write_errors": 0, "file": "/var/log/relaygate/requests-2026-12-04-11.jsonl"}},
              "shadow": {"active": false, "compared": 0, "matched": 0, "mismatched": 0, "dissimilar": 0, "dissimilar_share": 0.0, "dropped": 0, "in_flight": 0}
            }
            """;

    /** The evidence of an automatic rollback: the breaching verdict whole. */
    static final String AUTOMATIC_ROLLBACK = """
            {"at_millis": 1796384940000, "automatic": true,
             "reason": "error_rate breached: errors 6/80 = 0.0750, p0 0.0014, p1 0.0100, llr 5.10, breach llr 14.20 (span errors 6/80), bounds [-4.60, 13.82]",
             "verdict": {"at_millis": 1796384940000, "decision": "BREACH", "breached_check": "error_rate",
               "reason": "error_rate breached: errors 6/80 = 0.0750, p0 0.0014, p1 0.0100, llr 5.10, breach llr 14.20 (span errors 6/80), bounds [-4.60, 13.82]",
               "mode": "CANARY", "window_start_millis": 1796384910000, "window_end_millis": 1796384940000,
               "error_rate": {"status": "BREACH", "samples": 80, "errors": 6, "errors_by_cause": {"status5xx": 5,
                 "status429": 0, "timeouts": 1, "upstream_errors": 0, "aborted_streams": 0}, "error_rate": 0.075, "blue_samples": 720,
                 "blue_error_rate": 0.0014, "p0": 0.0014, "p1": 0.01, "llr": 5.1, "breach_llr": 14.2, "breach_samples": 80,
                 "breach_errors": 6, "upper_bound": 13.815510557964272, "lower_bound": -4.604169685654508},
               "latency_p99": {"status": "HEALTHY", "samples": 80, "p99_ms": 41.0, "threshold_ms": 200, "above": 0, "p_value": 1.0},
               "p99_difference": {"status": "HEALTHY", "green_samples": 80, "blue_samples": 720, "green_p99_ms": 41.0,
                 "blue_p99_ms": 38.5, "difference_ms": 2.5, "threshold_ms": 50, "p_value": 0.31, "tested_samples": 80},
               "quality": {"status": "NOT_APPLICABLE", "compared": 0, "dissimilar": 0, "share": 0.0, "max_share": 0.05, "p_value": 1.0}},
             "from_phase": "CANARY", "from_step": 2, "from_green_weight": 20}
            """;

    /** A fleet of three seen from its leader: 5803 lags one version and stopped reporting. */
    static final String CLUSTER = """
            {"member_id": "127.0.0.1:5801", "name": "relaygate", "leader": "127.0.0.1:5801", "is_leader": true,
             "connected": true, "quorum": 2, "record_version": 12, "applied_version": 12, "last_read_age_ms": 310,
             "members": [
               {"id": "127.0.0.1:5801", "address": "127.0.0.1:5801", "leader": true, "applied_version": 12,
                "lag_versions": 0, "applied_at_ms": 1796384930000, "reporting": true, "last_report_age_ms": 312},
               {"id": "127.0.0.1:5802", "address": "127.0.0.1:5802", "leader": false, "applied_version": 12,
                "lag_versions": 0, "applied_at_ms": 1796384930004, "reporting": true, "last_report_age_ms": 540},
               {"id": "127.0.0.1:5803", "address": "127.0.0.1:5803", "leader": false, "applied_version": 11,
                "lag_versions": 1, "applied_at_ms": 1796384920000, "reporting": false, "last_report_age_ms": 9800}],
             "excluded": ["127.0.0.1:5803"]}
            """;

    private StatusDocuments() {}

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("test document must be JSON: " + e.getMessage(), e);
        }
    }
}
