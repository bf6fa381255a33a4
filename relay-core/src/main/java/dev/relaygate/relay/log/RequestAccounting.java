package dev.relaygate.relay.log;

import dev.relaygate.relay.exchange.Environment;
import dev.relaygate.relay.exchange.ExchangeListener;
import dev.relaygate.relay.exchange.ExchangeRecord;
import dev.relaygate.relay.exchange.Outcome;
import dev.relaygate.relay.exchange.Usage;
import dev.relaygate.relay.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The request log and cost accounting, as one {@link ExchangeListener}: prices each finished
 * request from its usage, counts cost per environment, and hands a {@link RequestLogRecord} to the
 * asynchronous {@link RequestLog} (when configured). Runs on the event loop: nothing here blocks.
 */
public final class RequestAccounting implements ExchangeListener, AutoCloseable {

    private final CostCalculator prices;
    private final CostMeter meter = new CostMeter();
    private final RequestLog<RequestLogRecord> log;
    private final Clock clock;
    private final String member;

    /** @param log the JSONL writer, or null for accounting without a log */
    public RequestAccounting(CostCalculator prices, RequestLog<RequestLogRecord> log, Clock clock) {
        this(prices, log, clock, null);
    }

    /** @param member this relay's member id in a fleet, written on every line; null when it runs alone */
    public RequestAccounting(CostCalculator prices, RequestLog<RequestLogRecord> log, Clock clock, String member) {
        this.prices = prices;
        this.log = log;
        this.clock = clock;
        this.member = member;
    }

    @Override
    public void onFinished(ExchangeRecord r) {
        Usage u = r.usage();
        OptionalDouble cost = r.model() == null
                ? OptionalDouble.empty()
                : prices.costUsd(r.model(), u.promptTokens(), u.cachedTokens(), u.completionTokens());
        meter.record(r.environment(), cost.isPresent() ? cost.getAsDouble() : Double.NaN);
        if (log != null) {
            log.offer(new RequestLogRecord(
                    clock.currentTimeMillis(),
                    r.requestId(),
                    traceId(r.traceparent()),
                    r.environment().wireName(),
                    r.model(),
                    r.status(),
                    r.latencyMicros() / 1000.0,
                    r.ttfbMicros() < 0 ? null : r.ttfbMicros() / 1000.0,
                    u.promptTokens(),
                    u.cachedTokens(),
                    u.completionTokens(),
                    cost.isPresent() ? cost.getAsDouble() : null,
                    false,
                    r.outcome() == Outcome.CLIENT_CANCELLED && r.stream(),
                    member));
        }
    }

    /** The trace id of a W3C {@code traceparent} ({@code 00-<32 hex>-<16 hex>-<2 hex>}), else null. */
    static String traceId(String traceparent) {
        return traceparent != null
                        && traceparent.length() >= 35
                        && traceparent.charAt(2) == '-'
                        && traceparent.charAt(35) == '-'
                ? traceparent.substring(3, 35)
                : null;
    }

    public CostMeter.EnvironmentCost cost(Environment e) {
        return meter.snapshot(e);
    }

    /** The "cost" section of {@code /admin/status}. */
    public Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Environment e : Environment.all()) {
            CostMeter.EnvironmentCost c = meter.snapshot(e);
            Map<String, Object> env = new LinkedHashMap<>();
            env.put("requests", c.requests());
            env.put("priced_requests", c.pricedRequests());
            env.put("cost_usd", c.costUsd());
            env.put("cost_per_1000_requests_usd", c.costPer1000RequestsUsd());
            out.put(e.wireName(), env);
        }
        if (log != null) {
            out.put(
                    "request_log",
                    Map.of(
                            "file",
                            String.valueOf(log.currentFile()),
                            "written",
                            log.written(),
                            "dropped",
                            log.dropped(),
                            "write_errors",
                            log.writeErrors()));
        }
        return out;
    }

    /** Prometheus lines: cost per 1,000 priced requests and total cost, per environment. */
    public void metrics(StringBuilder out) {
        out.append("# HELP relaygate_cost_per_1000_requests_usd Average USD cost of 1,000 priced requests.\n")
                .append("# TYPE relaygate_cost_per_1000_requests_usd gauge\n");
        for (Environment e : Environment.all()) {
            out.append("relaygate_cost_per_1000_requests_usd{environment=\"")
                    .append(e.wireName())
                    .append("\"} ")
                    .append(String.format(Locale.ROOT, "%.6f", meter.snapshot(e).costPer1000RequestsUsd()))
                    .append('\n');
        }
        out.append("# HELP relaygate_cost_usd_total USD cost of priced requests.\n")
                .append("# TYPE relaygate_cost_usd_total counter\n");
        for (Environment e : Environment.all()) {
            out.append("relaygate_cost_usd_total{environment=\"")
                    .append(e.wireName())
                    .append("\"} ")
                    .append(String.format(Locale.ROOT, "%.6f", meter.snapshot(e).costUsd()))
                    .append('\n');
        }
    }

    /** Waits until every line offered so far is written (tests, shutdown). */
    public void flush() throws InterruptedException {
        if (log != null) {
            log.flush();
        }
    }

    @Override
    public void close() {
        if (log != null) {
            log.close();
        }
    }
}
