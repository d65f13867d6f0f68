package io.sluice.platform.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.platform.connectors.ActorType;
import io.sluice.platform.connectors.ConnectorDefinition;
import io.sluice.platform.connectors.ConnectorDefinitions;
import io.sluice.platform.secrets.ConfigSecrets;
import io.sluice.platform.store.ActorDao;
import io.sluice.platform.store.ActorRow;
import io.sluice.platform.store.ConnectionDao;
import io.sluice.platform.store.ConnectionRow;
import io.sluice.platform.store.WorkspaceDao;
import io.sluice.platform.store.WorkspaceRow;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a new installation starts with: a default workspace and, when the sample connectors are
 * installed, a manual connection from source-faker to a DuckDB file in the data directory, so a
 * new user can sync at once. Runs only when there is no workspace yet.
 */
public final class FirstStart {
    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);

    private FirstStart() {}

    public static void ensure(WorkspaceDao workspaces, ActorDao actors, ConnectionDao connections,
            ConnectorDefinitions definitions, ConfigSecrets secrets, Routes routes, Path dataDir) {
        if (!workspaces.list().isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        WorkspaceRow workspace = new WorkspaceRow(UUID.randomUUID(), "Default Workspace", "default", null, false,
                "source", null, now, now);
        workspaces.insert(workspace);
        LOG.info("created the default workspace {}", workspace.id());
        Optional<ConnectorDefinition> faker = definitions.builtIn(ActorType.SOURCE, "source-faker");
        Optional<ConnectorDefinition> duckdb = definitions.builtIn(ActorType.DESTINATION, "destination-duckdb");
        if (faker.isEmpty() || duckdb.isEmpty()) {
            return;
        }
        ObjectNode fakerConfig = ApiJson.MAPPER.createObjectNode()
                .put("count", 1000).put("seed", 42).put("records_per_slice", 1000).put("always_updated", false);
        ObjectNode duckdbConfig = ApiJson.MAPPER.createObjectNode()
                .put("destination_path", dataDir.resolve("sample.duckdb").toString()).put("schema", "main");
        ActorRow source = actor(workspace.id(), ActorType.SOURCE, faker.get(), "Sample data (Faker)", fakerConfig,
                definitions, secrets, now);
        ActorRow destination = actor(workspace.id(), ActorType.DESTINATION, duckdb.get(), "Local DuckDB",
                duckdbConfig, definitions, secrets, now);
        actors.insert(source);
        actors.insert(destination);
        ObjectNode catalog = routes.connections().discoveredCatalog(source, destination);
        connections.insert(new ConnectionRow(UUID.randomUUID(), "Sample data \u2192 DuckDB", source.id(),
                destination.id(), "source", "${SOURCE_NAMESPACE}", "", catalog.toString(), "manual", null, "active",
                null, "ignore", false, "auto", "[]", now, now));
        LOG.info("created the sample connection Faker -> DuckDB ({})", duckdbConfig.get("destination_path").asText());
    }

    private static ActorRow actor(UUID workspaceId, ActorType type, ConnectorDefinition definition, String name,
            ObjectNode config, ConnectorDefinitions definitions, ConfigSecrets secrets, Instant now) {
        String stored = secrets.encrypt(definitions.spec(definition).connectionSpecification(), config).toString();
        return new ActorRow(UUID.randomUUID(), workspaceId, type.wire(), definition.id(), name, stored, false, now, now);
    }
}
