package dev.relaygate.relay.exchange;

/**
 * Told about every finished relayed request (request log, shadow, accounting). Called on the
 * event loop: implementations must not block (hand off to a queue).
 */
@FunctionalInterface
public interface ExchangeListener {

    void onFinished(ExchangeRecord record);
}
