package io.sluice.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConnectorException;
import io.sluice.platform.connectors.ConnectorDefinitions;
import io.sluice.platform.schedule.SyncSchedule;
import io.sluice.platform.store.ActorRow;
import io.sluice.platform.store.ConnectionRow;
import io.sluice.platform.store.OperationDao;
import io.sluice.platform.store.WorkspaceRow;
import io.sluice.protocol.Catalog;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and checks a connection's settings from a create or update body: namespace rules,
 * schedule (Airbyte's {@code scheduleType} + {@code scheduleData}, or the older
 * {@code schedule: {units, timeUnit}}), status, resource requirements, schema-change preference,
 * operations; and the {@code syncCatalog} against what the source discovers.
 */
final class ConnectionSettings {
    private final ActorApi sources;
    private final ActorApi destinations;
    private final ConnectorDefinitions definitions;
    private final OperationDao operations;

    ConnectionSettings(ActorApi sources, ActorApi destinations, ConnectorDefinitions definitions,
            OperationDao operations) {
        this.operations = operations;
        this.sources = sources;
        this.destinations = destinations;
        this.definitions = definitions;
    }

    /** The settings part of a connection row; JSON parts as text, null when absent. */
    record Values(String namespaceDefinition, String namespaceFormat, String prefix, String scheduleType,
            String scheduleData, String status, String resourceRequirements, String nonBreakingChangesPreference,
            boolean notifySchemaChanges, String geography, String operationIds) {

        ConnectionRow toRow(UUID id, String name, UUID sourceId, UUID destinationId, String syncCatalog,
                Instant createdAt, Instant updatedAt) {
            return new ConnectionRow(id, name, sourceId, destinationId, namespaceDefinition, namespaceFormat, prefix,
                    syncCatalog, scheduleType, scheduleData, status, resourceRequirements, nonBreakingChangesPreference,
                    notifySchemaChanges, geography, operationIds, createdAt, updatedAt);
        }
    }

    /**
     * The settings in {@code body}, each falling back to {@code old}'s (update) or the default
     * (create; the namespace rules then come from the workspace's settings).
     */
    Values read(Body body, Optional<ConnectionRow> old, Optional<WorkspaceRow> workspace) {
        String definition = body.optionalEnum("namespaceDefinition", Enums.NAMESPACE_DEFINITIONS)
                .orElse(old.map(ConnectionRow::namespaceDefinition)
                        .orElse(workspace.map(WorkspaceRow::namespaceDefinition).orElse("source")));
        String format = body.optionalText("namespaceFormat")
                .orElse(old.map(ConnectionRow::namespaceFormat)
                        .orElse(workspace.map(WorkspaceRow::namespaceFormat).orElse("${SOURCE_NAMESPACE}")));
        if (definition.equals("customformat") && (format == null || format.isBlank())) {
            body.error("namespaceFormat", "is required with namespaceDefinition customformat");
        }
        String prefix = body.optionalText("prefix").orElse(old.map(ConnectionRow::prefix).orElse(""));
        String status = body.optionalEnum("status", Enums.CONNECTION_STATUSES)
                .orElse(old.map(ConnectionRow::status).orElse("active"));
        String[] schedule = schedule(body, old);
        String resources = ResourceSettings.requirements(body, ResourceSettings.REQUIREMENTS)
                .orElse(old.map(ConnectionRow::resourceRequirements).orElse(null));
        String nonBreaking = body.optionalEnum("nonBreakingChangesPreference", Enums.NON_BREAKING_CHANGES)
                .orElse(old.map(ConnectionRow::nonBreakingChangesPreference).orElse("ignore"));
        boolean notify = body.optionalBoolean("notifySchemaChanges")
                .orElse(old.map(ConnectionRow::notifySchemaChanges).orElse(false));
        String geography = body.optionalEnum("geography", Enums.GEOGRAPHIES)
                .orElse(old.map(ConnectionRow::geography).orElse("auto"));
        String operations = operationIds(body).orElse(old.map(ConnectionRow::operationIds).orElse("[]"));
        return new Values(definition, format, prefix, schedule[0], schedule[1], status, resources, nonBreaking, notify,
                geography, operations);
    }

