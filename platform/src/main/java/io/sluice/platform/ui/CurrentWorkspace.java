package io.sluice.platform.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.platform.api.ApiJson;
import io.sluice.platform.api.Routes;

/**
 * The workspace the settings pages change: the first one {@code workspaces/list} answers (a Sluice
 * installation has one unless the API made more), read and updated through the Config API.
 */
final class CurrentWorkspace {
    private final Routes api;

    CurrentWorkspace(Routes api) {
        this.api = api;
    }

    /** Its {@code WorkspaceRead}. */
    JsonNode read() {
        return api.call("workspaces/list", ApiJson.MAPPER.createObjectNode()).path("workspaces").path(0);
    }

    /**
     * {@code workspaces/update} with {@code changes} (the fields to change, without the id).
     *
     * @throws io.sluice.platform.api.ApiException.InvalidInput naming each bad field; nothing is changed then
     */
    JsonNode update(ObjectNode changes) {
        ObjectNode body = ApiJson.MAPPER.createObjectNode().put("workspaceId", read().path("workspaceId").asText());
        body.setAll(changes);
        return api.call("workspaces/update", body);
    }
}
