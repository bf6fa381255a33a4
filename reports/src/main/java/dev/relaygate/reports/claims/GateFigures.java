package dev.relaygate.reports.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The figures each gate reports, with their units ({@code schemas/gate-figures.json}, bundled): what a claims
 * file may bind to. gatling-simulations keeps the file in step with what its gates write.
 */
public final class GateFigures {

    private static final String RESOURCE = "/schemas/gate-figures.json";

    private final Map<String, Map<String, FigureUnit>> byGate;

    GateFigures(Map<String, Map<String, FigureUnit>> byGate) {
        this.byGate = Collections.unmodifiableMap(new LinkedHashMap<>(byGate));
    }

    public static GateFigures bundled() {
        try (InputStream in = GateFigures.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            JsonNode gates = new ObjectMapper().readTree(in).path("gates");
            Map<String, Map<String, FigureUnit>> byGate = new LinkedHashMap<>();
            gates.fields().forEachRemaining(gate -> {
                Map<String, FigureUnit> figures = new LinkedHashMap<>();
                gate.getValue()
                        .fields()
                        .forEachRemaining(f -> figures.put(
                                f.getKey(),
                                FigureUnit.named(f.getValue().asText())
                                        .orElseThrow(() -> new IllegalStateException(
                                                RESOURCE + ": unknown unit of " + gate.getKey() + "." + f.getKey()))));
                byGate.put(gate.getKey(), Collections.unmodifiableMap(figures));
            });
            return new GateFigures(byGate);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + " could not be read", e);
        }
    }

    public boolean knows(String gate) {
        return byGate.containsKey(gate);
    }

    public Optional<FigureUnit> unit(String gate, String figure) {
        return Optional.ofNullable(byGate.getOrDefault(gate, Map.of()).get(figure));
    }

    public String gateNames() {
        return String.join(", ", byGate.keySet());
    }

    public String figureNames(String gate) {
        return String.join(", ", byGate.getOrDefault(gate, Map.of()).keySet());
    }
}
