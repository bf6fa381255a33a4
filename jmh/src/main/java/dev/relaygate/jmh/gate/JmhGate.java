package dev.relaygate.jmh.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads the short pass's {@code jmh-result.json}, applies {@link GateRules} and writes
 * {@code jmh-gate.json}. Prints every failing check (benchmark, figure, limit) but exits 0 whatever
 * the verdict: the reports module fails the build after the report is rendered. A missing or
 * unreadable result is itself a failed verdict, never a silent pass.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.relaygate.jmh.gate.JmhGate RESULT.json GATE.json RUN_ID}
 */
public final class JmhGate {

    static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JmhGate() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: JmhGate <jmh-result.json> <jmh-gate.json> <run id>");
            System.exit(2);
        }
        run(Path.of(args[0]), Path.of(args[1]), args[2], System.out);
    }

    /** Evaluates and writes the verdict; returns it. Throws only when the verdict cannot be written. */
    public static GateVerdict run(Path result, Path gate, String runId, PrintStream out) throws IOException {
        GateVerdict verdict = evaluate(result).of(runId, sha256(result));
        Path parent = gate.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        MAPPER.writeValue(gate.toFile(), verdict);
        if (verdict.passed()) {
            out.println("JMH gate passed: " + verdict.checks().size() + " checks; wrote " + gate);
        } else {
            out.println("JMH gate FAILED (" + verdict.failures().size() + " of "
                    + verdict.checks().size() + " checks); wrote " + gate
                    + "; the reports module fails the build after rendering:");
            verdict.failures().forEach(c -> out.println("  - " + c.describe()));
        }
        return verdict;
    }

    /** The result file's SHA-256 in lower-case hex; null when there is no file. */
    static String sha256(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static GateVerdict evaluate(Path result) {
        if (!Files.isRegularFile(result)) {
            return GateRules.unreadable(result + " does not exist: the JMH short pass did not write its result");
        }
        try {
            return GateRules.evaluate(new JmhResultReader(MAPPER).read(result));
        } catch (IOException e) {
            return GateRules.unreadable(result + " is not a readable JMH result: " + e.getMessage());
        }
    }
}
