package dev.relaygate.reports.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads {@code roi-calculator/target/roi/roi.json}. */
public final class RoiLoader {

    private RoiLoader() {}

    public static Input<RoiResult> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Input.missing(file);
        }
        try {
            RoiResult roi = Json.MAPPER.readValue(file.toFile(), RoiResult.class);
            if (roi.totals() == null) {
                return new Input.Invalid<>(file, "totals must be an object, but was missing");
            }
            if (roi.currency() == null || roi.currency().isBlank()) {
                return new Input.Invalid<>(file, "currency must be a non-empty string, but was missing");
            }
            return new Input.Present<>(file, roi);
        } catch (IOException e) {
            return new Input.Invalid<>(file, "not a roi.json document: " + Json.reason(e));
        }
    }
}
