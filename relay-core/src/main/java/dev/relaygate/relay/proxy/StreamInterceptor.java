package dev.relaygate.relay.proxy;

import io.vertx.core.buffer.Buffer;

/**
 * One stage an upstream answer's body passes through on its way to the client. An exchange runs its
 * stages in a fixed order: observers first (usage tap, shadow capture, which read the upstream's bytes),
 * then transformers (usage-event filter, event window, which change or hold what the client gets).
 * One instance per answer, used on the exchange's event loop only.
 */
interface StreamInterceptor {

    /**
     * @param raw the upstream's bytes of this chunk
     * @param out what the stages before this one made of them
     * @return what goes on to the next stage (and finally to the client); may be empty
     */
    Buffer onChunk(Buffer raw, Buffer out);

    /**
     * The upstream ended: {@code tail} is what the stages before this one still release; returns this
     * stage's tail (for example bytes it held) with it, in order.
     */
    default Buffer onEnd(Buffer tail) {
        return tail;
    }

    /** Whether this stage still holds the start of the answer; the client's status and headers wait too. */
    default boolean holding() {
        return false;
    }
}
