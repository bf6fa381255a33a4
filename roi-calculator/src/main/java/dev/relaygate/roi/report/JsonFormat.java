package dev.relaygate.roi.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** roi.json: the report as pretty-printed JSON; field names come from {@link RoiReport}. */
public final class JsonFormat {
    private static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonFormat() {}

    public static String write(RoiReport report) {
        try {
            return MAPPER.writeValueAsString(report) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ROI report could not be serialised", e);
        }
    }

    /** Reads a roi.json back (for the reports module and round-trip tests). */
    public static RoiReport read(String json) {
        try {
            return MAPPER.readValue(json, RoiReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a roi.json document: " + e.getOriginalMessage(), e);
        }
    }
}
