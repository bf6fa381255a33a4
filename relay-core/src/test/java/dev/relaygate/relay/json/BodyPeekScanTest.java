package dev.relaygate.relay.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The byte-level scan in front of Jackson: same answers, same rejections. */
final class BodyPeekScanTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static BodyPeek.Result peek(String json) throws MalformedBodyException {
        return BodyPeek.peek(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void escapedQuotesInsideStringsDoNotEndThemEarly() throws MalformedBodyException {
        assertThat(peek("{\"messages\":[{\"role\":\"user\",\"content\":\"say \\\"model\\\": \\\"x\\\", "
                        + "\\\"stream\\\": true \\\\\"}],\"model\":\"gpt-4.1\",\"stream\":false}"))
                .isEqualTo(new BodyPeek.Result("gpt-4.1", false));
    }

    @Test
    void modelAndStreamKeysInsideNestedValuesAreNotTheTopLevelFields() throws MalformedBodyException {
        assertThat(peek("{\"metadata\":{\"model\":\"inner\",\"stream\":true},"
                        + "\"tools\":[{\"model\":\"x\",\"stream\":true},[\"model\"]],\"model\":\"outer\"}"))
                .isEqualTo(new BodyPeek.Result("outer", false));
    }

    @Test
    void unicodeEscapesAndRawUtf8AreDecodedLikeJackson() throws MalformedBodyException {
        assertThat(peek("{\"messages\":[{\"content\":\"\\ud83d\\ude00 caf\u00e9 \u6f22\u5b57 \ud83d\ude00\"}],"
                        + "\"model\":\"gpt-\\u0034.1\",\"stream\":true}"))
                .isEqualTo(new BodyPeek.Result("gpt-4.1", true));
        assertThat(peek("{\"model\":\"mod\u00e8le-\u6f22\",\"stream\":false}"))
                .isEqualTo(new BodyPeek.Result("mod\u00e8le-\u6f22", false));
    }

    @Test
    void aTopLevelNameWrittenWithEscapesStillNamesTheField() throws MalformedBodyException {
        assertThat(peek("{\"mod\\u0065l\":\"m\",\"str\\u0065am\":true}")).isEqualTo(new BodyPeek.Result("m", true));
    }

    @Test
    void whitespaceAnywhereBetweenTokensIsAccepted() throws MalformedBodyException {
        assertThat(peek("\n\t{ \r\n \"messages\" :\t[ { \"a\" : [ 1 , -2.5e+3 , true , false , null ] } ] ,"
                        + " \"model\" : \"m\" ,\n\"stream\" :\ttrue }\n"))
                .isEqualTo(new BodyPeek.Result("m", true));
        assertThat(peek("{\"model\":\"m\",\"stream\":true}")).isEqualTo(new BodyPeek.Result("m", true));
        assertThat(peek("{}  ")).isEqualTo(new BodyPeek.Result(null, false));
    }

    @Test
    void missingFieldsAreScannedToTheEndAndReadAsAbsent() throws MalformedBodyException {
        assertThat(peek("{\"messages\":[{\"content\":\"hi\"}],\"stream\":true}"))
                .isEqualTo(new BodyPeek.Result(null, true));
        assertThat(peek("{\"messages\":[],\"model\":\"m\",\"temperature\":0.2}"))
                .isEqualTo(new BodyPeek.Result("m", false));
        assertThat(peek("{\"stream\":null,\"model\":\"m\"}")).isEqualTo(new BodyPeek.Result("m", false));
    }

    @Test
    void theLastValueOfARepeatedFieldWinsAsInJackson() throws MalformedBodyException {
        assertThat(peek("{\"model\":\"a\",\"model\":\"b\",\"stream\":true}")).isEqualTo(new BodyPeek.Result("b", true));
    }

    @Test
    void nestingDeeperThanTheScanHandlesIsStillRead() throws MalformedBodyException {
        String deep = "[".repeat(200) + "]".repeat(200);
        assertThat(peek("{\"x\":" + deep + ",\"model\":\"m\",\"stream\":true}"))
                .isEqualTo(new BodyPeek.Result("m", true));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"messages\":[1,,2],\"model\":\"m\",\"stream\":true}",
                "{\"messages\":[{\"a\" 1}],\"model\":\"m\",\"stream\":true}",
                "{\"messages\":[{\"a\":1,}],\"model\":\"m\",\"stream\":true}",
                "{\"messages\":[\"bad \\x escape\"],\"model\":\"m\",\"stream\":true}",
                "{\"messages\":[\"short \\u12 escape\"],\"model\":\"m\",\"stream\":true}",
                "{\"messages\":[\"raw\u0001control\"],\"model\":\"m\",\"stream\":true}",
                "{\"messages\":[01],\"model\":\"m\",\"stream\":true}",
                "{\"messages\":[1.],\"model\":\"m\",\"stream\":true}",
                "{\"messages\":[-],\"model\":\"m\",\"stream\":true}",
                "{\"messages\":[tru],\"model\":\"m\",\"stream\":true}",
                "{\"messages\":[nulls],\"model\":\"m\",\"stream\":true}",
                "{\"messages\":[\"a\"},\"model\":\"m\",\"stream\":true}",
                "{\"messages\":[\"unterminated],\"model\":\"m\",\"stream\":true}",
                "{\"messages\":['single'],\"model\":\"m\",\"stream\":true}",
                "{messages:[],\"model\":\"m\",\"stream\":true}",
                "{\"model\":\"m\",\"stream\":truex}",
                "{\"model\":\"m\" \"stream\":true}",
                "{\"model\":\"m\",\"messages\":[]",
                "{\"model\":\"m\"}]",
            })
    void malformedJsonBeforeBothFieldsAreKnownIsRejected(String body) {
        assertThatThrownBy(() -> peek(body))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessageStartingWith("request body")
                .satisfies(e -> assertThat(((MalformedBodyException) e).param()).isNull());
    }

