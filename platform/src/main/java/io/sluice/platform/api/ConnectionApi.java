package io.sluice.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConfigError;
import io.sluice.platform.jobs.JobQueue;
import io.sluice.platform.schedule.ConnectionScheduler;
import io.sluice.platform.store.ActorRow;
import io.sluice.platform.store.ConnectionDao;
import io.sluice.platform.store.ConnectionRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /api/v1/connections/*}. The stored {@code syncCatalog} is checked against what the source
 * discovers on create and on an update that changes it; {@code sync} answers at once with the job
 * (pending or running) that runs in the background.
 */
public final class ConnectionApi {
    private final ConnectionDao connections;
    private final ActorApi sources;
    private final ActorApi destinations;
    private final ConnectionSettings settings;
    private final JobQueue runner;
    private final JobApi jobs;
    private final WorkspaceApi workspaces;
    private final ConnectionScheduler scheduler;
    private final ResourceSettings resources;

    public ConnectionApi(ConnectionDao connections, ActorApi sources, ActorApi destinations,
            ConnectionSettings settings, JobQueue runner, JobApi jobs, WorkspaceApi workspaces,
            ConnectionScheduler scheduler, ResourceSettings resources) {
        this.resources = resources;
        this.workspaces = workspaces;
        this.scheduler = scheduler;
        this.connections = connections;
        this.sources = sources;
        this.destinations = destinations;
        this.settings = settings;
        this.runner = runner;
        this.jobs = jobs;
    }

    public Object create(Body body) {
        UUID sourceId = body.id("sourceId");
        UUID destinationId = body.id("destinationId");
        ActorRow source = sources.find(sourceId);
        ActorRow destination = destinations.find(destinationId);
        if (!source.workspaceId().equals(destination.workspaceId())) {
            body.error("destinationId", "belongs to another workspace than the source");
        }
        String name = body.optionalText("name").filter(n -> !n.isBlank())
                .orElse(source.name() + " \u2192 " + destination.name());
        ConnectionSettings.Values values = settings.read(body, Optional.empty(),
                Optional.of(workspaces.find(source.workspaceId())));
        List<ConfigError> errors = new ArrayList<>();
        ObjectNode catalog = settings.catalog(body.json().get("syncCatalog"), source, destination, errors);
        body.errors(errors);
        Optional<String> budget = ResourceSettings.budget(body);
        body.done();
        Instant now = Instant.now();
        ConnectionRow row = values.toRow(UUID.randomUUID(), name, sourceId, destinationId, catalog.toString(), now, now);
        connections.insert(row);
        resources.saveConnectionBudget(row.id(), budget);
        scheduler.update(row);
        return read(row);
    }

    public Object get(Body body) {
        return read(find(body.id("connectionId")));
    }

    public Object list(Body body) {
        UUID workspaceId = body.id("workspaceId");
        ObjectNode result = ApiJson.MAPPER.createObjectNode();
        ArrayNode array = result.putArray("connections");
        connections.listByWorkspace(workspaceId).forEach(row -> array.add(read(row)));
        return result;
    }

    public Object update(Body body) {
        ConnectionRow old = find(body.id("connectionId"));
        if (old.status().equals("deprecated")) {
            throw new ApiException.Conflict("connection " + old.id() + " is deleted");
        }
        String name = body.optionalText("name").filter(n -> !n.isBlank()).orElse(old.name());
        ConnectionSettings.Values values = settings.read(body, Optional.of(old), Optional.empty());
        String catalog = old.syncCatalog();
        if (body.has("syncCatalog")) {
            List<ConfigError> errors = new ArrayList<>();
            catalog = settings.catalog(body.json().get("syncCatalog"), sources.find(old.sourceId()),
                    destinations.find(old.destinationId()), errors).toString();
            body.errors(errors);
        }
        Optional<String> budget = ResourceSettings.budget(body);
        body.done();
        ConnectionRow row = values.toRow(old.id(), name, old.sourceId(), old.destinationId(), catalog,
                old.createdAt(), Instant.now());
        connections.update(row);
        resources.saveConnectionBudget(row.id(), budget);
        scheduler.update(row);
        return read(row);
    }

    /** Marks the connection deprecated (Airbyte's soft delete); 204. */
    public Object delete(Body body) {
        ConnectionRow row = find(body.id("connectionId"));
        connections.deprecate(row.id(), Instant.now());
        connections.find(row.id()).ifPresent(scheduler::update);
        return ApiHandler.NO_CONTENT;
    }

    public Object sync(Body body) {
        ConnectionRow row = find(body.id("connectionId"));
        if (row.status().equals("deprecated")) {
            throw new ApiException.Conflict("connection " + row.id() + " is deleted; it cannot sync");
        }
        return jobs.info(runner.sync(row.id()));
    }

    /** Empties the connection's streams in the destination and clears its state (Airbyte's reset). */
    public Object reset(Body body) {
        ConnectionRow row = find(body.id("connectionId"));
        long jobId = runner.reset(row.id()).orElseThrow(() -> new ApiException.Conflict(
                "a job of connection " + row.id() + " is pending or running; cancel it before a reset"));
        return jobs.info(jobId);
    }

    ConnectionRow find(UUID id) {
        return connections.find(id).orElseThrow(() -> new ApiException.NotFound("connection", id));
    }

    /** {@code ConnectionRead}, plus {@code nextRunAt} (epoch seconds) when the schedule will start a sync. */
    ObjectNode read(ConnectionRow row) {
        ObjectNode read = ApiJson.MAPPER.createObjectNode();
        read.put("connectionId", row.id().toString());
        read.put("name", row.name());
        read.put("namespaceDefinition", row.namespaceDefinition());
        if (row.namespaceFormat() != null) {
            read.put("namespaceFormat", row.namespaceFormat());
        }
        read.put("prefix", row.prefix());
        read.put("sourceId", row.sourceId().toString());
        read.put("destinationId", row.destinationId().toString());
        read.set("operationIds", ApiJson.read(row.operationIds()));
        read.set("syncCatalog", ApiJson.read(row.syncCatalog()));
        read.put("scheduleType", row.scheduleType());
        if (row.scheduleData() != null) {
            JsonNode data = ApiJson.read(row.scheduleData());
            read.set("scheduleData", data);
            if (data.has("basicSchedule")) {
                read.set("schedule", data.get("basicSchedule"));
            }
        }
        read.put("status", row.status());
        if (row.resourceRequirements() != null) {
            read.set("resourceRequirements", ApiJson.read(row.resourceRequirements()));
        }
        resources.connectionBudget(row.id()).ifPresent(budget -> read.put(ResourceSettings.BUDGET, budget));
        read.put("geography", row.geography());
        read.put("breakingChange", false);
        read.put("notifySchemaChanges", row.notifySchemaChanges());
        read.put("nonBreakingChangesPreference", row.nonBreakingChangesPreference());
        read.put("createdAt", row.createdAt().getEpochSecond());
        scheduler.nextRun(row.id()).ifPresent(next -> read.put("nextRunAt", next.getEpochSecond()));
        return read;
    }

    /** For the first start's sample connection: the discovered catalog as the API would store it. */
    ObjectNode discoveredCatalog(ActorRow source, ActorRow destination) {
        return settings.catalog(null, source, destination, new ArrayList<>());
    }
}
