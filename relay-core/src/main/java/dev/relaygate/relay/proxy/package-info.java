/**
 * The {@code /v1/**} pass-through: {@link dev.relaygate.relay.proxy.ProxyHandler} checks, authenticates, reads
 * the bounded body and routes; a {@link dev.relaygate.relay.proxy.ProxyExchange} then runs the upstream
 * attempts under an {@link dev.relaygate.relay.proxy.AttemptPolicy} (retry, failover, deadline) and moves the
 * answer through a {@link dev.relaygate.relay.proxy.ResponsePump} (back-pressure) and its ordered {@link
 * dev.relaygate.relay.proxy.StreamInterceptor stages}: usage tap, shadow capture, usage-event filter, event
 * window. Runs on the event loop and never blocks. May use every package of its layer ({@code routing}, {@code
 * metrics}, {@code upstream}, {@code shadow}, ...) and those below; nothing above.
 */
package dev.relaygate.relay.proxy;
