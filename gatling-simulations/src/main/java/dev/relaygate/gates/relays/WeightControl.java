package dev.relaygate.gates.relays;

/** How a relay's blue/green traffic weights are set. */
public enum WeightControl {
    /** By an admin call (relaygate's {@code POST /admin/traffic-shift}). */
    ADMIN_API,
    /** By a config sent with every request (Portkey's {@code x-portkey-config}). */
    PER_REQUEST_CONFIG,
    /** Not settable from the harness. */
    NONE
}
