package dev.relaygate.gates.relays;

/**
 * The two upstreams a relay under test is started against.
 *
 * @param blueUrl   base URL ending in {@code /v1}, e.g. {@code http://127.0.0.1:41234/v1}
 * @param greenUrl  likewise
 */
public record Upstreams(String blueUrl, String blueKey, String greenUrl, String greenKey) {}
