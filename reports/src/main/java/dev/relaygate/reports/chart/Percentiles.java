package dev.relaygate.reports.chart;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders percentile keys as a reader expects (min, p50, p90, p99, p999, max) whatever order a
 * producer's map wrote them in; "p999" is the 99.9th percentile.
 */
final class Percentiles {

    private static final Pattern PERCENTILE = Pattern.compile("p(\\d{2})(\\d*)");

    static final Comparator<String> ORDER = Comparator.comparingDouble(Percentiles::rank);

    private Percentiles() {}

    static Map<String, Double> ordered(Map<String, Double> values) {
        Map<String, Double> ordered = new LinkedHashMap<>();
        values.keySet().stream().sorted(ORDER).forEach(key -> ordered.put(key, values.get(key)));
        return ordered;
    }

    /** min -1, pNN[N...] NN.N..., max 101; anything else after, in its original order (stable sort). */
    static double rank(String key) {
        if ("min".equals(key)) {
            return -1;
        }
        if ("max".equals(key)) {
            return 101;
        }
        Matcher matcher = PERCENTILE.matcher(key);
        if (matcher.matches()) {
            String fraction = matcher.group(2);
            return Double.parseDouble(matcher.group(1) + (fraction.isEmpty() ? "" : "." + fraction));
        }
        return 200;
    }
}
