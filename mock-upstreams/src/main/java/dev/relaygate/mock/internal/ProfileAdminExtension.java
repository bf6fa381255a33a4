package dev.relaygate.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.relaygate.mock.ProfileSettings;
import dev.relaygate.mock.ServedCounts;
import java.io.IOException;

/**
 * Admin routes under {@code /__admin/relaygate}: {@code GET|POST /profile} (POST merges the JSON fields given
 * over the current profile and answers with the new one plus {@code switched_at_ms}), {@code GET /counts},
 * {@code POST /counts/reset}.
 */
public final class ProfileAdminExtension implements AdminApiExtension {

    private final ProfileState state;
    private final ServedCounter counter;
    private final ObjectMapper mapper;
    private final OpenAiBodies bodies;

    public ProfileAdminExtension(ProfileState state, ServedCounter counter, ObjectMapper mapper) {
        this.state = state;
        this.counter = counter;
        this.mapper = mapper;
        this.bodies = new OpenAiBodies(mapper);
    }

    @Override
    public String getName() {
        return "relaygate-admin";
    }

    @Override
    public void contributeAdminApiRoutes(Router router) {
        router.add(
                RequestMethod.GET, "/relaygate/profile", (admin, event, params) -> current(state.switchedAtMillis()));
        router.add(RequestMethod.POST, "/relaygate/profile", (admin, event, params) -> {
            ProfileSettings next;
            try {
                JsonNode body = mapper.readTree(event.getRequest().getBodyAsString());
                next = ProfileJson.merge(state.get(), body);
            } catch (IOException | IllegalArgumentException e) {
                String message = e instanceof IOException ? "body must be a JSON object" : e.getMessage();
                return MockTransformer.json(400, bodies.error(message, "invalid_request_error", null, null))
                        .build();
            }
            return current(state.set(next));
        });
        router.add(RequestMethod.GET, "/relaygate/counts", (admin, event, params) -> counts());
        router.add(RequestMethod.POST, "/relaygate/counts/reset", (admin, event, params) -> {
            counter.reset();
            return counts();
        });
    }

    private ResponseDefinition current(long switchedAt) {
        ObjectNode node = ProfileJson.toJson(mapper, state.get());
        node.put("switched_at_ms", switchedAt);
        return MockTransformer.json(200, node.toString()).build();
    }

    private ResponseDefinition counts() {
        ServedCounts c = counter.snapshot();
        ObjectNode node = mapper.createObjectNode();
        node.put("total", c.total());
        ObjectNode statuses = node.putObject("by_status");
        c.byStatus().forEach((status, count) -> statuses.put(String.valueOf(status), count));
        node.put("streams", c.streams());
        node.put("faults", c.faults());
        node.put("aborted", c.aborted());
        return MockTransformer.json(200, node.toString()).build();
    }
}
