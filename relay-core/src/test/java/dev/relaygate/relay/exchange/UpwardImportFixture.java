package dev.relaygate.relay.exchange;

import dev.relaygate.relay.admin.AdminApi;

/** A bottom-layer type that reaches up to the admin layer: the layer test shows its rule rejects this. */
final class UpwardImportFixture {

    Class<?> reachesUp() {
        return AdminApi.class;
    }
}
