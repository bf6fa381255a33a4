package dev.relaygate.relay.fleet;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.relaygate.relay.judge.EnvironmentSlice;
import dev.relaygate.relay.judge.ErrorCauses;
import dev.relaygate.relay.judge.IntervalSlice;
import dev.relaygate.relay.judge.LatencyHistograms;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collection;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * One member's outcomes over one evaluation interval, as it sends them to the leader: counts, errors as the
 * judge counts them (in total and by cause), and the latency of each environment as a compressed HdrHistogram (base64), so the leader
 * judges the merged distribution, not an average of percentiles.
 */
record IntervalReport(
        @JsonProperty("member") String member,
        @JsonProperty("start_ms") long startMillis,
        @JsonProperty("end_ms") long endMillis,
        @JsonProperty("blue") Environment blue,
        @JsonProperty("green") Environment green,
        @JsonProperty("shadow_compared") long shadowCompared,
        @JsonProperty("shadow_dissimilar") long shadowDissimilar) {

    /** One environment's part of a report ({@code errors_by_cause} absent: not broken down). */
    record Environment(
            @JsonProperty("requests") long requests,
            @JsonProperty("errors") long errors,
            @JsonProperty("errors_by_cause") ErrorCauses errorsByCause,
            @JsonProperty("latency_ms") String latencyMs) {

        static Environment of(EnvironmentSlice s) {
            Histogram h = s.latencyMs();
            ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
            int length = h.encodeIntoCompressedByteBuffer(buffer);
            byte[] bytes = new byte[length];
            buffer.flip();
            buffer.get(bytes);
            return new Environment(
                    s.requests(), s.errors(), s.causes(), Base64.getEncoder().encodeToString(bytes));
        }

        EnvironmentSlice slice() {
            try {
                Histogram decoded = Histogram.decodeFromCompressedByteBuffer(
                        ByteBuffer.wrap(Base64.getDecoder().decode(latencyMs)), LatencyHistograms.HIGHEST_MS);
                Histogram h = LatencyHistograms.newMillis();
                h.add(decoded);
                return new EnvironmentSlice(
                        requests, errors, h, errorsByCause == null ? ErrorCauses.NONE : errorsByCause);
            } catch (DataFormatException | IllegalArgumentException e) {
                throw new IllegalArgumentException("a member's latency histogram could not be decoded: " + e, e);
            }
        }
    }

    static IntervalReport of(String member, IntervalSlice s) {
        return new IntervalReport(
                member,
                s.startMillis(),
                s.endMillis(),
                Environment.of(s.blue()),
                Environment.of(s.green()),
                s.shadowCompared(),
                s.shadowDissimilar());
    }

    IntervalSlice slice() {
        return new IntervalSlice(startMillis, endMillis, blue.slice(), green.slice(), shadowCompared, shadowDissimilar);
    }

    /**
     * Several members' reports of about the same interval as one slice: counts summed, histograms added, the
     * span from the earliest start to the latest end.
     */
    static IntervalSlice merged(Collection<IntervalReport> reports, long emptyStart, long emptyEnd) {
        if (reports.isEmpty()) {
            return new IntervalSlice(
                    emptyStart,
                    Math.max(emptyStart, emptyEnd),
                    EnvironmentSlice.empty(),
                    EnvironmentSlice.empty(),
                    0,
                    0);
        }
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        long blueRequests = 0;
        long blueErrors = 0;
        long greenRequests = 0;
        long greenErrors = 0;
        ErrorCauses blueCauses = ErrorCauses.NONE;
        ErrorCauses greenCauses = ErrorCauses.NONE;
        long compared = 0;
        long dissimilar = 0;
        Histogram blueLatency = LatencyHistograms.newMillis();
        Histogram greenLatency = LatencyHistograms.newMillis();
        for (IntervalReport r : reports) {
            IntervalSlice s = r.slice();
            start = Math.min(start, s.startMillis());
            end = Math.max(end, s.endMillis());
            blueRequests += s.blue().requests();
            blueErrors += s.blue().errors();
            greenRequests += s.green().requests();
            greenErrors += s.green().errors();
            blueCauses = blueCauses.plus(s.blue().causes());
            greenCauses = greenCauses.plus(s.green().causes());
            blueLatency.add(s.blue().latencyMs());
            greenLatency.add(s.green().latencyMs());
            compared += s.shadowCompared();
            dissimilar += s.shadowDissimilar();
        }
        return new IntervalSlice(
                start,
                end,
                new EnvironmentSlice(blueRequests, blueErrors, blueLatency, blueCauses),
                new EnvironmentSlice(greenRequests, greenErrors, greenLatency, greenCauses),
                compared,
                dissimilar);
    }
}
