package dev.relaygate.reports.claims;

import java.nio.file.Path;
import java.util.List;

/** A claims file that cannot be judged; each error names the claim and the field. */
public final class ClaimsFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final List<String> errors;

    public ClaimsFileException(Path file, List<String> errors) {
        super("claims file " + file + " is invalid: " + String.join("; ", errors));
        this.file = file;
        this.errors = List.copyOf(errors);
    }

    public Path file() {
        return file;
    }

    public List<String> errors() {
        return errors;
    }
}
