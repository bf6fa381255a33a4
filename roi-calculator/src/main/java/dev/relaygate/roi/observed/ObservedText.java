package dev.relaygate.roi.observed;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How observed usage is described on the console and in the written usage file. */
public final class ObservedText {

    private ObservedText() {}

    static String duration(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 120) {
            return minutes + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", d.toMillis() / 3_600_000.0);
    }

    /** Six significant digits, plain (no exponent): enough for any volume, short enough to edit. */
    public static String number(double value) {
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value)
                .round(new MathContext(6))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** The lines a run prints about what it read. */
    public static String summary(ObservedUsage u) {
        StringBuilder sb = new StringBuilder();
        sb.append("read ").append(u.source()).append('\n');
        sb.append("window: ")
                .append(u.first())
                .append(" to ")
                .append(u.last())
                .append(" (")
                .append(String.format(Locale.ROOT, "%.2f h", u.windowHours()))
                .append("), scaled x")
                .append(number(u.monthScale()))
                .append(" to 30 days\n");
        sb.append("requests: ").append(requestsPerModel(u.models())).append('\n');
        sb.append("shadow copies left out of the volumes: ")
                .append(u.shadowLeftOut())
                .append('\n');
        sb.append("unreadable lines: ").append(u.unreadable());
        if (!u.unreadableExamples().isEmpty()) {
            sb.append(" (")
                    .append(String.join("; ", u.unreadableExamples()))
                    .append(u.unreadable() > u.unreadableExamples().size() ? "; ..." : "")
                    .append(')');
        }
        sb.append('\n');
        for (String warning : u.warnings()) {
            sb.append("warning: ").append(warning).append('\n');
        }
        return sb.toString();
    }

    static String requestsPerModel(Map<String, ObservedUsage.Volumes> models) {
        return models.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .map(e -> e.getKey() + " " + e.getValue().requests()
                        + (e.getValue().partialRequests() > 0
                                ? " (" + e.getValue().partialRequests() + " abandoned streams, tokens so far)"
                                : ""))
                .collect(Collectors.joining(", "));
    }
}
