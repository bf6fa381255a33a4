/**
 * Per-environment outcome counters ({@code LongAdder}) and latency histograms (HdrHistogram {@code Recorder}s),
 * read through immutable snapshots: accumulated ones for {@code /metrics} and status, interval ones (reset on
 * read) for the rollout controller only. The recorder internals are package-private. May use {@code routing},
 * {@code config} and the bottom layer.
 */
package dev.relaygate.relay.metrics;
