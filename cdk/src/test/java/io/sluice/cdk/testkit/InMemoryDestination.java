package io.sluice.cdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.Chunk;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConfigValidator;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Destination;
import io.sluice.cdk.RecordInput;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.StateAcknowledger;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectorSpecification;
import io.sluice.protocol.DestinationSyncMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A destination that keeps tables in a {@link Store}, following the write contract: rows before
 * a checkpoint are committed, then the state is acknowledged; OVERWRITE swaps at the end;
 * APPEND_DEDUP keeps the row with the greatest cursor per primary key; a failed input drops what
 * was not committed and rethrows. Config: {@code {"location": "..."}}; tables are named
 * {@code <namespace or "default">.<stream>}.
 */
public final class InMemoryDestination implements Destination {
    private static final ObjectNode SPEC_SCHEMA = specSchema();
    private final Store store;

    public InMemoryDestination(Store store) {
        this.store = store;
    }

    /** Where the tables live: location -> table -> rows (column -> value). Thread-safe. */
    public static final class Store {
        private final Map<String, Map<String, List<Map<String, Object>>>> locations = new HashMap<>();

        /** A copy of a table's rows; empty when the table does not exist. */
        public synchronized List<Map<String, Object>> table(String location, String namespace, String stream) {
            return List.copyOf(tables(location).getOrDefault(tableName(namespace, stream), List.of()));
        }

        synchronized void apply(String location, Map<String, List<Map<String, Object>>> replaced,
                Map<String, List<Map<String, Object>>> appended, Map<String, DedupTarget> deduped) {
            Map<String, List<Map<String, Object>>> tables = tables(location);
            replaced.forEach((table, rows) -> tables.put(table, new ArrayList<>(rows)));
            appended.forEach((table, rows) -> tables.computeIfAbsent(table, t -> new ArrayList<>()).addAll(rows));
            deduped.forEach((table, target) -> tables.put(table,
                    target.merge(tables.getOrDefault(table, List.of()))));
        }

        private Map<String, List<Map<String, Object>>> tables(String location) {
            return locations.computeIfAbsent(location, l -> new HashMap<>());
        }
    }

    /** Rows waiting for an APPEND_DEDUP merge, with the key and cursor columns. */
    record DedupTarget(List<String> key, String cursor, List<Map<String, Object>> rows) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<Map<String, Object>> merge(List<Map<String, Object>> existing) {
            Map<List<Object>, Map<String, Object>> byKey = new LinkedHashMap<>();
            for (Map<String, Object> row : concat(existing, rows)) {
                List<Object> k = key.stream().map(row::get).toList();
                Map<String, Object> current = byKey.get(k);
                Comparable newer = (Comparable) row.get(cursor);
                Object older = current == null ? null : current.get(cursor);
                if (current == null || older == null || newer != null && newer.compareTo(older) >= 0) {
                    byKey.put(k, row);
                }
            }
            return new ArrayList<>(byKey.values());
        }

        private static List<Map<String, Object>> concat(List<Map<String, Object>> a, List<Map<String, Object>> b) {
            List<Map<String, Object>> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }
    }

    static String tableName(String namespace, String stream) {
        return (namespace == null ? "default" : namespace) + "." + stream;
    }

    @Override
    public String name() {
        return "destination-in-memory";
    }

    @Override
    public ConnectorSpecification spec() {
        return ConnectorSpecification.ofDestination(null, SPEC_SCHEMA.deepCopy(),
                List.of(DestinationSyncMode.OVERWRITE, DestinationSyncMode.APPEND, DestinationSyncMode.APPEND_DEDUP),
                false);
    }

    @Override
    public ConnectionStatus check(JsonNode config) {
        List<ConfigError> errors = ConfigValidator.validate(SPEC_SCHEMA, config);
        return errors.isEmpty()
                ? ConnectionStatus.succeeded()
                : ConnectionStatus.failed(errors.stream().map(ConfigError::toString).collect(Collectors.joining("; ")));
    }

    @Override
    public void write(JsonNode config, ConfiguredCatalog catalog, RecordInput input, StateAcknowledger acknowledger) {
        List<ConfigError> errors = ConfigValidator.validate(SPEC_SCHEMA, config);
        if (!errors.isEmpty()) {
            throw ConnectorException.config(errors.getFirst().toString());
        }
        String location = config.get("location").asText();
        List<RowSchema> schemas = catalog.streams().stream().map(s -> RowSchema.of(s.stream().jsonSchema())).toList();
        Map<String, List<Map<String, Object>>> staging = new HashMap<>();
        Map<Integer, List<Map<String, Object>>> pending = new HashMap<>();
        for (Optional<Chunk> chunk = input.next(); chunk.isPresent(); chunk = input.next()) {
            switch (chunk.get()) {
                case Chunk.RowBatch batch -> {
                    List<Map<String, Object>> rows = pending.computeIfAbsent(batch.streamIndex(), i -> new ArrayList<>());
                    batch.rows().forEach(row -> rows.add(asMap(schemas.get(batch.streamIndex()), row)));
                }
                case Chunk.Checkpoint checkpoint -> {
                    commit(location, catalog, pending, staging, false);
                    acknowledger.acknowledge(checkpoint.state());
                }
            }
        }
        commit(location, catalog, pending, staging, true);
    }

    private void commit(String location, ConfiguredCatalog catalog, Map<Integer, List<Map<String, Object>>> pending,
            Map<String, List<Map<String, Object>>> staging, boolean end) {
        Map<String, List<Map<String, Object>>> replaced = new HashMap<>();
        Map<String, List<Map<String, Object>>> appended = new HashMap<>();
        Map<String, DedupTarget> deduped = new HashMap<>();
        for (int index = 0; index < catalog.streams().size(); index++) {
            ConfiguredStream stream = catalog.streams().get(index);
            String table = tableName(stream.stream().namespace().orElse(null), stream.stream().name());
            List<Map<String, Object>> rows = pending.getOrDefault(index, List.of());
            switch (stream.destinationSyncMode()) {
                case OVERWRITE -> {
                    staging.computeIfAbsent(table, t -> new ArrayList<>()).addAll(rows);
                    if (end) {
                        replaced.put(table, staging.get(table));
                    }
                }
                case APPEND -> appended.put(table, rows);
                case APPEND_DEDUP -> deduped.put(table, new DedupTarget(
                        stream.effectivePrimaryKey().stream().map(List::getFirst).toList(),
                        stream.effectiveCursorField().getFirst(), rows));
            }
        }
        store.apply(location, replaced, appended, deduped);
        pending.clear();
    }

    private static Map<String, Object> asMap(RowSchema schema, Object[] row) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < schema.size(); i++) {
            map.put(schema.column(i).name(), row[i]);
        }
        return map;
    }

    private static ObjectNode specSchema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("type", "object");
        schema.putArray("required").add("location");
        schema.putObject("properties").putObject("location").put("type", "string").put("minLength", 1);
        return schema;
    }
}
