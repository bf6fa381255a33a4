package dev.relaygate.relay.proxy;

import io.vertx.core.http.HttpMethod;

/** The OpenAI endpoints the relay knows by name; other {@code /v1/**} paths pass through as they are. */
enum Endpoints {
    CHAT_COMPLETIONS("/v1/chat/completions", HttpMethod.POST, true),
    COMPLETIONS("/v1/completions", HttpMethod.POST, true),
    EMBEDDINGS("/v1/embeddings", HttpMethod.POST, true),
    MODELS("/v1/models", HttpMethod.GET, false),
    /** Any other {@code /v1/**} path: any method, body not read. */
    PASS_THROUGH(null, null, false);

    private final String path;
    private final HttpMethod method;
    private final boolean jsonBody;

    Endpoints(String path, HttpMethod method, boolean jsonBody) {
        this.path = path;
        this.method = method;
        this.jsonBody = jsonBody;
    }

    static Endpoints of(String path) {
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        for (Endpoints e : values()) {
            if (e.path != null && e.path.length() == end && path.startsWith(e.path)) {
                return e;
            }
        }
        return PASS_THROUGH;
    }

    boolean allows(HttpMethod m) {
        return method == null || method.equals(m);
    }

    String allowHeader() {
        return method == null ? "*" : method.name();
    }

    /** Whether the relay reads {@code model}/{@code stream} from the JSON body. */
    boolean jsonBody() {
        return jsonBody;
    }
}
