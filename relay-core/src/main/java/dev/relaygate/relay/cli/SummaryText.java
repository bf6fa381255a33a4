package dev.relaygate.relay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text pieces of {@code relaygate status}: aligned "Label: value" lines, small tables, and the figures'
 * formats. A figure the document does not have is shown as {@value #UNKNOWN}, never as 0.
 */
final class SummaryText {

    static final String UNKNOWN = "-";
    private static final int LABEL_WIDTH = 18;

    private final StringBuilder out = new StringBuilder(2048);

    /** A section title, separated from the previous section by a blank line. */
    SummaryText section(String title) {
        if (out.length() > 0) {
            out.append('\n');
        }
        out.append(title).append('\n');
        return this;
    }

    /** {@code "  Label:   value"}, the values of one section in one column. */
    SummaryText line(String label, String value) {
        String key = "  " + label + ":";
        out.append(key.length() >= LABEL_WIDTH ? key + " " : pad(key, LABEL_WIDTH))
                .append(value)
                .append('\n');
        return this;
    }

    /** Rows under a header, columns padded to their widest cell; the column indexes in {@code right} align right. */
    SummaryText table(List<String> header, List<List<String>> rows, int... right) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int[] widths = new int[header.size()];
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                line.append(isRight(right, i) ? padLeft(cell, widths[i]) : pad(cell, widths[i]));
                if (i < row.size() - 1) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private static boolean isRight(int[] right, int column) {
        for (int r : right) {
            if (r == column) {
                return true;
            }
        }
        return false;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private static String padLeft(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }

    /** A text field, or {@value #UNKNOWN} when it is absent or null. */
    static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : UNKNOWN;
    }

    static boolean present(JsonNode node) {
        return !node.isMissingNode() && !node.isNull();
    }

    /** A whole number, or {@value #UNKNOWN}. */
    static String count(JsonNode node) {
        return node.isNumber() ? Long.toString(node.asLong()) : UNKNOWN;
    }

    /** A rate in [0,1] as a percentage with two decimals ("1.25%"), or {@value #UNKNOWN}. */
    static String percent(JsonNode rate) {
        return rate.isNumber() ? format("%.2f%%", rate.asDouble() * 100) : UNKNOWN;
    }

    /** Milliseconds with one decimal, or {@value #UNKNOWN}. */
    static String millis(JsonNode ms) {
        return ms.isNumber() ? format("%.1f", ms.asDouble()) : UNKNOWN;
    }

    /** A p-value or likelihood figure in scientific notation ("3.2e-05"), or {@value #UNKNOWN}. */
    static String scientific(JsonNode value) {
        return value.isNumber() ? format("%.1e", value.asDouble()) : UNKNOWN;
    }

    static String decimal(JsonNode value) {
        return value.isNumber() ? format("%.2f", value.asDouble()) : UNKNOWN;
    }

    /** An epoch-millisecond instant as UTC to the second, with its age: "2026-12-04T11:48:56Z (12s ago)". */
    static String instant(JsonNode epochMillis, Instant now) {
        if (!epochMillis.isNumber() || epochMillis.asLong() <= 0) {
            return UNKNOWN;
        }
        Instant at = Instant.ofEpochMilli(epochMillis.asLong());
        return at.truncatedTo(ChronoUnit.SECONDS) + " (" + age(Duration.between(at, now)) + ")";
    }

    static String age(Duration d) {
        if (d.isNegative()) {
            return "just now";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s ago";
        }
        if (s < 3600) {
            return format("%dm%02ds ago", s / 60, s % 60);
        }
        return format("%dh%02dm ago", s / 3600, s / 60 % 60);
    }

    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
