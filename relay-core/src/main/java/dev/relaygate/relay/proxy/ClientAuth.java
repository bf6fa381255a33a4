package dev.relaygate.relay.proxy;

import dev.relaygate.relay.config.Secret;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Checks the client's {@code Authorization: Bearer} key against {@code client_keys}. Every
 * configured key is compared, each in constant time, with no early exit, so neither which key
 * matched nor how much of one matched shows in the timing.
 */
public final class ClientAuth {

    private static final String BEARER = "Bearer ";

    private final Secret[] keys;

    public ClientAuth(List<Secret> keys) {
        this.keys = keys.toArray(new Secret[0]);
    }

    public boolean enabled() {
        return keys.length > 0;
    }

    /** Whether the request may pass: always when no keys are configured. */
    public boolean allows(String authorizationHeader) {
        if (keys.length == 0) {
            return true;
        }
        if (authorizationHeader == null
                || authorizationHeader.length() <= BEARER.length()
                || !authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] presented = authorizationHeader.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (Secret key : keys) {
            ok |= key.matches(presented);
        }
        return ok;
    }
}
