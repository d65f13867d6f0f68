package io.sluice.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.sluice.platform.store.ConnectionDao;
import io.sluice.platform.store.ConnectionRow;
import io.sluice.platform.store.OperationDao;
import io.sluice.platform.store.OperationRow;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code /api/v1/operations/*}: what runs after a sync, in Airbyte's {@code operatorConfiguration}
 * shape ({@code {operatorType: normalization, normalization: {option: basic}}}). Stored and linked
 * to connections through {@code operationIds}; Sluice's SQL destinations normalize through their
 * own {@code normalization} setting, so a stored operation does not change a sync yet.
 */
public final class OperationApi {
    static final List<String> OPERATOR_TYPES = List.of("normalization", "dbt", "webhook");

    private final OperationDao operations;
    private final ConnectionDao connections;
    private final WorkspaceApi workspaces;

    public OperationApi(OperationDao operations, ConnectionDao connections, WorkspaceApi workspaces) {
        this.operations = operations;
        this.connections = connections;
        this.workspaces = workspaces;
    }

    public void create(Context ctx) {
        Body body = Body.of(ctx);
        UUID workspaceId = body.id("workspaceId");
        String name = body.text("name");
        ObjectNode operator = operator(body);
        body.done();
        workspaces.find(workspaceId);
        Instant now = Instant.now();
        OperationRow row = new OperationRow(UUID.randomUUID(), workspaceId, name,
                operator.path("operatorType").asText(), operator.toString(), false, now, now);
        operations.insert(row);
        ctx.json(read(row));
    }

    public void get(Context ctx) {
        ctx.json(read(find(Body.of(ctx).id("operationId"))));
    }

    /** {@code operations/list {connectionId}}: the connection's operations, as in Airbyte. */
    public void list(Context ctx) {
        UUID connectionId = Body.of(ctx).id("connectionId");
        ConnectionRow connection = connections.find(connectionId)
                .orElseThrow(() -> new ApiException.NotFound("connection", connectionId));
        ObjectNode result = ApiJson.MAPPER.createObjectNode();
        ArrayNode array = result.putArray("operations");
        for (JsonNode id : ApiJson.read(connection.operationIds())) {
            operations.find(UUID.fromString(id.asText())).ifPresent(row -> array.add(read(row)));
        }
        ctx.json(result);
    }

    public void update(Context ctx) {
        Body body = Body.of(ctx);
        OperationRow old = find(body.id("operationId"));
        String name = body.optionalText("name").filter(n -> !n.isBlank()).orElse(old.name());
        ObjectNode operator = operator(body);
        body.done();
        OperationRow row = new OperationRow(old.id(), old.workspaceId(), name, operator.path("operatorType").asText(),
                operator.toString(), false, old.createdAt(), Instant.now());
        operations.update(row);
        ctx.json(read(row));
    }

    public void delete(Context ctx) {
        OperationRow row = find(Body.of(ctx).id("operationId"));
        operations.tombstone(row.id(), Instant.now());
        ctx.status(204);
    }

    OperationRow find(UUID id) {
        return operations.find(id).orElseThrow(() -> new ApiException.NotFound("operation", id));
    }

    private static ObjectNode operator(Body body) {
        ObjectNode operator = body.object("operatorConfiguration");
        String type = operator.path("operatorType").asText("");
        if (!OPERATOR_TYPES.contains(type)) {
            body.error("operatorConfiguration.operatorType", "must be one of: " + String.join(", ", OPERATOR_TYPES));
        } else if (type.equals("normalization")
                && !operator.path("normalization").path("option").asText("basic").equals("basic")) {
            body.error("operatorConfiguration.normalization.option", "must be basic");
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
