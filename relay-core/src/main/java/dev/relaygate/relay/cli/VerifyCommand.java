package dev.relaygate.relay.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code relaygate verify --endpoint URL --key KEY}: calls {@code URL/models} (URL is an OpenAI
 * base URL such as {@code http://127.0.0.1:8080/v1}), prints the status and latency, exits
 * non-zero unless the answer is 2xx. The key is never printed.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = "Check an OpenAI-compatible endpoint (the relay or an upstream) by listing its models.")
final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--endpoint", required = true, description = "Base URL including /v1.")
    String endpoint;

    @Option(names = "--key", description = "Bearer key (default: env OPENAI_API_KEY).")
    String key;

    @Option(names = "--timeout-ms", defaultValue = "10000", description = "Request timeout in ms.")
    long timeoutMs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String bearer = key != null ? key : AdminOptions.env.apply("OPENAI_API_KEY");
        URI uri;
        try {
            uri = URI.create(AdminOptions.trimSlash(endpoint) + "/models");
        } catch (IllegalArgumentException e) {
            err.println("--endpoint must be a URL, but was " + endpoint);
            return 2;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMillis(timeoutMs))
                .GET();
        if (bearer != null && !bearer.isBlank()) {
            request.header("Authorization", "Bearer " + bearer);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofMillis(timeoutMs))
                    .build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - start) / 1e6;
            boolean ok = response.statusCode() / 100 == 2;
            String line = String.format(
                    Locale.ROOT,
                    "GET %s -> HTTP %d in %.1f ms%s",
                    uri,
                    response.statusCode(),
                    ms,
                    response.headers()
                            .firstValue("X-Relay-Environment")
                            .map(e -> " (environment " + e + ")")
                            .orElse(""));
            (ok ? out : err).println(line);
            if (!ok) {
                err.println(response.body());
            }
            return ok ? 0 : 1;
        } catch (IOException e) {
            err.println(String.format(
                    Locale.ROOT, "GET %s failed after %.1f ms: %s", uri, (System.nanoTime() - start) / 1e6, e));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
