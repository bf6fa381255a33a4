package dev.relaygate.relay.proxy;

import java.util.concurrent.TimeoutException;

/** The upstream started an answer, then sent nothing for {@code streaming.idle_timeout_ms}: the relay cut it. */
final class UpstreamSilenceException extends TimeoutException {

    private static final long serialVersionUID = 1L;

    UpstreamSilenceException(long limitMs) {
        super("upstream sent nothing for " + limitMs + " ms (streaming.idle_timeout_ms) after its answer started");
    }
}
