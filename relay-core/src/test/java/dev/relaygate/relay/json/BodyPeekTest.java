package dev.relaygate.relay.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class BodyPeekTest {

    private static BodyPeek.Result peek(String json) throws MalformedBodyException {
        return BodyPeek.peek(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsModelAndStreamAndSkipsNestedContent() throws MalformedBodyException {
        BodyPeek.Result r = peek("{\"messages\":[{\"role\":\"user\",\"content\":\"{\\\"model\\\":\\\"x\\\"}\"}],"
                + "\"model\":\"gpt-4.1\",\"stream\":true}");
        assertThat(r.model()).isEqualTo("gpt-4.1");
        assertThat(r.stream()).isTrue();
    }

    @Test
    void treatsAMissingStreamAsFalse() throws MalformedBodyException {
        assertThat(peek("{\"model\":\"m\",\"input\":\"hi\"}")).isEqualTo(new BodyPeek.Result("m", false));
        assertThat(peek("{\"input\":\"hi\"}")).isEqualTo(new BodyPeek.Result(null, false));
    }

    @Test
    void stopsReadingOnceBothFieldsAreKnown() throws MalformedBodyException {
        // Whatever follows is never parsed: the upstream sees the body unchanged anyway.
        assertThat(peek("{\"model\":\"m\",\"stream\":false,\"messages\":[ this is not read"))
                .isEqualTo(new BodyPeek.Result("m", false));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "[1,2]",
                "{\"model\":\"m\"",
                "{\"model\":\"m\",}",
                "\"text\"",
                "{\"model\":\"m\"} {}"
            })
    void rejectsBodiesThatAreNotOneJsonObject(String body) {
        assertThatThrownBy(() -> peek(body))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessageContaining("request body");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"model\":42}|model|model must be a string",
                "{\"model\":\"m\",\"stream\":\"yes\"}|stream|stream must be a boolean"
            })
    void rejectsWrongFieldTypesNamingTheField(String body, String param, String message) {
        assertThatThrownBy(() -> peek(body))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> assertThat(((MalformedBodyException) e).param()).isEqualTo(param));
    }
}
