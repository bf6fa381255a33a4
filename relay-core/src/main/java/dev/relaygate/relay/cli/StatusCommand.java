package dev.relaygate.relay.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code relaygate status [-o json]}: {@code GET /admin/status} as a readable summary ({@link StatusSummary}), or the
 * document itself with {@code -o json}.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show the rollout (phase, step, the weights in effect), the last verdict, a rollback's evidence,"
                + " per-environment traffic, latency and cost, and the cluster.")
final class StatusCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    AdminOptions admin;

    @Option(
            names = {"-o", "--output"},
            defaultValue = "summary",
            description = "summary (default) or json (the status document, pretty-printed).")
    String output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String format = output.toLowerCase(Locale.ROOT);
        if (!format.equals("summary") && !format.equals("json")) {
            err.println("--output must be summary or json, but was " + output);
            return 2;
        }
        AdminOptions.Reply reply = admin.send("GET", "/admin/status", null, err);
        if (!reply.ok()) {
            return reply.exitCode();
        }
        JsonNode status;
        try {
            status = JSON.readTree(reply.body());
        } catch (JsonProcessingException e) {
            status = null;
        }
        if (status == null || !status.isObject()) {
            err.println(reply.body());
            err.println("GET /admin/status answered with a body that is not a JSON object");
            return 1;
        }
        if (format.equals("json")) {
            out.println(status.toPrettyString());
        } else {
            out.print(StatusSummary.format(status, Instant.now()));
        }
        out.flush();
        return 0;
    }
}
