package dev.relaygate.reports.claims;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a claims file strictly: unknown fields, unknown gates and figures, comparators and units are errors
 * naming the claim and the field, all of them at once, so one edit fixes the file. The format is documented
 * field by field in {@code examples/claims.yaml}.
 */
public final class ClaimsLoader {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Set<String> ROOT_FIELDS = Set.of("version", "claims");
    private static final Set<String> CLAIM_FIELDS =
            Set.of("id", "quote", "source", "reading", "evidence", "expect", "arithmetic");
    private static final Set<String> EVIDENCE_KINDS = Set.of("gate", "roi", "roi_scenario", "untestable_on_loopback");
    private static final Set<String> GATE_FIELDS = Set.of("gate", "figure", "given");
    private static final Set<String> SCENARIO_FIELDS = Set.of("usage", "figure");
    private static final Set<String> EXPECT_FIELDS = Set.of("comparator", "value", "unit", "tolerance_pct");
    private static final Set<String> ARITHMETIC_FIELDS = Set.of("added_latency");
    private static final Set<String> FIGURE_FIELDS = Set.of("gate", "figure");

    private final GateFigures figures;

    public ClaimsLoader(GateFigures figures) {
        this.figures = figures;
    }

    public ClaimsFile load(Path file) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new ClaimsFileException(file, List.of("not YAML: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ClaimsFileException(file, List.of("could not be read: " + e.getMessage()));
        }
        List<String> errors = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new ClaimsFileException(file, List.of("must be a mapping with version and claims"));
        }
        unknownFields(root, ROOT_FIELDS, "", errors);
        if (root.path("version").asInt(-1) != 1) {
            errors.add("version must be 1, but was " + text(root.get("version")));
        }
        JsonNode list = root.path("claims");
        if (!list.isArray() || list.isEmpty()) {
            errors.add("claims must be a non-empty list, but was " + text(root.get("claims")));
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode node = list.get(i);
                String label = "claims[" + i + "]"
                        + (node.path("id").isTextual()
                                ? " (id '" + node.path("id").asText() + "')"
                                : "");
                claim(node, label, file, ids, errors).ifPresent(claims::add);
            }
        }
        if (!errors.isEmpty()) {
            throw new ClaimsFileException(file, errors);
        }
        return new ClaimsFile(file, claims);
    }

    private Optional<Claim> claim(JsonNode node, String label, Path file, Set<String> ids, List<String> errors) {
        int before = errors.size();
        if (!node.isObject()) {
            errors.add(label + " must be a mapping, but was " + text(node));
            return Optional.empty();
        }
        unknownFields(node, CLAIM_FIELDS, label + ".", errors);
        String id = node.path("id").asText("");
        if (!ID.matcher(id).matches()) {
            errors.add(label + ".id must be lower-case letters, digits and hyphens, but was " + text(node.get("id")));
        } else if (!ids.add(id)) {
            errors.add(label + ".id must be unique, but '" + id + "' is used twice");
        }
        String quote = required(node, "quote", label, errors);
        String source = required(node, "source", label, errors);
        String reading = node.hasNonNull("reading") ? node.get("reading").asText() : null;
        Claim.Evidence evidence = evidence(node.get("evidence"), label + ".evidence", file, errors);
        Claim.Expectation expect =
                node.hasNonNull("expect") ? expectation(node.get("expect"), label + ".expect", evidence, errors) : null;
        if (expect == null && !node.hasNonNull("expect") && !(evidence instanceof Claim.Untestable)) {
            errors.add(label + ".expect is missing: give comparator, value and unit");
        }
        Claim.GateFigure arithmetic = arithmetic(node.get("arithmetic"), label + ".arithmetic", errors);
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Claim(id, quote, source, reading, evidence, expect, arithmetic));
    }

    private Claim.Evidence evidence(JsonNode node, String label, Path file, List<String> errors) {
        if (node == null || !node.isObject()) {
            errors.add(label + " must be a mapping with one of " + String.join(", ", sorted(EVIDENCE_KINDS))
                    + ", but was " + text(node));
            return null;
        }
        List<String> kinds = new ArrayList<>();
        node.fieldNames().forEachRemaining(f -> {
            if (EVIDENCE_KINDS.contains(f)) {
                kinds.add(f);
            }
        });
        if (kinds.size() != 1 && !(kinds.isEmpty() && node.has("figure"))) {
            errors.add(label + " must have exactly one of " + String.join(", ", sorted(EVIDENCE_KINDS)) + ", but had "
                    + (kinds.isEmpty() ? "none" : String.join(" and ", kinds)));
            return null;
        }
        String kind = kinds.isEmpty() ? "" : kinds.get(0);
        switch (kind) {
            case "gate" -> {
                unknownFields(node, GATE_FIELDS, label + ".", errors);
                Claim.GateFigure figure = gateFigure(node, label, errors);
                List<String> given = new ArrayList<>();
                JsonNode givenNode = node.path("given");
                if (!givenNode.isMissingNode() && !givenNode.isArray()) {
                    errors.add(label + ".given must be a list of boolean figures, but was " + text(givenNode));
                }
                for (JsonNode g : givenNode) {
                    String name = g.asText();
                    if (figure != null
                            && figures.unit(figure.gate(), name)
                                    .filter(u -> u == FigureUnit.BOOL)
                                    .isEmpty()) {
                        errors.add(label + ".given must name boolean figures of " + figure.gate() + ", but named '"
                                + name + "'");
                    }
                    given.add(name);
                }
                return figure == null ? null : new Claim.GateEvidence(figure, given);
            }
            case "roi" -> {
                unknownFields(node, Set.of("roi"), label + ".", errors);
                String figure = node.path("roi").asText();
                Optional<FigureUnit> unit = RoiFigures.unit(figure);
                if (unit.isEmpty()) {
                    errors.add(label + ".roi must be one of " + RoiFigures.names() + ", but was '" + figure + "'");
                    return null;
                }
                return new Claim.RoiEvidence(figure, unit.get());
            }
            case "roi_scenario" -> {
                unknownFields(node, Set.of("roi_scenario"), label + ".", errors);
                JsonNode scenario = node.get("roi_scenario");
                String scenarioLabel = label + ".roi_scenario";
                if (!scenario.isObject()) {
                    errors.add(scenarioLabel + " must be a mapping with usage and figure, but was " + text(scenario));
                    return null;
                }
                unknownFields(scenario, SCENARIO_FIELDS, scenarioLabel + ".", errors);
                String usage = scenario.path("usage").asText("");
                Path usagePath = null;
                if (usage.isBlank()) {
                    errors.add(scenarioLabel + ".usage is missing: a usage file, relative to the claims file");
                } else {
                    Path dir = file.toAbsolutePath().getParent();
                    usagePath = dir.resolve(usage).normalize();
                    if (!Files.isRegularFile(usagePath)) {
                        errors.add(scenarioLabel + ".usage names " + usagePath + ", which is not a file");
                    }
                }
                String figure = scenario.path("figure").asText();
                Optional<FigureUnit> unit = RoiFigures.unit(figure);
                if (unit.isEmpty()) {
                    errors.add(scenarioLabel + ".figure must be one of " + RoiFigures.names() + ", but was '" + figure
                            + "'");
                }
                return usagePath == null || unit.isEmpty()
                        ? null
                        : new Claim.ScenarioEvidence(usagePath, usage, figure, unit.get());
            }
            case "untestable_on_loopback" -> {
                unknownFields(node, Set.of("untestable_on_loopback"), label + ".", errors);
                String reason = node.path("untestable_on_loopback").asText("");
                if (reason.isBlank()) {
                    errors.add(label + ".untestable_on_loopback must say why nothing on loopback can decide it");
                    return null;
                }
                return new Claim.Untestable(reason);
            }
            default -> {
                errors.add(label + " must have exactly one of " + String.join(", ", sorted(EVIDENCE_KINDS))
                        + ", but had none (a figure without its gate?)");
                return null;
            }
        }
    }

    private Claim.GateFigure gateFigure(JsonNode node, String label, List<String> errors) {
        String gate = node.path("gate").asText("");
        String figure = node.path("figure").asText("");
        if (!figures.knows(gate)) {
            errors.add(label + ".gate must be one of " + figures.gateNames() + ", but was " + text(node.get("gate")));
            return null;
        }
        Optional<FigureUnit> unit = figures.unit(gate, figure);
        if (unit.isEmpty()) {
            errors.add(label + ".figure must be a figure " + gate + " reports (" + figures.figureNames(gate)
                    + "), but was " + text(node.get("figure")));
            return null;
        }
        return new Claim.GateFigure(gate, figure, unit.get());
    }

    private Claim.Expectation expectation(JsonNode node, String label, Claim.Evidence evidence, List<String> errors) {
        if (!node.isObject()) {
            errors.add(label + " must be a mapping with comparator, value and unit, but was " + text(node));
            return null;
        }
        unknownFields(node, EXPECT_FIELDS, label + ".", errors);
        Optional<Comparator> comparator =
                Comparator.named(node.path("comparator").asText(""));
        if (comparator.isEmpty()) {
            errors.add(label + ".comparator must be one of " + Comparator.names() + ", but was "
                    + text(node.get("comparator")));
        }
        if (!node.hasNonNull("unit")) {
            errors.add(label + ".unit is missing: say what the value is in (one of " + FigureUnit.names() + ")");
            return null;
        }
        Optional<FigureUnit> unit = FigureUnit.named(node.get("unit").asText());
        if (unit.isEmpty()) {
            errors.add(label + ".unit must be one of " + FigureUnit.names() + ", but was " + text(node.get("unit")));
            return null;
        }
        JsonNode valueNode = node.get("value");
        boolean bool = unit.get() == FigureUnit.BOOL;
        if (valueNode == null || (bool ? !valueNode.isBoolean() : !valueNode.isNumber())) {
            errors.add(
                    label + ".value must be " + (bool ? "true or false" : "a number") + ", but was " + text(valueNode));
            return null;
        }
        if (comparator.isEmpty()) {
            return null;
        }
        if (bool != (comparator.get() == Comparator.IS)) {
            errors.add(label + ".comparator must be " + (bool ? "'is' for a bool" : "a numeric one, not 'is'")
                    + ", but was '" + comparator.get().symbol() + "'");
            return null;
        }
        double tolerance = node.path("tolerance_pct").asDouble(0);
        if (comparator.get() == Comparator.APPROX && !(tolerance > 0 && tolerance <= 100)) {
            errors.add(label + ".tolerance_pct must be in (0, 100] with approx, but was "
                    + text(node.get("tolerance_pct")));
            return null;
        }
        FigureUnit figureUnit = figureUnit(evidence);
        if (figureUnit != null && unit.get().factorTo(figureUnit).isEmpty()) {
            errors.add(label + ".unit '" + unit.get().label() + "' cannot be compared with a figure in '"
                    + figureUnit.label() + "'");
            return null;
        }
        double value = bool ? (valueNode.asBoolean() ? 1 : 0) : valueNode.asDouble();
        return new Claim.Expectation(comparator.get(), value, unit.get(), tolerance);
    }

    private Claim.GateFigure arithmetic(JsonNode node, String label, List<String> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject() || !node.path("added_latency").isObject()) {
            errors.add(label + " must be a mapping with added_latency: {gate, figure}, but was " + text(node));
            return null;
        }
        unknownFields(node, ARITHMETIC_FIELDS, label + ".", errors);
        JsonNode added = node.get("added_latency");
        unknownFields(added, FIGURE_FIELDS, label + ".added_latency.", errors);
        Claim.GateFigure figure = gateFigure(added, label + ".added_latency", errors);
        if (figure != null && figure.unit() != FigureUnit.MS) {
            errors.add(label + ".added_latency.figure must be a latency in ms, but " + figure.label() + " is in "
                    + figure.unit().label());
            return null;
        }
        return figure;
    }

    private static FigureUnit figureUnit(Claim.Evidence evidence) {
        if (evidence instanceof Claim.GateEvidence g) {
            return g.figure().unit();
        }
        if (evidence instanceof Claim.RoiEvidence r) {
            return r.unit();
        }
        if (evidence instanceof Claim.ScenarioEvidence s) {
            return s.unit();
        }
        return null;
    }

    private static String required(JsonNode node, String field, String label, List<String> errors) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            errors.add(label + "." + field + " must be non-empty text, but was " + text(value));
            return "";
        }
        return value.asText();
    }

    private static void unknownFields(JsonNode node, Set<String> known, String prefix, List<String> errors) {
        node.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                errors.add(prefix + f + " is not a known field (known: " + String.join(", ", sorted(known)) + ")");
            }
        });
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    private static String text(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        return node.isTextual() ? "'" + node.asText() + "'" : node.toString();
    }
}
