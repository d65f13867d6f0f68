package io.sluice.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConfigError;
import io.sluice.platform.operations.OperatorConfiguration;
import io.sluice.platform.store.ConnectionDao;
import io.sluice.platform.store.ConnectionRow;
import io.sluice.platform.store.OperationDao;
import io.sluice.platform.store.OperationRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code /api/v1/operations/*}: what runs after a sync, in Airbyte's {@code operatorConfiguration}
 * shape ({@code {operatorType: dbt, dbt: {...}}}) plus Sluice's {@code sql}, checked field by field
 * ({@link OperatorConfiguration}). Linked to connections through {@code operationIds}; the worker
 * runs them after each successful sync ({@link io.sluice.platform.operations.PostSyncOperations}).
 */
public final class OperationApi {
    private final OperationDao operations;
    private final ConnectionDao connections;
    private final WorkspaceApi workspaces;

    public OperationApi(OperationDao operations, ConnectionDao connections, WorkspaceApi workspaces) {
        this.operations = operations;
        this.connections = connections;
        this.workspaces = workspaces;
    }

    public Object create(Body body) {
        UUID workspaceId = body.id("workspaceId");
        String name = body.text("name");
        ObjectNode operator = operator(body);
        body.done();
        workspaces.find(workspaceId);
        Instant now = Instant.now();
        OperationRow row = new OperationRow(UUID.randomUUID(), workspaceId, name,
                operator.path("operatorType").asText(), operator.toString(), false, now, now);
        operations.insert(row);
        return read(row);
    }

    public Object get(Body body) {
        return read(find(body.id("operationId")));
    }

    /** {@code operations/list {connectionId}}: the connection's operations, as in Airbyte. */
    public Object list(Body body) {
        UUID connectionId = body.id("connectionId");
        ConnectionRow connection = connections.find(connectionId)
                .orElseThrow(() -> new ApiException.NotFound("connection", connectionId));
        ObjectNode result = ApiJson.MAPPER.createObjectNode();
        ArrayNode array = result.putArray("operations");
        for (JsonNode id : ApiJson.read(connection.operationIds())) {
            operations.find(UUID.fromString(id.asText())).ifPresent(row -> array.add(read(row)));
        }
        return result;
    }

    public Object update(Body body) {
        OperationRow old = find(body.id("operationId"));
        String name = body.optionalText("name").filter(n -> !n.isBlank()).orElse(old.name());
        ObjectNode operator = operator(body);
        body.done();
        OperationRow row = new OperationRow(old.id(), old.workspaceId(), name, operator.path("operatorType").asText(),
                operator.toString(), false, old.createdAt(), Instant.now());
        operations.update(row);
        return read(row);
    }

    public Object delete(Body body) {
        OperationRow row = find(body.id("operationId"));
        operations.tombstone(row.id(), Instant.now());
        return ApiHandler.NO_CONTENT;
    }

    OperationRow find(UUID id) {
        return operations.find(id).orElseThrow(() -> new ApiException.NotFound("operation", id));
    }

    /**
     * {@code operations/check}: Airbyte's {@code CheckOperationRead} for an {@code operatorConfiguration}
     * sent as the body itself (as Airbyte's clients do) or under {@code operatorConfiguration};
     * {@code failed} names each field at fault, and a dbt project folder this server cannot see.
     */
    public Object check(Body body) {
        boolean wrapped = body.has("operatorConfiguration");
        JsonNode operator = wrapped ? body.json().get("operatorConfiguration") : body.json();
        List<ConfigError> problems = new ArrayList<>(OperatorConfiguration.validate(operator,
                wrapped ? "operatorConfiguration" : ""));
        if (problems.isEmpty() && operator.path("operatorType").asText().equals("dbt")) {
            String url = operator.path("dbt").path("gitRepoUrl").asText();
            if (url.startsWith("/") && !Files.isDirectory(Path.of(url))) {
                problems.add(new ConfigError((wrapped ? "operatorConfiguration." : "") + "dbt.gitRepoUrl",
                        "is not a folder on this server"));
            }
        }
        ObjectNode read = ApiJson.MAPPER.createObjectNode();
        read.put("status", problems.isEmpty() ? "succeeded" : "failed");
        if (!problems.isEmpty()) {
            read.put("message", String.join("; ", problems.stream().map(ConfigError::toString).toList()));
            ArrayNode errors = read.putArray("validationErrors");
            problems.forEach(p -> errors.addObject().put("propertyPath", p.field()).put("message", p.problem()));
        }
        return read;
    }

    private static ObjectNode operator(Body body) {
        ObjectNode operator = body.object("operatorConfiguration");
        if (body.json().path("operatorConfiguration").isObject()) {
            body.errors(OperatorConfiguration.validate(operator, "operatorConfiguration"));
        }
        return operator;
    }

    private static ObjectNode read(OperationRow row) {
        ObjectNode read = ApiJson.MAPPER.createObjectNode();
        read.put("workspaceId", row.workspaceId().toString());
        read.put("operationId", row.id().toString());
        read.put("name", row.name());
        read.set("operatorConfiguration", ApiJson.read(row.configuration()));
        return read;
    }
}
