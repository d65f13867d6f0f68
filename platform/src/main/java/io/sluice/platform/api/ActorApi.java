package io.sluice.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConfigValidator;
import io.sluice.cdk.ConnectorException;
import io.sluice.platform.connectors.ActorType;
import io.sluice.platform.connectors.ConnectorDefinition;
import io.sluice.platform.connectors.ConnectorDefinitions;
import io.sluice.platform.secrets.ConfigSecrets;
import io.sluice.platform.store.ActorDao;
import io.sluice.platform.store.ActorRow;
import io.sluice.platform.store.ConnectionDao;
import io.sluice.protocol.Catalog;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectorSpecification;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/sources/*} and {@code /api/v1/destinations/*}; one instance per side. Configs are
 * checked against the connector's spec on create and update, stored with their secrets
 * encrypted, and shown with their secrets masked.
 */
public final class ActorApi {
    private static final Logger LOG = LoggerFactory.getLogger(ActorApi.class);

    private final ActorType type;
    private final ActorDao actors;
    private final ConnectionDao connections;
    private final ConnectorDefinitions definitions;
    private final DefinitionApi definitionApi;
    private final WorkspaceApi workspaces;
    private final ConfigSecrets secrets;

    public ActorApi(ActorType type, ActorDao actors, ConnectionDao connections, ConnectorDefinitions definitions,
            DefinitionApi definitionApi, WorkspaceApi workspaces, ConfigSecrets secrets) {
        this.type = type;
        this.actors = actors;
        this.connections = connections;
        this.definitions = definitions;
        this.definitionApi = definitionApi;
        this.workspaces = workspaces;
        this.secrets = secrets;
    }

    private String idField() {
        return type.wire() + "Id";
    }

    public Object create(Body body) {
        UUID definitionId = body.id(type.wire() + "DefinitionId");
        UUID workspaceId = body.id("workspaceId");
        String name = body.text("name");
        ObjectNode config = body.object("connectionConfiguration");
        body.done();
        workspaces.find(workspaceId);
        ConnectorDefinition definition = definitionApi.find(definitionId);
        ConnectorSpecification spec = definitions.spec(definition);
        validate(spec, config);
        Instant now = Instant.now();
        ActorRow row = new ActorRow(UUID.randomUUID(), workspaceId, type.wire(), definitionId, name,
                secrets.encrypt(spec.connectionSpecification(), config).toString(), false, now, now);
        actors.insert(row);
        LOG.info("created {} {} ({})", type.wire(), row.id(), definition.name());
        return read(row);
    }

    public Object get(Body body) {
        return read(find(body.id(idField())));
    }

    public Object list(Body body) {
        UUID workspaceId = body.id("workspaceId");
        workspaces.find(workspaceId);
        ObjectNode result = ApiJson.MAPPER.createObjectNode();
        ArrayNode array = result.putArray(type.wire() + "s");
        actors.list(workspaceId, type.wire()).forEach(row -> array.add(read(row)));
        return result;
    }

    public Object update(Body body) {
        ActorRow old = find(body.id(idField()));
        String name = body.optionalText("name").filter(n -> !n.isBlank()).orElse(old.name());
        ObjectNode config = body.object("connectionConfiguration");
        body.done();
        ConnectorSpecification spec = spec(old);
        JsonNode merged = merged(spec, config, old);
        validate(spec, merged);
        ActorRow row = old.withChanges(name, secrets.encrypt(spec.connectionSpecification(), merged).toString(),
                Instant.now());
        actors.update(row);
        return read(row);
    }

    /** Deletes the source or destination and the connections that use it; 204 as in Airbyte. */
    public Object delete(Body body) {
        ActorRow row = find(body.id(idField()));
        Instant now = Instant.now();
        connections.listByActor(row.id()).forEach(c -> connections.deprecate(c.id(), now));
        actors.tombstone(row.id(), now);
        return ApiHandler.NO_CONTENT;
    }

    public Object checkConnection(Body body) {
        ActorRow row = find(body.id(idField()));
        return check(row, config(row));
    }

    /** {@code check_connection_for_update}: checks the config an update would store, without storing it. */
    public Object checkConnectionForUpdate(Body body) {
        ActorRow old = find(body.id(idField()));
        ObjectNode config = body.object("connectionConfiguration");
        body.done();
        ConnectorSpecification spec = spec(old);
        JsonNode merged = merged(spec, config, old);
        validate(spec, merged);
        return check(old, merged);
    }

    /**
     * {@code scheduler/sources/check_connection} (and destinations): checks a config that is not
     * stored yet, {@code {sourceDefinitionId, connectionConfiguration}}, against the definition's
     * spec (a 422 names each bad field) and then with the connector itself.
     */
    public Object checkUnsaved(Body body) {
        UUID definitionId = body.id(type.wire() + "DefinitionId");
        body.optionalId("workspaceId").ifPresent(workspaces::find);
        ObjectNode config = body.object("connectionConfiguration");
        body.done();
        ConnectorDefinition definition = definitionApi.find(definitionId);
        validate(definitions.spec(definition), config);
        return check(definition, definitionId.toString(), config);
    }

