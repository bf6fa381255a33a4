package dev.relaygate.gates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where and how a gate ran, so two results can be compared honestly: commit, JVM, cores, seed and
 * the load properties in force.
 */
public record RunInfo(String commit, String jvm, int cores, long seed, Map<String, Object> load) {

    public RunInfo {
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be >= 1, but was " + cores);
        }
        load = Map.copyOf(load);
    }

    /** Detects this JVM's facts; the commit is read with {@code git rev-parse HEAD} when git is there. */
    public static RunInfo detect(Path repo, long seed, Map<String, Object> load) {
        return new RunInfo(
                gitCommit(repo).orElse(null),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                seed,
                load);
    }

    static Optional<String> gitCommit(Path repo) {
        if (repo == null || !Files.isDirectory(repo)) {
            return Optional.empty();
        }
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD")
                    .directory(repo.toFile())
                    .redirectErrorStream(true)
                    .start();
            // a hung git must not hold the gate: five seconds is plenty for rev-parse
            if (!git.waitFor(5, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.exitValue() == 0 && out.matches("[0-9a-f]{7,64}") ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
