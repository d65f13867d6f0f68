package io.sluice.connectors.duckdb;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.JsonText;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.normalization.NormalizedLayout.TablePlan;
import io.sluice.cdk.normalization.NormalizedLayout;
import io.sluice.cdk.normalization.RowSplitter;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * Loads one stream's row batches into its tables through appenders: the raw table (a JSON document
 * per row) and/or the normalized tables. Appenders open on first use and are closed by
 * {@link #closeSinks()}, which must happen before the transaction ends.
 */
final class StreamLoader {
    private final DuckDbSession session;
    private final String schema;
    private final JsonText.RowWriter rowJson;
    private final Optional<String> rawTable;
    private final UnaryOperator<String> physicalName;
    private final Optional<RowSplitter> typedWriter;
    private final Map<String, TableSink> sinks = new HashMap<>();
    private final Map<TablePlan, TableSink> typedSinks = new IdentityHashMap<>();
    private long rows;

    /**
     * @param rawTable the raw table to load, if raw tables are on
     * @param layout the normalized layout, if normalization is on
     * @param physicalName the table a layout table is loaded into (itself or its staging twin)
     */
    StreamLoader(DuckDbSession session, String schema, RowSchema rowSchema, Optional<String> rawTable,
            Optional<NormalizedLayout> layout, UnaryOperator<String> physicalName) {
        this.session = requireNonNull(session, "session");
        this.schema = requireNonNull(schema, "schema");
        this.rowJson = new JsonText.RowWriter(requireNonNull(rowSchema, "rowSchema"));
        this.rawTable = requireNonNull(rawTable, "rawTable");
        this.physicalName = requireNonNull(physicalName, "physicalName");
        this.typedWriter = layout.map(l -> new RowSplitter(l, (table, values) -> typedSink(table).append(values)));
    }

    void load(List<Object[]> batch) throws SQLException {
        Instant now = Instant.now();
        TableSink raw = rawTable.isPresent() ? sink(rawTable.get(), TableDdl.RAW_COLUMNS) : null;
        Object[] rawValues = new Object[3];
        for (Object[] row : batch) {
            String abId = randomUuid();
            if (raw != null) {
                rawValues[0] = abId;
                rawValues[1] = now;
                rawValues[2] = new JsonDocument(rowJson.write(row));
                raw.append(rawValues);
            }
            if (typedWriter.isPresent()) {
                typedWriter.get().write(row, abId, now, now);
            }
        }
        rows += batch.size();
    }

    /** Rows loaded since the sync started. */
    long rowCount() {
        return rows;
    }

    /** Flushes and closes every open appender; the first failure is thrown after all are tried. */
    void closeSinks() throws SQLException {
        SQLException failure = null;
        for (TableSink sink : new ArrayList<>(sinks.values())) {
            try {
                sink.close();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        sinks.clear();
        typedSinks.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private TableSink typedSink(TablePlan table) throws SQLException {
        TableSink sink = typedSinks.get(table);
        if (sink == null) {
            sink = sink(physicalName.apply(table.name()), TableDdl.columns(table));
            typedSinks.put(table, sink);
        }
        return sink;
    }

    private TableSink sink(String table, List<Map.Entry<String, SqlType>> columns) throws SQLException {
        TableSink sink = sinks.get(table);
        if (sink == null) {
            sink = new TableSink(session, schema, table, columns);
            sinks.put(table, sink);
        }
        return sink;
    }

    /** A version 4 UUID without SecureRandom: ids must be unique, not unguessable. */
    private static String randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
