package dev.relaygate.relay.shadow;

/**
 * Blue's answer against green's for one mirrored request.
 *
 * @param statusMatch          same upstream status
 * @param usageWithinTolerance prompt and completion tokens each within {@code token_tolerance} of blue's
 *                             (true when either side reported no usage: nothing to compare)
 * @param latencyDifferenceMs  green latency minus blue latency
 * @param similarity           cosine similarity of the two texts' word-count vectors, in [0,1]
 * @param similar              {@code similarity >= min_similarity}
 * @param matched              status, usage and text all agree
 */
public record ShadowComparison(
        boolean statusMatch,
        boolean usageWithinTolerance,
        double latencyDifferenceMs,
        double similarity,
        boolean similar,
        boolean matched) {}