    /** {scheduleType, scheduleData as text or null}. */
    private static String[] schedule(Body body, Optional<ConnectionRow> old) {
        Optional<String> type = body.optionalEnum("scheduleType", Enums.SCHEDULE_TYPES);
        Optional<ObjectNode> data = body.optionalObject("scheduleData");
        Optional<ObjectNode> legacy = body.optionalObject("schedule");
        if (type.isEmpty() && legacy.isPresent()) {
            ObjectNode basic = basic(body, legacy.get(), "schedule");
            ObjectNode scheduleData = ApiJson.MAPPER.createObjectNode();
            scheduleData.set("basicSchedule", basic);
            return new String[] {"basic", scheduleData.toString()};
        }
        if (type.isEmpty()) {
            if (data.isPresent()) {
                body.error("scheduleType", "is required with scheduleData: manual, basic or cron");
            }
            return new String[] {old.map(ConnectionRow::scheduleType).orElse("manual"),
                    old.map(ConnectionRow::scheduleData).orElse(null)};
        }
        ObjectNode given = data.orElseGet(ApiJson.MAPPER::createObjectNode);
        ObjectNode scheduleData = ApiJson.MAPPER.createObjectNode();
        switch (type.get()) {
            case "manual" -> {
                return new String[] {"manual", null};
            }
            case "basic" -> {
                if (!given.path("basicSchedule").isObject()) {
                    body.error("scheduleData.basicSchedule", "is required with scheduleType basic: {timeUnit, units}");
                } else {
                    scheduleData.set("basicSchedule",
                            basic(body, (ObjectNode) given.get("basicSchedule"), "scheduleData.basicSchedule"));
                }
            }
            default -> {
                JsonNode cron = given.path("cron");
                String expression = cron.path("cronExpression").asText("");
                String zone = cron.path("cronTimeZone").asText("UTC");
                try {
                    ZoneId.of(zone);
                } catch (DateTimeException e) {
                    body.error("scheduleData.cron.cronTimeZone", "is not a known time zone: " + zone);
                    zone = "UTC";
                }
                try {
                    SyncSchedule.cron(expression, zone);
                } catch (IllegalArgumentException e) {
                    body.error("scheduleData.cron.cronExpression", expression.isBlank()
                            ? "is required with scheduleType cron" : e.getMessage());
                }
                scheduleData.putObject("cron").put("cronExpression", expression).put("cronTimeZone", zone);
            }
        }
        return new String[] {type.get(), scheduleData.toString()};
    }

    private static ObjectNode basic(Body body, ObjectNode given, String field) {
        String unit = given.path("timeUnit").asText("");
        if (!Enums.TIME_UNITS.contains(unit)) {
            body.error(field + ".timeUnit", "must be one of: " + String.join(", ", Enums.TIME_UNITS));
        }
        JsonNode units = given.get("units");
        if (units == null || !units.canConvertToLong() || units.asLong() < 1) {
            body.error(field + ".units", "must be a whole number >= 1");
        }
        ObjectNode basic = ApiJson.MAPPER.createObjectNode();
        basic.put("timeUnit", unit);
        basic.put("units", units == null ? 0 : units.asLong());
        return basic;
    }

    private Optional<String> operationIds(Body body) {
        JsonNode ids = body.json().get("operationIds");
        if (ids == null || ids.isNull()) {
            return Optional.empty();
        }
        ArrayNode result = ApiJson.MAPPER.createArrayNode();
        if (!ids.isArray()) {
            body.error("operationIds", "must be a list of operation ids");
            return Optional.empty();
        }
        for (JsonNode id : ids) {
            UUID operationId;
            try {
                operationId = UUID.fromString(id.asText());
            } catch (IllegalArgumentException e) {
                body.error("operationIds", "must hold UUIDs");
                return Optional.empty();
            }
            if (operations.find(operationId).isEmpty()) {
                body.error("operationIds", "there is no operation " + operationId);
            }
            result.add(operationId.toString());
        }
        return Optional.of(result.toString());
    }

    /** The catalog to store: the request's streams checked against the source's discovered catalog. */
    ObjectNode catalog(JsonNode requested, ActorRow source, ActorRow destination, List<ConfigError> errors) {
        Catalog discovered;
        try {
            discovered = definitions.source(sources.definition(source)).discover(sources.config(source));
        } catch (ConnectorException e) {
            errors.add(new ConfigError("sourceId", "the source's streams cannot be discovered: " + e.getMessage()));
            return ApiJson.MAPPER.createObjectNode();
        }
        var modes = definitions.spec(destinations.definition(destination)).supportedDestinationSyncModes();
        return new SyncCatalogs(modes).resolve(requested, discovered, errors);
    }
}
