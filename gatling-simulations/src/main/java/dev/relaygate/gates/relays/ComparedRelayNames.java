package dev.relaygate.gates.relays;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code -Dgates.relays}: the relays a comparison build runs, in order, checked once for the build's first
 * step and again by each comparison gate. relaygate must be among them: its results decide the build.
 */
public final class ComparedRelayNames {

    public static final String PORTKEY = "portkey";
    public static final List<String> KNOWN = List.of(BundledRelaygate.NAME, PORTKEY, ExternalRelay.NAME);

    private ComparedRelayNames() {}

    /** @throws IllegalArgumentException naming an unknown relay, or a list without relaygate */
    public static List<String> parse(String list) {
        List<String> names = new ArrayList<>();
        for (String raw : list.split(",")) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || names.contains(name)) {
                continue;
            }
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("gates.relays must be a comma-separated list of "
                        + String.join(", ", KNOWN) + ", but named '" + raw.trim() + "'");
            }
            names.add(name);
        }
        if (!names.contains(BundledRelaygate.NAME)) {
            throw new IllegalArgumentException(
                    "gates.relays must include relaygate (its results decide the build), but was '" + list + "'");
        }
        return List.copyOf(names);
    }
}
