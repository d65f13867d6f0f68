package io.sluice.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.engine.NamespaceDefinition;
import io.sluice.engine.NamespaceMapping;
import io.sluice.platform.connectors.ConnectorDefinitions;
import io.sluice.platform.jobs.PreparedSync;
import io.sluice.platform.operations.ConnectionOperation;
import io.sluice.platform.store.ActorDao;
import io.sluice.platform.store.ActorRow;
import io.sluice.platform.store.ConnectionDao;
import io.sluice.platform.store.ConnectionRow;
import io.sluice.platform.store.OperationDao;
import io.sluice.protocol.ConfiguredCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Turns a stored connection into a runnable sync: connectors by definition, decrypted configs, catalog, namespaces. */
final class ConnectionPlanner implements PreparedSync.Planner {
    private final ConnectionDao connections;
    private final ActorDao actors;
    private final ActorApi sources;
    private final ActorApi destinations;
    private final ConnectorDefinitions definitions;
    private final OperationDao operations;
    private final ResourceSettings resources;

    ConnectionPlanner(ConnectionDao connections, ActorDao actors, ActorApi sources, ActorApi destinations,
            ConnectorDefinitions definitions, OperationDao operations, ResourceSettings resources) {
        this.operations = operations;
        this.resources = resources;
        this.connections = connections;
        this.actors = actors;
        this.sources = sources;
        this.destinations = destinations;
        this.definitions = definitions;
    }

    @Override
    public PreparedSync prepare(UUID connectionId) {
        ConnectionRow connection = connections.find(connectionId)
                .orElseThrow(() -> ConnectorException.config("connection " + connectionId + " does not exist"));
        ActorRow source = actors.find(connection.sourceId(), "source")
                .orElseThrow(() -> ConnectorException.config("the source of connection " + connectionId + " is deleted"));
        ActorRow destination = actors.find(connection.destinationId(), "destination")
                .orElseThrow(() -> ConnectorException.config("the destination of connection " + connectionId
                        + " is deleted"));
        ConfiguredCatalog catalog = SyncCatalogs.configured(ApiJson.read(connection.syncCatalog()));
        if (catalog.streams().isEmpty()) {
            throw ConnectorException.config("connection " + connectionId + " has no selected stream");
        }
        NamespaceDefinition definition = NamespaceDefinition.fromWire(connection.namespaceDefinition());
        NamespaceMapping mapping = new NamespaceMapping(definition,
                definition == NamespaceDefinition.CUSTOM_FORMAT ? connection.namespaceFormat() : "",
                connection.prefix());
        return new PreparedSync(
                definitions.source(sources.definition(source)), sources.config(source),
                definitions.destination(destinations.definition(destination)), destinations.config(destination),
                catalog, mapping, operations(connection), resources.limits(connection, source.workspaceId()));
    }

    /** The connection's operations in {@code operationIds} order; deleted ones are skipped. */
    private List<ConnectionOperation> operations(ConnectionRow connection) {
        List<ConnectionOperation> list = new ArrayList<>();
        for (JsonNode id : ApiJson.read(connection.operationIds())) {
            operations.find(UUID.fromString(id.asText())).ifPresent(row ->
                    list.add(new ConnectionOperation(row.name(), ApiJson.read(row.configuration()))));
        }
        return list;
    }
}
