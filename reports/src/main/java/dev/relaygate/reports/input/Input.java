package dev.relaygate.reports.input;

import java.nio.file.Path;

/**
 * One input file of the report, in one of three states. A missing input is "not run", never a
 * failure by itself; an unreadable one is shown with the reader's message and judged a failure.
 */
public sealed interface Input<T> permits Input.Present, Input.Missing, Input.Invalid {

    /** Where the input was (or was expected to be). */
    Path path();

    record Present<T>(Path path, T value) implements Input<T> {}

    record Missing<T>(Path path) implements Input<T> {}

    record Invalid<T>(Path path, String message) implements Input<T> {}

    static <T> Input<T> missing(Path path) {
        return new Missing<>(path);
    }
}
