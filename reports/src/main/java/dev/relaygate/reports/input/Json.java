package dev.relaygate.reports.input;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson mapper of the module: snake_case field names, unknown fields tolerated. */
final class Json {

    /**
     * Unknown fields are ignored: producers may add fields (forward compatible), and the gate
     * files' shape is already enforced by the JSON Schema before binding.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private Json() {}

    /** A one-line reason from a Jackson exception, without the source dump Jackson appends. */
    static String reason(Exception e) {
        String message = String.valueOf(e.getMessage());
        int sourceAt = message.indexOf("\n at [Source");
        String head = sourceAt >= 0 ? message.substring(0, sourceAt) : message;
        return head.replace('\n', ' ').trim();
    }
}
