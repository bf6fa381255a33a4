package dev.relaygate.relay.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Shared by the admin commands: where the relay is, and the admin token, which comes from the
 * {@value #TOKEN_ENV} environment variable (never a flag, so it stays out of shell history and ps).
 */
final class AdminOptions {

    static final String TOKEN_ENV = "RELAYGATE_ADMIN_TOKEN";

    @Option(
            names = "--admin-url",
            defaultValue = "http://127.0.0.1:8080",
            description = "Relay root URL (default: ${DEFAULT-VALUE}).")
    String adminUrl;

    @Option(names = "--timeout-ms", defaultValue = "10000", description = "Request timeout in ms.")
    long timeoutMs;

    /** Environment lookup; tests replace it. */
    static java.util.function.Function<String, String> env = System::getenv;

    /** Sends a call and prints the JSON reply; returns the exit code (0 on 2xx). */
    int call(String method, String path, String jsonBody, PrintWriter out, PrintWriter err) {
        Reply reply = send(method, path, jsonBody, err);
        if (reply.ok()) {
            out.println(reply.body());
        }
        return reply.exitCode();
    }

    /**
     * Sends a call and returns a 2xx reply's body for the caller to print. Any failure is reported on {@code err}
     * here (a missing token, the relay's answer and its HTTP status, a connection error) and the reply carries only
     * the exit code: 2 without a token, 1 otherwise.
     */
    Reply send(String method, String path, String jsonBody, PrintWriter err) {
        String token = env.apply(TOKEN_ENV);
        if (token == null || token.isBlank()) {
            err.println(TOKEN_ENV + " must be set to the relay's admin token, but was unset");
            return Reply.failed(2);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(trimSlash(adminUrl) + path))
                .timeout(Duration.ofMillis(timeoutMs))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (jsonBody != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofMillis(timeoutMs))
                    .build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return new Reply(0, response.body());
            }
            err.println(response.body());
            err.println(method + " " + path + " failed with HTTP " + response.statusCode());
            return Reply.failed(1);
        } catch (IOException e) {
            err.println(method + " " + path + " failed: " + e);
            return Reply.failed(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.failed(1);
        }
    }

    /**
     * What {@link #send} got back.
     *
     * @param exitCode 0 for a 2xx reply, else the command's exit code (the failure was already reported)
     * @param body     the 2xx reply's body; null on failure
     */
    record Reply(int exitCode, String body) {

        static Reply failed(int exitCode) {
            return new Reply(exitCode, null);
        }

        boolean ok() {
            return exitCode == 0;
        }
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
