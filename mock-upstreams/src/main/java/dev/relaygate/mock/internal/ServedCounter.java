package dev.relaygate.mock.internal;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.relaygate.mock.ServedCounts;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts completed requests (the request journal is disabled, so this is the only record). */
public final class ServedCounter implements ServeEventListener {

    public static final String NAME = "relaygate-served-counter";

    private final LongAdder total = new LongAdder();
    private final LongAdder streams = new LongAdder();
    private final LongAdder faults = new LongAdder();
    private final LongAdder aborted = new LongAdder();
    private final ConcurrentMap<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
        LoggedResponse response = serveEvent.getResponse();
        total.increment();
        if (response == null) {
            return;
        }
        if (response.getFault() != null) {
            faults.increment();
            return;
        }
        byStatus.computeIfAbsent(response.getStatus(), s -> new LongAdder()).increment();
        String type = response.getHeaders() == null
                ? null
                : response.getHeaders().getContentTypeHeader().mimeTypePart();
        if ("text/event-stream".equals(type)) {
            streams.increment();
        }
    }

    /** Called by the pass-through when it cuts a response on purpose. */
    public void abortedOne() {
        aborted.increment();
    }

    public ServedCounts snapshot() {
        Map<Integer, Long> statuses = new TreeMap<>();
        byStatus.forEach((status, count) -> statuses.put(status, count.sum()));
        return new ServedCounts(total.sum(), statuses, streams.sum(), faults.sum(), aborted.sum());
    }

    public void reset() {
        total.reset();
        streams.reset();
        faults.reset();
        aborted.reset();
        byStatus.clear();
    }
}
