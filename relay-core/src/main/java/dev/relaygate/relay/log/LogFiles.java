package dev.relaygate.relay.log;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Hourly file names ({@code <prefix>-yyyy-MM-dd-HH.jsonl}, UTC) and retention by name. */
final class LogFiles {

    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("yyyy-MM-dd-HH").withZone(ZoneOffset.UTC);
    private static final long HOUR_MS = 3_600_000L;

    private LogFiles() {}

    static long hourOf(long epochMillis) {
        return Math.floorDiv(epochMillis, HOUR_MS);
    }

    static Path fileFor(Path dir, String prefix, long hour) {
        return dir.resolve(prefix + "-" + HOUR.format(Instant.ofEpochMilli(hour * HOUR_MS)) + ".jsonl");
    }

    /**
     * Deletes this prefix's files whose hour ended more than {@code retentionHours} before
     * {@code currentHour}. Other files in the directory are never touched.
     *
     * @return the deleted files
     */
    static List<Path> deleteExpired(Path dir, String prefix, long currentHour, long retentionHours) throws IOException {
        List<Path> deleted = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, prefix + "-*.jsonl")) {
            for (Path f : files) {
                long hour = parseHour(f.getFileName().toString(), prefix);
                if (hour >= 0 && hour + 1 + retentionHours <= currentHour) {
                    Files.deleteIfExists(f);
                    deleted.add(f);
                }
            }
        }
        return deleted;
    }

    private static long parseHour(String name, String prefix) {
        String stamp = name.substring(prefix.length() + 1, name.length() - ".jsonl".length());
        try {
            LocalDateTime t = LocalDateTime.parse(stamp + ":00", DateTimeFormatter.ofPattern("yyyy-MM-dd-HH:mm"));
            return hourOf(t.toInstant(ZoneOffset.UTC).toEpochMilli());
        } catch (DateTimeParseException e) {
            return -1;
        }
    }
}
