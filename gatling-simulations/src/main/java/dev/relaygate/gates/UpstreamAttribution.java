package dev.relaygate.gates;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which upstream answered, read from the answer itself: every mock names itself, in a completion's or
 * stream chunk's id ({@code chatcmpl-green-42}) and in an error's {@code "upstream": "green"}. This holds
 * for any relay that passes the upstream's body through, and does not depend on a relay telling the truth
 * in its own header; the header is checked against it ({@link #checkRelayHeader}).
 */
public final class UpstreamAttribution {

    /** One capture group, the upstream's name; a regex so Gatling can apply it to the body as it arrives. */
    public static final String REGEX = "(?:chatcmpl-|\"upstream\"\\s*:\\s*\")([a-z][a-z0-9]*)";

    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private UpstreamAttribution() {}

    /** The upstream the body names, or null. */
    public static String of(String body) {
        if (body == null) {
            return null;
        }
        Matcher m = PATTERN.matcher(body);
        return m.find() ? m.group(1) : null;
    }

    /**
     * A relay whose {@code X-Relay-Environment} names another upstream than the one that answered fails the
     * gate: its reports, metrics and rollbacks would describe traffic that went elsewhere.
     */
    public static void checkRelayHeader(GateEvaluation eval, List<Observation> observations) {
        long contradicted = observations.stream()
                .filter(Observation::relayHeaderContradicts)
                .count();
        long claimed = observations.stream()
                .filter(o -> o.claimedEnvironment() != null && o.environment() != null)
                .count();
        eval.atMost("relay_header_contradictions", (double) contradicted, "relay_header_contradictions_max", 0)
                .measured("relay_header_checked", claimed);
    }
}
