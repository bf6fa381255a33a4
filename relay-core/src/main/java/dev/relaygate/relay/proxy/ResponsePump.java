package dev.relaygate.relay.proxy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Moves one upstream answer to the client, chunk by chunk, through the exchange's ordered
 * {@link StreamInterceptor stages}. Back-pressure: reading the upstream pauses while the client's write
 * queue is full and resumes on drain, so an answer is never buffered whole. The client's status and
 * headers go out once no stage holds the answer's start. An upstream silent for longer than the
 * {@link SilenceWatch}'s limit is cut and reported as broken off.
 *
 * <p>Threading: all callbacks run on the exchange's event loop. {@code current} tells whether the
 * exchange still wants this attempt; callbacks of an abandoned attempt do nothing.
 */
final class ResponsePump {

    private final HttpServerResponse response;
    private final StreamInterceptor[] stages;
    private final Runnable commitHeaders;
    private final SilenceWatch silence;
    private boolean committed;

    /**
     * @param commitHeaders writes the client's status and headers (called once, before the first byte)
     * @param silence       cuts an upstream that goes silent mid-answer; null for no limit
     */
    ResponsePump(
            HttpServerResponse response, StreamInterceptor[] stages, Runnable commitHeaders, SilenceWatch silence) {
        this.response = response;
        this.stages = stages;
        this.commitHeaders = commitHeaders;
        this.silence = silence;
    }

    /**
     * Starts forwarding {@code upstream}.
     *
     * @param ended  called when the upstream ended, before the last bytes go out (so whoever sees the end
     *               of the answer sees it recorded)
     * @param broken called when the upstream broke off or went silent; {@link #committed()} tells whether the
     *               client saw anything yet
     */
    void start(HttpClientResponse upstream, BooleanSupplier current, Runnable ended, Consumer<Throwable> broken) {
        commitUnlessHeld();
        if (silence != null) {
            silence.start(() -> {
                if (current.getAsBoolean()) {
                    broken.accept(new UpstreamSilenceException(silence.limitMs()));
                    // After the exchange moved on: the reset's own error callback finds this attempt abandoned.
                    upstream.request().reset();
                }
            });
        }
        response.drainHandler(v -> {
            if (silence != null) {
                silence.resume();
            }
            upstream.resume();
        });
        upstream.handler(chunk -> {
            if (!current.getAsBoolean()) {
                return;
            }
            if (silence != null) {
                silence.touch();
            }
            Buffer out = chunk;
            for (StreamInterceptor stage : stages) {
                out = stage.onChunk(chunk, out);
            }
            if (!commitUnlessHeld()) {
                return;
            }
            if (out.length() > 0) {
                response.write(out);
            }
            if (response.writeQueueFull()) {
                upstream.pause();
                if (silence != null) {
                    silence.pause();
                }
            }
        });
        upstream.endHandler(v -> {
            stopWatch();
            if (!current.getAsBoolean()) {
                return;
            }
            ended.run();
            Buffer tail = Buffer.buffer();
            for (StreamInterceptor stage : stages) {
                tail = stage.onEnd(tail);
            }
            commit();
            if (tail.length() > 0) {
                response.end(tail);
            } else {
                response.end();
            }
        });
        upstream.exceptionHandler(err -> {
            stopWatch();
            if (current.getAsBoolean()) {
                broken.accept(err);
            }
        });
    }

    private void stopWatch() {
        if (silence != null) {
            silence.stop();
        }
    }

    /** Whether the client's status and headers went out. */
    boolean committed() {
        return committed;
    }

    /** Commits the headers unless a stage still holds the answer's start; true once they are committed. */
    private boolean commitUnlessHeld() {
        if (committed) {
            return true;
        }
        for (StreamInterceptor stage : stages) {
            if (stage.holding()) {
                return false;
            }
        }
        commit();
        return true;
    }

    private void commit() {
        if (!committed) {
            committed = true;
            commitHeaders.run();
        }
    }
}
