package dev.relaygate.gates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The gate runner's first step (before Gatling starts): checks the shared properties, empties the
 * results folder so no earlier run's file can be judged as this one's, and writes the
 * {@link GateManifest} of the gates this build asked for.
 *
 * <p>Arguments: {@code dir=<gates dir> run_id=<id> gates=<-Dgates value> mode=full|quick
 * relay_url=<-Drelay.url> seed=<-Dgates.seed>}. An unknown gate id or a bad seed fails the build here,
 * before minutes of load, naming the value and what is allowed.
 */
public final class GateRunStart {

    private GateRunStart() {}

    public static void main(String[] args) {
        RunArguments a = new RunArguments(args);
        GateManifest manifest = start(
                a.dir("dir"),
                a.required("run_id"),
                a.optional("gates"),
                a.optional("mode"),
                a.optional("relay_url"),
                a.optional("seed"),
                Instant.now());
        System.out.printf(
                "[gates] run %s: %d of %d gates requested (%s)%s -> %s%n",
                manifest.runId(),
                manifest.requested().size(),
                GateCatalog.ALL.size(),
                String.join(", ", manifest.requested()),
                manifest.notRequested().isEmpty()
                        ? ""
                        : "; not requested: " + String.join(", ", manifest.notRequested()),
                GateManifest.file(a.dir("dir")));
    }

    static GateManifest start(
            Path dir, String runId, String selection, String mode, String relayUrl, String seed, Instant now) {
        List<String> requested = GateCatalog.select(selection);
        if (!seed.isEmpty()) {
            try {
                Long.parseLong(seed);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("gates.seed must be a whole number, but was '" + seed + "'", e);
            }
        }
        if (!mode.isEmpty() && !mode.equals("full") && !mode.equals("quick")) {
            throw new IllegalArgumentException("gates.mode must be full or quick, but was '" + mode + "'");
        }
        clean(dir);
        GateManifest manifest = new GateManifest(
                runId,
                requested,
                GateCatalog.notRequested(requested),
                relayUrl.isEmpty() ? "in-process" : relayUrl,
                mode.isEmpty() ? "full" : mode,
                now);
        manifest.write(dir);
        return manifest;
    }

    /** Removes every result and leftover temp file of earlier runs; nothing else lives in the folder. */
    private static void clean(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{json,tmp}")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the gates folder " + dir, e);
        }
    }
}
