package dev.relaygate.relay.proxy;

import dev.relaygate.relay.shadow.ShadowAnswer;
import dev.relaygate.relay.shadow.ShadowMirror;
import dev.relaygate.relay.sse.SseUsageScanner;
import dev.relaygate.relay.sse.StreamedText;
import io.vertx.core.buffer.Buffer;

/**
 * Collects blue's answer for the shadow comparison while it passes, on the slot the mirror reserved:
 * a stream's text and usage (text bounded by {@link StreamedText#MAX_CHARS}), or a JSON answer of up
 * to {@link AnswerCopy#MAX_JSON_BYTES}. When the exchange ends, green gets its copy only if blue's
 * answer is a reference (a stream with its {@code [DONE]}, a JSON answer within the bound); otherwise
 * the slot is given back. Passes every byte on unchanged. Used on the exchange's event loop only.
 */
final class ShadowCapture implements StreamInterceptor {

    private final ShadowMirror mirror;
    private final StreamedText text;
    private final AnswerCopy copy;
    private boolean settled;

    /** @param mirror a mirror on which {@link ShadowMirror#reserve()} just returned true */
    ShadowCapture(ShadowMirror mirror, boolean stream) {
        this.mirror = mirror;
        this.text = stream ? new StreamedText() : null;
        this.copy = new AnswerCopy(stream, text);
    }

    @Override
    public Buffer onChunk(Buffer raw, Buffer out) {
        copy.add(raw);
        return out;
    }

    /**
     * Blue's answer ended whole and the client's answer was recorded: mirror it to green, or give the
     * slot back when it is no reference. Green never delays or fails the client.
     */
    void offer(int status, double latencyMs, String requestId, String model, String uri, Buffer requestBody) {
        if (settled) {
            return;
        }
        settled = true;
        ShadowAnswer blue = blueAnswer(status, latencyMs);
        if (blue != null) {
            mirror.offer(requestId, model, uri, requestBody, copy.stream() != null, blue);
        } else {
            mirror.release();
        }
    }

    /** Blue's answer will not be compared (cut, cancelled, failed over): the slot goes back. */
    void abandon() {
        if (!settled) {
            settled = true;
            mirror.release();
        }
    }

    private ShadowAnswer blueAnswer(int status, double latencyMs) {
        SseUsageScanner sse = copy.stream();
        if (sse != null) {
            sse.finish();
            return sse.done() ? ShadowMirror.streamAnswer(status, sse.usage(), text.text(), latencyMs) : null;
        }
        return copy.json() == null ? null : ShadowMirror.answer(status, copy.json(), latencyMs);
    }
}
