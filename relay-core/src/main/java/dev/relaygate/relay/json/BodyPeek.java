package dev.relaygate.relay.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads the top-level {@code model} and {@code stream} fields of an OpenAI request body, skipping
 * everything else without building a tree, and stopping as soon as both are known. Vert.x-free (the
 * jmh module benchmarks it).
 *
 * <p>A body is rejected when it is not a JSON object, when the JSON breaks before both fields are
 * settled, or when {@code model}/{@code stream} have the wrong type. When {@code stream} is absent
 * the whole object is scanned, so such bodies are fully validated.
 *
 * <p>Two stages with one contract: a byte-level {@link TopLevelScan} settles the common case (a
 * strict RFC 8259 check of everything it passes over, so it accepts only what Jackson accepts, and
 * yields the same values); anything it is not sure about (a syntax error, a wrong type, escapes in
 * a top-level name, very deep nesting or long tokens) goes to Jackson's streaming parser, whose
 * answer and error messages are the contract.
 */
public final class BodyPeek {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** The fields the relay needs; {@code model} is null when the body has none. */
    public record Result(String model, boolean stream) {}

    private BodyPeek() {}

    public static Result peek(byte[] body) throws MalformedBodyException {
        return peek(body, 0, body.length);
    }

    public static Result peek(byte[] body, int offset, int length) throws MalformedBodyException {
        if (length == 0) {
            throw new MalformedBodyException("request body must be a JSON object, but was empty", null);
        }
        Result scanned = new TopLevelScan(body, offset, offset + length).run();
        return scanned != null ? scanned : parse(body, offset, length);
    }

    /** The authority: Jackson's streaming parser, for every body the byte scan does not settle. */
    private static Result parse(byte[] body, int offset, int length) throws MalformedBodyException {
        try (JsonParser p = JSON.createParser(body, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedBodyException("request body must be a JSON object", null);
            }
            String model = null;
            boolean modelSeen = false;
            boolean stream = false;
            boolean streamSeen = false;
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("model".equals(name)) {
                    if (value != JsonToken.VALUE_STRING) {
                        throw new MalformedBodyException("model must be a string, but was " + value, "model");
                    }
                    model = p.getText();
                    modelSeen = true;
                } else if ("stream".equals(name)) {
                    if (value == JsonToken.VALUE_TRUE) {
                        stream = true;
                    } else if (value != JsonToken.VALUE_FALSE && value != JsonToken.VALUE_NULL) {
                        throw new MalformedBodyException("stream must be a boolean, but was " + value, "stream");
                    }
                    streamSeen = true;
                } else {
                    p.skipChildren();
                }
                if (modelSeen && streamSeen) {
                    return new Result(model, stream);
                }
            }
            if (token != JsonToken.END_OBJECT) {
                throw new MalformedBodyException("request body is not valid JSON: unexpected end", null);
            }
            if (p.nextToken() != null) {
                throw new MalformedBodyException("request body must hold one JSON object, but has trailing data", null);
            }
            return new Result(model, stream);
        } catch (JsonProcessingException e) {
            throw new MalformedBodyException("request body is not valid JSON: " + e.getOriginalMessage(), null);
        } catch (IOException e) {
            throw new MalformedBodyException("request body could not be read: " + e.getMessage(), null);
        }
    }
}
