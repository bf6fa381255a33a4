/**
 * HTTP helpers every layer that answers a client shares: header names and hop-by-hop filtering ({@link
 * dev.relaygate.relay.http.Headers}), errors in the OpenAI shape ({@link
 * dev.relaygate.relay.http.ErrorResponses}) and request ids ({@link dev.relaygate.relay.http.RequestIds}).
 * Bottom layer: may use {@code exchange}; nothing above.
 */
package dev.relaygate.relay.http;
