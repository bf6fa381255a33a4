package dev.relaygate.relay.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code relaygate validate-keys}: the relay probes each environment's {@code /models} with that
 * environment's key and reports status and latency (keys redacted). Exit code 1 unless both are 2xx.
 */
@Command(
        name = "validate-keys",
        mixinStandardHelpOptions = true,
        description = "Check blue's and green's upstream keys through the running relay (POST /admin/validate-keys).")
final class ValidateKeysCommand implements Callable<Integer> {

    @Mixin
    AdminOptions admin;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        java.io.StringWriter body = new java.io.StringWriter();
        int code = admin.call(
                "POST",
                "/admin/validate-keys",
                "{}",
                new java.io.PrintWriter(body, true),
                spec.commandLine().getErr());
        spec.commandLine().getOut().print(body);
        spec.commandLine().getOut().flush();
        if (code == 0 && body.toString().contains("\"ok\":false")) {
            spec.commandLine().getErr().println("at least one environment's key check failed");
            return 1;
        }
        return code;
    }
}
