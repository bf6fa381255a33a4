/**
 * What one relayed request is, shared by the packages that route, count, log and bill it: the {@link
 * dev.relaygate.relay.exchange.Environment} it went to, its {@link dev.relaygate.relay.exchange.Outcome}, token
 * {@link dev.relaygate.relay.exchange.Usage}, the finished {@link dev.relaygate.relay.exchange.ExchangeRecord}
 * and its {@link dev.relaygate.relay.exchange.ExchangeListener}. Plain records and interfaces at the bottom
 * layer: uses nothing else in the relay.
 */
package dev.relaygate.relay.exchange;
