package dev.relaygate.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Test client: OpenAI-style calls against one mock, with SSE events timestamped on arrival. */
final class MockClient {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** One received stream: data payloads in order, their arrival (ms after send), and how it ended. */
    record Received(int status, List<String> data, List<Long> arrivalMs, boolean cleanEnd, String failure) {
        List<JsonNode> jsonEvents() {
            return data.stream()
                    .filter(d -> !d.equals("[DONE]"))
                    .map(MockClient::json)
                    .toList();
        }

        boolean done() {
            return !data.isEmpty() && data.get(data.size() - 1).equals("[DONE]");
        }

        String text() {
            StringBuilder sb = new StringBuilder();
            for (JsonNode e : jsonEvents()) {
                for (JsonNode c : e.path("choices")) {
                    sb.append(c.path("delta").path("content").asText(""));
                }
            }
            return sb.toString();
        }
    }

    static String body(String prompt, boolean stream, boolean includeUsage) {
        String options = includeUsage ? ",\"stream_options\":{\"include_usage\":true}" : "";
        return "{\"model\":\"gpt-4.1\",\"stream\":" + stream + options
                + ",\"messages\":[{\"role\":\"system\",\"content\":\"You are terse and helpful.\"},"
                + "{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}";
    }

    static HttpRequest.Builder chatRequest(MockUpstream mock, String key, String body) {
        return HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/chat/completions"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> chat(MockUpstream mock, String key, String body) {
        return send(chatRequest(mock, key, body).build());
    }

    /** Reads a stream line by line, timestamping each data line; a broken connection is reported, not thrown. */
    static Received stream(MockUpstream mock, String key, String body) {
        long start = System.nanoTime();
        List<String> data = new ArrayList<>();
        List<Long> arrivals = new ArrayList<>();
        HttpResponse<java.util.stream.Stream<String>> response;
        try {
            response = HTTP.send(chatRequest(mock, key, body).build(), HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            return new Received(-1, data, arrivals, false, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try (java.util.stream.Stream<String> lines = response.body()) {
            for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (line.startsWith("data: ")) {
                    arrivals.add((System.nanoTime() - start) / 1_000_000);
                    data.add(line.substring(6));
                }
            }
            return new Received(response.statusCode(), data, arrivals, true, null);
        } catch (UncheckedIOException e) {
            return new Received(
                    response.statusCode(), data, arrivals, false, e.getCause().toString());
        }
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MockClient() {}
}
