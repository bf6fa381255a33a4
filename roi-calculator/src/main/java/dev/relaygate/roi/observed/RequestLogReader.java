package dev.relaygate.roi.observed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaygate.roi.RoiInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads relaygate's request log: every {@code requests-*.jsonl} file (hourly rotations) in one or more
 * folders (a fleet member keeps its own), in name order. A line is one finished request: {@code t_ms} when
 * it finished, {@code latency_ms}, the upstream {@code model}, {@code prompt_tokens} of which
 * {@code cached_tokens} came from the provider's cache, {@code completion_tokens}, {@code shadow}.
 * Shadow copies are not traffic: lines marked {@code shadow} and the shadow comparisons of
 * {@code shadow-*.jsonl} within the window are counted and left out.
 */
public final class RequestLogReader {

    static final String REQUESTS = "requests-";
    static final String SHADOW = "shadow-";
    static final String SUFFIX = ".jsonl";
    private static final int EXAMPLES = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestLogReader() {}

    public static ObservedUsage read(List<Path> dirs) {
        Tally tally = new Tally();
        List<Path> requestFiles = files(dirs, REQUESTS);
        for (Path file : requestFiles) {
            eachLine(file, tally, (node, where) -> tally.request(node, where));
        }
        if (tally.first == Long.MAX_VALUE) {
            throw new RoiInputException("the request log in " + dirs + " holds no readable request ("
                    + requestFiles.size() + " requests-*.jsonl files, " + tally.unreadable + " unreadable lines)");
        }
        for (Path file : files(dirs, SHADOW)) {
            eachLine(file, tally, (node, where) -> tally.shadowComparison(node, where));
        }
        return new ObservedUsage(
                "the request log in "
                        + String.join(", ", dirs.stream().map(Path::toString).toList()) + " (" + requestFiles.size()
                        + (requestFiles.size() == 1 ? " file" : " files") + ")",
                Instant.ofEpochMilli(tally.first),
                Instant.ofEpochMilli(tally.last),
                tally.models,
                tally.shadow,
                tally.unreadable,
                tally.examples,
                List.of());
    }

    private static List<Path> files(List<Path> dirs, String prefix) {
        List<Path> files = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new RoiInputException("--from-request-log " + dir + " is not a folder");
            }
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> {
                            String name = p.getFileName().toString();
                            return name.startsWith(prefix) && name.endsWith(SUFFIX);
                        })
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new RoiInputException("--from-request-log " + dir + " could not be listed: " + e.getMessage(), e);
            }
        }
        return files;
    }

    private interface LineHandler {
        /** Returns null when the line was taken, else why it could not be read. */
        String take(JsonNode node, String where);
    }

    private static void eachLine(Path file, Tally tally, LineHandler handler) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String where = file.getFileName() + ":" + number;
                String problem;
                try {
                    JsonNode node = JSON.readTree(line);
                    problem = node != null && node.isObject() ? handler.take(node, where) : "not a JSON object";
                } catch (IOException e) {
                    problem = "not JSON";
                }
                if (problem != null) {
                    tally.unreadable(where + " " + problem);
                }
            }
        } catch (IOException e) {
            throw new RoiInputException(file + " could not be read: " + e.getMessage(), e);
        }
    }

    private static final class Tally {
        final Map<String, ObservedUsage.Volumes> models = new LinkedHashMap<>();
        final List<String> examples = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long shadow;
        long unreadable;

        String request(JsonNode line, String where) {
            JsonNode model = line.get("model");
            JsonNode finished = line.get("t_ms");
            if (model == null || !model.isTextual() || model.asText().isBlank()) {
                return "has no model";
            }
            if (finished == null || !finished.canConvertToLong() || !finished.isIntegralNumber()) {
                return "has no t_ms";
            }
            long prompt = count(line, "prompt_tokens");
            long cached = count(line, "cached_tokens");
            long output = count(line, "completion_tokens");
            if (prompt < 0 || cached < 0 || output < 0) {
                return "has a token count that is not a whole number >= 0";
            }
            if (cached > prompt) {
                return "has cached_tokens " + cached + " above prompt_tokens " + prompt;
            }
            if (line.path("shadow").asBoolean(false)) {
                shadow++;
                return null;
            }
            long end = finished.asLong();
            // the window opens when the earliest request started, not when it finished
            long start = end - (long) Math.ceil(line.path("latency_ms").asDouble(0));
            first = Math.min(first, start);
            last = Math.max(last, end);
            long partial = line.path("partial").asBoolean(false) ? 1 : 0;
            models.merge(
                    model.asText(),
                    new ObservedUsage.Volumes(1, partial, prompt - cached, cached, output),
                    ObservedUsage.Volumes::plus);
            return null;
        }

        String shadowComparison(JsonNode line, String where) {
            JsonNode at = line.get("t_ms");
            if (at == null || !at.isIntegralNumber()) {
                return "has no t_ms";
            }
            if (at.asLong() >= first && at.asLong() <= last) {
                shadow++;
            }
            return null;
        }

        /** A token count: 0 when absent (a request that failed before usage arrived), -1 when not valid. */
        private static long count(JsonNode line, String field) {
            JsonNode value = line.get(field);
            if (value == null || value.isNull()) {
                return 0;
            }
            return value.isIntegralNumber() && value.canConvertToLong() ? value.asLong() : -1;
        }

        void unreadable(String what) {
            unreadable++;
            if (examples.size() < EXAMPLES) {
                examples.add(what);
            }
        }
    }
}
