package dev.relaygate.mock.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.relaygate.mock.Profile;
import dev.relaygate.mock.ProfileSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Answers every {@code /v1/**} stub: bearer-key check, then the live profile. Stateless apart from the shared
 * {@link ProfileState}; WireMock calls it concurrently from its container threads.
 */
public final class MockTransformer implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "relaygate-openai";
    /** Transformer parameter naming the endpoint a stub serves. */
    public static final String ENDPOINT = "endpoint";

    private final ProfileState state;
    private final byte[] expectedAuthorization;
    private final byte[] expectedApiKey;
    private final OpenAiBodies bodies;
    private final ChatResponder chat;

    public MockTransformer(String name, String apiKey, ProfileState state, ObjectMapper mapper) {
        this.state = state;
        this.expectedAuthorization = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
        this.expectedApiKey = apiKey.getBytes(StandardCharsets.UTF_8);
        this.bodies = new OpenAiBodies(mapper);
        this.chat = new ChatResponder(name, state, bodies, mapper);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        ProfileSettings settings = state.get();
        String endpoint = serveEvent.getTransformerParameters().getString(ENDPOINT, "other");
        String requestId = request.getHeader("X-Request-ID");
        ResponseDefinitionBuilder response;
        if (settings.profile() == Profile.RESET) {
            return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        boolean anthropic = "messages".equals(endpoint);
        if (settings.profile() == Profile.UNAUTHORIZED || !authorized(request, anthropic)) {
            response = chat.error(
                    anthropic, 401, "Incorrect API key provided.", "invalid_request_error", null, "invalid_api_key");
        } else if ("chat".equals(endpoint) || anthropic) {
            response = chat.respond(request, settings, anthropic);
        } else if ("models".equals(endpoint)) {
            response = json(200, bodies.models(System.currentTimeMillis() / 1000));
        } else {
            response = json(
                    404,
                    bodies.error(
                            "Unknown request URL: " + request.getMethod() + " " + request.getUrl(),
                            "invalid_request_error",
                            null,
                            "unknown_url"));
        }
        if (requestId != null) {
            response.withHeader("X-Request-ID", requestId);
        }
        return response.build();
    }

    /** Bearer key; {@code /v1/messages} also takes Anthropic's {@code x-api-key}. */
    private boolean authorized(Request request, boolean anthropic) {
        String apiKeyHeader = anthropic ? request.getHeader("x-api-key") : null;
        if (apiKeyHeader != null) {
            return equalsConstantTime(expectedApiKey, apiKeyHeader);
        }
        return equalsConstantTime(expectedAuthorization, request.getHeader("Authorization"));
    }

    /** Constant-time comparison, so the key cannot be probed byte by byte. */
    private static boolean equalsConstantTime(byte[] expected, String given) {
        return given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
