/**
 * The relay's composition root. {@link dev.relaygate.relay.RelayAssembly} builds every part through its
 * constructor, in dependency order: it is the one file to open to see the relay's parts and how they are wired.
 * {@link dev.relaygate.relay.RelayServer} owns an assembly, listens with one Vert.x HTTP server per event loop
 * and shuts down in order; {@code RelayRequestHandler} sends control paths to {@code admin} and {@code /v1/**}
 * to {@code proxy}. May use every package below it; only {@code cli} uses it.
 */
package dev.relaygate.relay;
