/**
 * The {@code relaygate} command line (picocli): {@code serve} runs a relay; the other commands call a running
 * relay's admin API. The top layer: may use everything below it.
 */
package dev.relaygate.relay.cli;
