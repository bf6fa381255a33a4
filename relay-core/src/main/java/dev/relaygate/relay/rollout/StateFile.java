package dev.relaygate.relay.rollout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;

/**
 * The rollout's phase and weights as a small JSON file, written atomically (temp file in the same
 * directory, then {@code ATOMIC_MOVE}), so a crash mid-write leaves the previous state, never half
 * of one. Loaded at start: a restart after a rollback stays on blue.
 */
public final class StateFile {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path path;

    public StateFile(Path path) {
        this.path = Objects.requireNonNull(path, "path").toAbsolutePath();
    }

    public Path path() {
        return path;
    }

    /** The saved state, or empty when the file does not exist yet. */
    public Optional<PersistedState> load() {
        try {
            return Optional.of(MAPPER.readValue(Files.readAllBytes(path), PersistedState.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rollout state file " + path + ": " + e.getMessage(), e);
        }
    }

    public void save(PersistedState state) {
        Path dir = path.getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
            try {
                Files.write(tmp, MAPPER.writeValueAsBytes(state));
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write rollout state file " + path + ": " + e.getMessage(), e);
        }
    }
}
