package dev.relaygate.reports.input;

import java.nio.file.Path;
import java.util.List;

/** One file of the gates folder: a valid gate result, or an invalid file with the reasons. */
public sealed interface GateFile permits GateFile.Valid, GateFile.Invalid {

    Path file();

    /** The gate id for a valid file, the file name without ".json" for an invalid one. */
    String name();

    record Valid(Path file, GateResult result) implements GateFile {
        @Override
        public String name() {
            return result.gate();
        }
    }

    record Invalid(Path file, List<String> errors) implements GateFile {
        public Invalid {
            errors = List.copyOf(errors);
        }

        @Override
        public String name() {
            String fileName = file.getFileName().toString();
            return fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
        }
    }
}
