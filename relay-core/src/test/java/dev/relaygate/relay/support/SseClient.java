package dev.relaygate.relay.support;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads an SSE response line by line as it arrives, noting when each {@code data:} event came. */
public final class SseClient {

    private static final Pattern SEQ = Pattern.compile("\"relaygate_seq\":(\\d+)");
    private static final Pattern TOTAL = Pattern.compile("\"relaygate_total\":(\\d+)");

    /** One received {@code data:} event. */
    public record Event(String data, long arrivedNanos) {

        public int seq() {
            Matcher m = SEQ.matcher(data);
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        }

        /** The mock's announced number of events in the whole stream. */
        public int total() {
            Matcher m = TOTAL.matcher(data);
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        }
    }

    /** What a stream delivered before it ended (or broke: then {@code error} is set). */
    public record Result(int status, Map<String, List<String>> headers, List<Event> events, Throwable error) {

        public boolean sawDone() {
            return events.stream().anyMatch(e -> e.data().equals("[DONE]"));
        }

        /** Whether every announced event arrived, in order 1..total. */
        public boolean completeAndInOrder() {
            int[] seqs = events.stream().mapToInt(Event::seq).filter(s -> s > 0).toArray();
            int total = events.stream().mapToInt(Event::total).max().orElse(-1);
            if (total <= 0 || seqs.length != total) {
                return false;
            }
            for (int i = 0; i < seqs.length; i++) {
                if (seqs[i] != i + 1) {
                    return false;
                }
            }
            return true;
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private SseClient() {}

    /**
     * Posts {@code body} and collects events; {@code onEvent} runs for each as it arrives (e.g. to
     * change the policy mid-stream).
     */
    public static Result post(
            String url, String body, Map<String, String> headers, java.util.function.Consumer<Event> onEvent) {
        HttpRequest request = Http.builder(url, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        List<Event> events = new ArrayList<>();
        HttpResponse<Stream<String>> response;
        try {
            response = Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            return new Result(-1, Map.of(), events, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, Map.of(), events, e);
        }
        Throwable error = null;
        try (Stream<String> lines = response.body()) {
            lines.forEach(line -> {
                if (line.startsWith("data:")) {
                    Event event = new Event(line.substring(5).trim(), System.nanoTime());
                    events.add(event);
                    onEvent.accept(event);
                }
            });
        } catch (RuntimeException e) {
            error = e;
        }
        return new Result(response.statusCode(), response.headers().map(), events, error);
    }

    public static CompletableFuture<Result> postAsync(
            String url, String body, Map<String, String> headers, java.util.function.Consumer<Event> onEvent) {
        return CompletableFuture.supplyAsync(() -> post(url, body, headers, onEvent));
    }
}
