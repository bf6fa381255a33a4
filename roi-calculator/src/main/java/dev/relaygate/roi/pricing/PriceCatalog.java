package dev.relaygate.roi.pricing;

import dev.relaygate.roi.RoiInputException;
import dev.relaygate.roi.io.StrictReader;
import dev.relaygate.roi.pricing.CatalogEntry.CatalogFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Model name (or alias, case-insensitive) to list prices. Immutable; {@link #overlay} builds a new one. */
public final class PriceCatalog {
    static final String BUNDLED = "/dev/relaygate/roi/pricing/catalog.json";

    private final Map<String, CatalogEntry> byName;
    private final Map<String, CatalogEntry> canonical;

    private PriceCatalog(Map<String, CatalogEntry> byName, Map<String, CatalogEntry> canonical) {
        this.byName = Map.copyOf(byName);
        this.canonical = Map.copyOf(canonical);
    }

    public static PriceCatalog empty() {
        return new PriceCatalog(Map.of(), Map.of());
    }

    /** The catalog bundled in the jar. */
    public static PriceCatalog bundled() {
        try (InputStream in = PriceCatalog.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled price catalog " + BUNDLED + " is missing from the jar");
            }
            return empty().overlay(StrictReader.readJson(in, CatalogFile.class, "bundled price catalog"));
        } catch (IOException e) {
            throw new IllegalStateException("bundled price catalog could not be read", e);
        }
    }

    /** Reads a catalog file in the bundled format (for {@code --prices FILE}). */
    public static CatalogFile readFile(Path file) {
        return StrictReader.read(file, CatalogFile.class, "price file");
    }

    /** A new catalog where the file's entries replace same-named entries of this one. */
    public PriceCatalog overlay(CatalogFile file) {
        if (file.models() == null) {
            throw new RoiInputException("price catalog field models is required, but was missing");
        }
        for (int i = 0; i < file.models().size(); i++) {
            validate(file.models().get(i), "models[" + i + "]");
        }
        return overlay(file.models());
    }

    /** A new catalog where {@code entries} replace same-named entries (and aliases) of this one. */
    public PriceCatalog overlay(Collection<CatalogEntry> entries) {
        Map<String, CatalogEntry> names = new LinkedHashMap<>(byName);
        Map<String, CatalogEntry> canon = new LinkedHashMap<>(canonical);
        for (CatalogEntry entry : entries) {
            CatalogEntry replaced = canon.remove(key(entry.model()));
            if (replaced != null) {
                names.values().removeIf(e -> e == replaced);
            }
            canon.put(key(entry.model()), entry);
            names.put(key(entry.model()), entry);
            entry.aliases().forEach(alias -> names.put(key(alias), entry));
        }
        return new PriceCatalog(names, canon);
    }

    private static void validate(CatalogEntry entry, String where) {
        if (entry.model() == null || entry.model().isBlank()) {
            throw new RoiInputException(where + ".model is required, but was missing");
        }
        String at = where + " (" + entry.model() + ")";
        if (entry.inputPerMtok() == null || entry.outputPerMtok() == null) {
            throw new RoiInputException(at + ".input_per_mtok and output_per_mtok are required, but were "
                    + entry.inputPerMtok() + " and " + entry.outputPerMtok());
        }
        entry.prices().requireNonNegative(at);
    }

    public Optional<CatalogEntry> find(String modelOrAlias) {
        return Optional.ofNullable(byName.get(key(modelOrAlias)));
    }

    /** Canonical model names, sorted, for "unknown model" errors. */
    public List<String> knownModels() {
        TreeSet<String> names = new TreeSet<>();
        canonical.values().forEach(e -> names.add(e.model()));
        return List.copyOf(names);
    }

    public int size() {
        return canonical.size();
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
