package dev.relaygate.relay.metrics;

import dev.relaygate.relay.exchange.Environment;

/** Accumulated counts and latency percentiles of one environment since the relay started. */
public record MetricsSnapshot(Environment environment, Counts counts, Percentiles latency, Percentiles ttfb) {}