    @ParameterizedTest
    @ValueSource(strings = {"c3 28", "e2 82", "ed a0 80", "f8 88 80 80 80", "80"})
    void invalidUtf8InsideAStringIsRejected(String hex) {
        byte[] prefix = "{\"messages\":[\"x".getBytes(StandardCharsets.US_ASCII);
        byte[] suffix = "\"],\"model\":\"m\",\"stream\":true}".getBytes(StandardCharsets.US_ASCII);
        String[] parts = hex.split(" ");
        byte[] body = new byte[prefix.length + parts.length + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        for (int i = 0; i < parts.length; i++) {
            body[prefix.length + i] = (byte) Integer.parseInt(parts[i], 16);
        }
        System.arraycopy(suffix, 0, body, prefix.length + parts.length, suffix.length);
        // Jackson's streaming parser, skipping strings as the peek's fallback does, is the judge of
        // what is rejected (it lets an encoded surrogate pass, for one); the peek must agree either way.
        boolean jacksonAccepts;
        try (JsonParser p = MAPPER.getFactory().createParser(body)) {
            while (p.nextToken() != null) {
                p.skipChildren();
            }
            jacksonAccepts = true;
        } catch (java.io.IOException e) {
            jacksonAccepts = false;
        }
        if (jacksonAccepts) {
            assertThat(peekQuietly(body)).isEqualTo(new BodyPeek.Result("m", true));
        } else {
            assertThatThrownBy(() -> BodyPeek.peek(body)).isInstanceOf(MalformedBodyException.class);
        }
    }

    @Test
    void wrongTypesStillNameTheField() {
        assertThatThrownBy(() -> peek("{\"messages\":[],\"model\":null,\"stream\":true}"))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessage("model must be a string, but was VALUE_NULL");
        assertThatThrownBy(() -> peek("{\"model\":\"m\",\"stream\":1}"))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessage("stream must be a boolean, but was VALUE_NUMBER_INT");
    }

    @Test
    void agreesWithJacksonOnLargeRandomBodiesInEveryFieldOrder() throws Exception {
        SplittableRandom random = new SplittableRandom(6);
        for (int body = 0; body < 200; body++) {
            ObjectNode root = MAPPER.createObjectNode();
            ArrayNode messages = MAPPER.createArrayNode();
            int turns = 1 + random.nextInt(60);
            for (int t = 0; t < turns; t++) {
                ObjectNode m = messages.addObject()
                        .put("role", t % 2 == 0 ? "user" : "assistant")
                        .put("content", text(random));
                if (random.nextInt(4) == 0) {
                    m.putObject("meta")
                            .put("model", "nested")
                            .put("stream", true)
                            .putArray("n")
                            .add(random.nextDouble());
                }
            }
            String model = random.nextInt(8) == 0 ? "m\u00f6del-" + body : "gpt-" + body;
            boolean hasStream = random.nextBoolean();
            boolean stream = random.nextBoolean();
            int order = random.nextInt(3);
            if (order == 0) {
                root.set("messages", messages);
            }
            root.put("model", model);
            if (order == 1) {
                root.set("messages", messages);
            }
            if (hasStream) {
                root.put("stream", stream);
            }
            if (order == 2) {
                root.set("messages", messages);
            }
            root.put("temperature", random.nextDouble());
            byte[] json = (random.nextBoolean()
                            ? MAPPER.writeValueAsString(root)
                            : MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root))
                    .getBytes(StandardCharsets.UTF_8);
            JsonNode tree = MAPPER.readTree(json);
            assertThat(BodyPeek.peek(json))
                    .as("body %d", body)
                    .isEqualTo(new BodyPeek.Result(
                            tree.get("model").asText(), tree.path("stream").asBoolean(false)));
        }
    }

    private static String text(SplittableRandom random) {
        String[] words = {
            "relay",
            "\"quoted\"",
            "back\\slash",
            "tab\there",
            "line\nbreak",
            "caf\u00e9",
            "\u6f22\u5b57",
            "\ud83d\ude00",
            "{\"model\":\"fake\"}",
            "model",
            "stream",
            "\u0001"
        };
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(200);
        for (int i = 0; i < n; i++) {
            s.append(words[random.nextInt(words.length)]).append(' ');
        }
        return s.toString();
    }

    private static BodyPeek.Result peekQuietly(byte[] body) {
        try {
            return BodyPeek.peek(body);
        } catch (MalformedBodyException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
