/**
 * Server-sent events read as they pass, never buffered whole: {@link dev.relaygate.relay.sse.SseUsageScanner}
 * counts events and finds the usage event and {@code [DONE]}; {@link dev.relaygate.relay.sse.StreamedText}
 * collects a stream's text (bounded) for the shadow comparison. Bottom layer: may use {@code exchange} and
 * {@code json}.
 */
package dev.relaygate.relay.sse;
