package dev.relaygate.reports.input;

import java.nio.file.Path;
import java.util.List;

/**
 * One file of the gates folder: a valid gate result, or an invalid file with the reasons. Its key names the
 * result the verdict expects: {@code <gate>} for a file of the folder itself, {@code <relay>/<gate>} for one
 * in a relay's folder (a comparison build).
 */
public sealed interface GateFile permits GateFile.Valid, GateFile.Invalid {

    Path file();

    /** {@code <gate>} or {@code <relay>/<gate>}: from the gate id of a valid file, the file name of an invalid one. */
    String key();

    /** The key of a file named {@code <name>.json} in the gates folder ({@code relayDir} null) or a relay's folder. */
    static String key(String relayDir, String name) {
        return relayDir == null ? name : relayDir + "/" + name;
    }

    record Valid(Path file, String key, GateResult result) implements GateFile {
        /** A result of the gates folder itself, keyed by its gate id. */
        public Valid(Path file, GateResult result) {
            this(file, result.gate(), result);
        }
    }

    record Invalid(Path file, String key, List<String> errors) implements GateFile {
        public Invalid {
            errors = List.copyOf(errors);
        }

        /** An invalid file of the gates folder itself, keyed by its file name without ".json". */
        public Invalid(Path file, List<String> errors) {
            this(file, GateFile.key(null, stem(file)), errors);
        }

        static String stem(Path file) {
            String fileName = file.getFileName().toString();
            return fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
        }
    }
}
