package dev.relaygate.gates.relays;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A relay the gates drive: how to reach it (base URL, client key, headers on every request), what it can
 * do ({@link Capabilities}) and how its traffic weights are set. It is started against two upstreams
 * (blue and green) by its {@link RelayKind}'s factory and stopped by {@link #close()}.
 */
public interface RelayUnderTest extends AutoCloseable {

    /** A short lower-case name used in file names and reports: {@code relaygate}, {@code portkey}, {@code external}. */
    String name();

    /** One line for the report: what runs and how, e.g. {@code @portkey-ai/gateway 1.15.2 on node v20.20.2, child process}. */
    String description();

    /** How it was started. */
    RelayKind kind();

    /** {@code http://127.0.0.1:PORT}, without {@code /v1}: requests go to {@code baseUrl() + "/v1/chat/completions"}. */
    String baseUrl();

    /** The bearer key a client presents. */
    String clientKey();

    /**
     * Headers to add to every request, as of now (a relay configured per request changes them with its
     * weights). The names never change after start: {@link #headerNames()}.
     */
    Map<String, String> headers();

    /** The names {@link #headers()} always has, known before the relay starts. */
    Set<String> headerNames();

    Capabilities capabilities();

    /**
     * Sets blue/green weights (summing to 100) the relay's way.
     *
     * @throws UnsupportedOperationException when {@code capabilities().weights()} is {@link WeightControl#NONE}
     */
    void setWeights(int blue, int green);

    /**
     * Sends {@code greenPercent} of traffic to green the way this relay runs a canary: a relay with a canary
     * controller of its own starts one held at that step (so it may stop sending to green by itself); any
     * other gets plain weights.
     */
    default void startCanary(int greenPercent) {
        setWeights(100 - greenPercent, greenPercent);
    }

    /** CPU time the relay's own process has used so far, in ns, when it runs in a process of its own. */
    OptionalLong cpuNanos();

    @Override
    void close();
}
