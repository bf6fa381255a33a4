/**
 * The upstreams: one pooled Vert.x client per environment ({@link dev.relaygate.relay.upstream.UpstreamTarget},
 * which alone adds the upstream's key to a request) and which upstream currently plays blue and which green
 * ({@link dev.relaygate.relay.upstream.Upstreams}, swapped on promote). May use {@code config} and the bottom
 * layer.
 */
package dev.relaygate.relay.upstream;
