package dev.relaygate.relay.shadow;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.text.similarity.CosineSimilarity;

/**
 * Compares blue's and green's answers to the same request: status, token usage within
 * {@code token_tolerance}, latency difference, and text similarity as the cosine of word-count
 * vectors. Words are maximal runs of Unicode letters or digits, lowercased. Stateless and thread-safe.
 * The cosine is Apache Commons Text's {@link CosineSimilarity} over {@code Map<CharSequence,Integer>}
 * word-count vectors.
 */
public final class AnswerComparator {

    private static final CosineSimilarity COSINE = new CosineSimilarity();

    public static final double DEFAULT_TOKEN_TOLERANCE = 0.05;

    private final double tokenTolerance;
    private final double minSimilarity;

    /**
     * @param tokenTolerance {@code shadow.token_tolerance}: allowed relative difference, in [0,1]
     * @param minSimilarity  {@code validation_threshold.min_similarity}, in [0,1]
     */
    public AnswerComparator(double tokenTolerance, double minSimilarity) {
        if (!(tokenTolerance >= 0 && tokenTolerance <= 1)) {
            throw new IllegalArgumentException("shadow.token_tolerance must be in [0,1], but was " + tokenTolerance);
        }
        if (!(minSimilarity >= 0 && minSimilarity <= 1)) {
            throw new IllegalArgumentException(
                    "validation_threshold.min_similarity must be in [0,1], but was " + minSimilarity);
        }
        this.tokenTolerance = tokenTolerance;
        this.minSimilarity = minSimilarity;
    }

    public ShadowComparison compare(ShadowAnswer blue, ShadowAnswer green) {
        Objects.requireNonNull(blue, "blue");
        Objects.requireNonNull(green, "green");
        boolean statusMatch = blue.status() == green.status();
        boolean usageOk = within(blue.promptTokens(), green.promptTokens())
                && within(blue.completionTokens(), green.completionTokens());
        double similarity = similarity(blue.text(), green.text());
        boolean similar = similarity >= minSimilarity;
        return new ShadowComparison(
                statusMatch,
                usageOk,
                green.latencyMs() - blue.latencyMs(),
                similarity,
                similar,
                statusMatch && usageOk && similar);
    }

    /** Cosine similarity of word counts; two empty texts are identical, one empty text shares nothing. */
    public double similarity(String a, String b) {
        Map<CharSequence, Integer> va = words(a);
        Map<CharSequence, Integer> vb = words(b);
        if (va.isEmpty() || vb.isEmpty()) {
            return va.isEmpty() && vb.isEmpty() ? 1.0 : 0.0;
        }
        double s = cosine(va, vb);
        // Rounding can push identical vectors a hair past 1.
        return Math.min(1.0, Math.max(0.0, s));
    }

    /** dot(a, b) / (|a| |b|) over word counts (Commons Text). */
    static double cosine(Map<CharSequence, Integer> a, Map<CharSequence, Integer> b) {
        return COSINE.cosineSimilarity(a, b);
    }

    private boolean within(long blue, long green) {
        if (blue < 0 || green < 0) {
            return true;
        }
        return Math.abs(green - blue) <= tokenTolerance * Math.max(blue, green);
    }

    static Map<CharSequence, Integer> words(String text) {
        Map<CharSequence, Integer> counts = new HashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i > start) {
                counts.merge(text.substring(start, i).toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        return counts;
    }
}
