package dev.relaygate.mock.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import dev.relaygate.mock.Profile;
import dev.relaygate.mock.ProfileSettings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the {@code POST /v1/chat/completions} answer (JSON or SSE) for one profile snapshot, or with
 * {@code anthropic} the {@code POST /v1/messages} answer: same text, token rule, timing and faults.
 */
final class ChatResponder {

    /** Response header the pass-through reads to cut a response: {@code events=N} or {@code bytes=N}. */
    static final String CUT_HEADER = "X-Relaygate-Cut";

    private static final int[] FLAKY_STATUSES = {500, 503, 429};

    private final String name;
    private final ProfileState state;
    private final OpenAiBodies bodies;
    private final AnthropicBodies anthropicBodies;
    private final ObjectMapper mapper;
    private final AtomicLong ids = new AtomicLong();

    ChatResponder(String name, ProfileState state, OpenAiBodies bodies, ObjectMapper mapper) {
        this.name = name;
        this.state = state;
        this.bodies = bodies;
        this.anthropicBodies = new AnthropicBodies(mapper);
        this.mapper = mapper;
    }

    /** An error in the dialect's shape; {@code type}, {@code param}, {@code code} are the OpenAI fields. */
    ResponseDefinitionBuilder error(
            boolean anthropic, int status, String message, String type, String param, String code) {
        return MockTransformer.json(
                status,
                anthropic ? anthropicBodies.error(status, message) : bodies.error(message, type, param, code, name));
    }

    ResponseDefinitionBuilder respond(Request httpRequest, ProfileSettings s, boolean anthropic) {
        ChatRequest request;
        try {
            request = ChatRequest.parse(mapper, httpRequest.getBodyAsString());
        } catch (ChatRequest.InvalidRequest e) {
            return error(anthropic, 400, e.getMessage(), "invalid_request_error", e.param(), null);
        }
        if (s.profile() == Profile.FLAKY) {
            ResponseDefinitionBuilder failure = flakyFailure(s, anthropic);
            if (failure != null) {
                return failure;
            }
        }
        int words = request.completionTokens(s.tokensPerAnswer());
        List<String> chunks = AnswerText.chunks(request.promptText(), s.profile() == Profile.DIVERGENT, words);
        boolean capped = words < s.tokensPerAnswer();
        ResponseDefinitionBuilder response;
        if (anthropic) {
            String id = "msg_" + name + "_" + ids.incrementAndGet();
            String stop = capped ? "max_tokens" : "end_turn";
            response = request.stream()
                    ? stream(s, anthropicBodies.streamEvents(id, request, chunks, stop), 1)
                    : json(s, anthropicBodies.message(id, request, chunks, stop));
        } else {
            String id = "chatcmpl-" + name + "-" + ids.incrementAndGet();
            long created = System.currentTimeMillis() / 1000;
            String finish = capped ? "length" : "stop";
            response = request.stream()
                    ? stream(s, dataEvents(bodies.streamPayloads(id, created, request, chunks, finish)), 1)
                    : json(s, bodies.completion(id, created, request, chunks, finish));
        }
        if (s.profile() == Profile.LATENCY_SPIKE) {
            response.withLogNormalRandomDelay(s.latencySpikeMedianMs(), ProfileSettings.LATENCY_SPIKE_SIGMA);
        }
        return response;
    }

    /** Seeded per-request decision: request i fails iff hash(seed, i) falls below error_percent. */
    private ResponseDefinitionBuilder flakyFailure(ProfileSettings s, boolean anthropic) {
        long index = state.nextChatIndex();
        long h = AnswerText.mix(s.seed() * 0x9e3779b97f4a7c15L + index);
        double u = (h >>> 11) * 0x1.0p-53;
        if (u >= s.errorPercent() / 100.0) {
            return null;
        }
        int status = FLAKY_STATUSES[(int) Long.remainderUnsigned(AnswerText.mix(h), FLAKY_STATUSES.length)];
        if (status == 429) {
            return error(
                            anthropic,
                            429,
                            "Rate limit reached (relaygate mock flaky profile).",
                            "requests",
                            null,
                            "rate_limit_exceeded")
                    .withHeader("Retry-After", "1");
        }
        String message = status == 500
                ? "The server had an error while processing your request."
                : "The engine is currently overloaded, please try again later.";
        return error(anthropic, status, message, "server_error", null, null);
    }

    private ResponseDefinitionBuilder json(ProfileSettings s, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ResponseDefinitionBuilder response = aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withFixedDelay(addedLatency(s) + s.timeToFirstEventMs());
        if (s.profile() == Profile.TRUNCATED_STREAM) {
            return response.withBody(Arrays.copyOf(bytes, bytes.length / 2));
        }
        if (s.profile() == Profile.MID_STREAM_ABORT) {
            response.withHeader(CUT_HEADER, "bytes=" + bytes.length / 2);
        }
        return response.withBody(bytes);
    }

    /** OpenAI framing: one {@code data:} event per payload, then {@code data: [DONE]}. */
    private static List<String> dataEvents(List<String> payloads) {
        List<String> texts = new ArrayList<>(payloads.size() + 1);
        payloads.forEach(p -> texts.add("data: " + p + "\n\n"));
        texts.add("data: " + SseBody.DONE + "\n\n");
        return texts;
    }

    /**
     * Streams the event texts; TRUNCATED_STREAM keeps at most {@code abortAfterEvents} of them and never the
     * last {@code terminalEvents} ({@code [DONE]} / {@code message_stop}).
     */
    private ResponseDefinitionBuilder stream(ProfileSettings s, List<String> texts, int terminalEvents) {
        boolean truncated = s.profile() == Profile.TRUNCATED_STREAM;
        byte[][] events = SseBody.frameEvents(texts);
        int count = truncated ? Math.min(s.abortAfterEvents(), events.length - terminalEvents) : events.length;
        ResponseDefinitionBuilder response = aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withHeader("Cache-Control", "no-cache")
                .withBody(SseBody.join(events, count));
        if (s.profile() == Profile.MID_STREAM_ABORT) {
            response.withHeader(CUT_HEADER, "events=" + Math.min(s.abortAfterEvents(), events.length));
        }
        int gap = s.gapBetweenEventsMs();
        if (gap > 0 && count > 0) {
            // The dribble sleeps `gap` before every chunk, the first included: the initial delay supplies the rest.
            response.withChunkedDribbleDelay(count, gap * count)
                    .withFixedDelay(addedLatency(s) + Math.max(0, s.timeToFirstEventMs() - gap));
        } else {
            response.withFixedDelay(addedLatency(s) + s.timeToFirstEventMs());
        }
        return response;
    }

    private static int addedLatency(ProfileSettings s) {
        return s.profile() == Profile.SLOW ? s.addedLatencyMs() : 0;
    }
}
