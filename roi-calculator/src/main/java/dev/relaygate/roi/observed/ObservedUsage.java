package dev.relaygate.roi.observed;

import dev.relaygate.roi.RoiInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Token volumes observed over a window of real traffic, per upstream model, and what was left out: shadow
 * copies (not traffic) and lines that could not be read (counted, never dropped silently).
 *
 * @param source            what was read, e.g. "request log in /var/log/relaygate (3 files)"
 * @param shadowLeftOut     shadow copies seen in the window and left out of the volumes
 * @param unreadable        lines that could not be read; {@code unreadableExamples} names the first few
 */
public record ObservedUsage(
        String source,
        Instant first,
        Instant last,
        Map<String, Volumes> models,
        long shadowLeftOut,
        long unreadable,
        List<String> unreadableExamples,
        List<String> warnings) {

    /** The shortest window a month is projected from. */
    public static final Duration MIN_WINDOW = Duration.ofHours(1);

    static final Duration MONTH = Duration.ofDays(30);

    public ObservedUsage {
        models = Map.copyOf(models);
        unreadableExamples = List.copyOf(unreadableExamples);
        warnings = List.copyOf(warnings);
    }

    /** Tokens seen for one model in the window; input excludes the cached part. */
    public record Volumes(long requests, long partialRequests, long uncachedInput, long cachedInput, long output) {
        Volumes plus(Volumes o) {
            return new Volumes(
                    requests + o.requests,
                    partialRequests + o.partialRequests,
                    uncachedInput + o.uncachedInput,
                    cachedInput + o.cachedInput,
                    output + o.output);
        }
    }

    public Duration window() {
        return Duration.between(first, last);
    }

    public double windowHours() {
        return window().toMillis() / 3_600_000.0;
    }

    /** 30 days over the observed window: what every observed volume is multiplied by. */
    public double monthScale() {
        return (double) MONTH.toMillis() / window().toMillis();
    }

    /** Millions of tokens a month at the observed rate. */
    public double monthlyMtok(long tokens) {
        return tokens / 1e6 * monthScale();
    }

    public long requests() {
        return models.values().stream().mapToLong(Volumes::requests).sum();
    }

    /** Refuses a window too short to project a month from, saying how long it was. */
    public ObservedUsage requireProjectable() {
        if (models.isEmpty()) {
            throw new RoiInputException(source + " holds no request with a model: nothing to project");
        }
        if (window().compareTo(MIN_WINDOW) < 0) {
            throw new RoiInputException(source + " covers " + ObservedText.duration(window()) + " (" + first + " to "
                    + last + "); at least 1 h is needed to project a month");
        }
        return this;
    }
}
