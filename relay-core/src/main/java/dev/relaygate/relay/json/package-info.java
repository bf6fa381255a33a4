/**
 * Allocation-light scanning of request bodies without binding them: {@link dev.relaygate.relay.json.BodyPeek}
 * reads {@code model} and {@code stream} off a chat request, {@link dev.relaygate.relay.json.TopLevelScan}
 * finds top-level fields, {@link dev.relaygate.relay.json.StreamUsageRequest} asks a stream to report usage.
 * Bottom layer: uses nothing else in the relay.
 */
package dev.relaygate.relay.json;