    /** {@code sources/discover_schema}: the streams with their default configs. */
    public Object discoverSchema(Body body) {
        ActorRow row = find(body.id(idField()));
        Instant started = Instant.now();
        ConnectorDefinition definition = definition(row);
        ObjectNode result = ApiJson.MAPPER.createObjectNode();
        try {
            Catalog catalog = definitions.source(definition).discover(config(row));
            result.set("catalog", new SyncCatalogs(List.of()).discovered(catalog));
            result.set("jobInfo", SyncJobInfo.of("discover_schema", row.id().toString(), true, started));
        } catch (ConnectorException e) {
            ObjectNode jobInfo = SyncJobInfo.of("discover_schema", row.id().toString(), false, started);
            jobInfo.putObject("failureReason").put("failureOrigin", "source")
                    .put("failureType", e.kind() == io.sluice.cdk.FailureKind.CONFIG ? "config_error" : "system_error")
                    .put("externalMessage", e.getMessage());
            result.set("jobInfo", jobInfo);
        }
        result.put("catalogId", UUID.randomUUID().toString());
        return result;
    }

    private ObjectNode check(ActorRow row, JsonNode config) {
        return check(definition(row), row.id().toString(), config);
    }

    private ObjectNode check(ConnectorDefinition definition, String configId, JsonNode config) {
        Instant started = Instant.now();
        ConnectionStatus status;
        try {
            status = type == ActorType.SOURCE
                    ? definitions.source(definition).check(config)
                    : definitions.destination(definition).check(config);
        } catch (ConnectorException e) {
            status = ConnectionStatus.failed(e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("check of {} {} failed unexpectedly", type.wire(), configId, e);
            status = ConnectionStatus.failed("the check failed unexpectedly: " + e.getClass().getSimpleName());
        }
        ObjectNode result = ApiJson.MAPPER.createObjectNode();
        result.put("status", status.isSucceeded() ? "succeeded" : "failed");
        status.message().ifPresent(m -> result.put("message", m));
        result.set("jobInfo", SyncJobInfo.of("check_connection_" + type.wire(), configId, status.isSucceeded(),
                started));
        return result;
    }

    private JsonNode merged(ConnectorSpecification spec, ObjectNode config, ActorRow old) {
        return secrets.keepMasked(spec.connectionSpecification(), config, config(old));
    }

    private static void validate(ConnectorSpecification spec, JsonNode config) {
        List<ConfigError> errors = ConfigValidator.validate(spec.connectionSpecification(), config);
        if (!errors.isEmpty()) {
            throw new ApiException.InvalidInput(errors.stream()
                    .map(e -> new ConfigError(e.field().isEmpty() ? "connectionConfiguration"
                            : "connectionConfiguration." + e.field(), e.problem()))
                    .toList());
        }
    }

    /** The live (not deleted) source or destination with this id, or a 404. */
    public ActorRow find(UUID id) {
        return actors.find(id, type.wire()).orElseThrow(() -> new ApiException.NotFound(type.wire(), id));
    }

    /** The stored config, decrypted: only for running the connector. */
    public JsonNode config(ActorRow row) {
        return secrets.decrypt(ApiJson.read(row.configuration()));
    }

    public ConnectorDefinition definition(ActorRow row) {
        return definitions.find(type, row.definitionId()).orElseThrow(() -> ConnectorException.config(
                "the " + type.wire() + " definition " + row.definitionId() + " of " + row.name() + " is gone"));
    }

    private ConnectorSpecification spec(ActorRow row) {
        return definitions.spec(definition(row));
    }

    ObjectNode read(ActorRow row) {
        ObjectNode read = ApiJson.MAPPER.createObjectNode();
        read.put(type.wire() + "DefinitionId", row.definitionId().toString());
        read.put(idField(), row.id().toString());
        read.put("workspaceId", row.workspaceId().toString());
        read.set("connectionConfiguration", masked(row));
        read.put("name", row.name());
        definitions.find(type, row.definitionId()).ifPresent(d -> read.put(type.wire() + "Name", d.name()));
        read.put("createdAt", row.createdAt().getEpochSecond());
        return read;
    }

    private JsonNode masked(ActorRow row) {
        JsonNode stored = ApiJson.read(row.configuration());
        try {
            return secrets.mask(spec(row).connectionSpecification(), stored);
        } catch (RuntimeException e) {
            LOG.debug("no spec for {} {}; masking its encrypted values only", type.wire(), row.id());
            return secrets.mask(ApiJson.MAPPER.createObjectNode(), stored);
        }
    }
}
