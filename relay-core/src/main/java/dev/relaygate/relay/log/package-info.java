/**
 * Records that outlive a request: the JSON Lines request log with hourly rotation and retention ({@link
 * dev.relaygate.relay.log.RequestLog}, a bounded queue drained by one writer thread), cost per request from
 * configured prices, and {@link dev.relaygate.relay.log.RequestAccounting}, the exchange listener that feeds
 * both. May use {@code config} and the bottom layer.
 */
package dev.relaygate.relay.log;
