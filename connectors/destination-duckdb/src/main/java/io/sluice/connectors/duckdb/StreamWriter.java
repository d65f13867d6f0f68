package io.sluice.connectors.duckdb;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.normalization.NormalizedLayout;
import io.sluice.cdk.normalization.NormalizedLayout.TablePlan;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.StreamDescriptor;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One stream's part of a sync, by destination sync mode:
 * <ul>
 *   <li>OVERWRITE: everything goes to staging tables, swapped in at the end of input;
 *   <li>APPEND: rows go to the final tables, committed at each checkpoint;
 *   <li>APPEND_DEDUP: raw rows go to the final raw table, typed rows to staging tables merged into
 *       the final ones at each checkpoint ({@link DedupMerge}).
 * </ul>
 * The caller owns the transaction: {@link #prepare} and {@link #finish} run inside one,
 * {@link #beforeCommit} just before each checkpoint's commit; on failure {@link #discardBuffered}
 * runs before the rollback and {@link #dropStaging} after it.
 */
final class StreamWriter {
    private final ConfiguredStream stream;
    private final DestinationSyncMode mode;
    private final TableDdl ddl;
    private final Optional<String> rawTable;
    private final Optional<NormalizedLayout> layout;
    private final Optional<DedupMerge> merge;
    private final StreamLoader loader;
    private long rowsMerged;

    private final boolean softCdcDeletes;

    StreamWriter(DuckDbSession session, DuckDbConfig config, ConfiguredStream stream) {
        this.softCdcDeletes = config.softCdcDeletes();
        this.stream = requireNonNull(stream, "stream");
        this.mode = stream.destinationSyncMode();
        String schema = stream.stream().namespace().map(TableDdl.NAMES::identifier).orElse(config.schema());
        this.ddl = new TableDdl(session, schema);
        RowSchema rowSchema = RowSchema.of(stream.stream().jsonSchema());
        String name = stream.stream().name();
        this.rawTable = config.rawTables() ? Optional.of(TableDdl.NAMES.rawTable(name)) : Optional.empty();
        this.layout = config.normalize()
                ? Optional.of(NormalizedLayout.of(TableDdl.NAMES.identifier(name), rowSchema, TableDdl.NAMES))
                : Optional.empty();
        this.merge = mode == DestinationSyncMode.APPEND_DEDUP
                ? layout.map(l -> dedupMerge(session, l.root(), rowSchema))
                : Optional.empty();
        UnaryOperator<String> typedTarget = mode == DestinationSyncMode.APPEND ? t -> t : TableDdl.NAMES::stagingTable;
        Optional<String> rawTarget = mode == DestinationSyncMode.OVERWRITE
                ? rawTable.map(TableDdl.NAMES::stagingTable)
                : rawTable;
        this.loader = new StreamLoader(session, schema, rowSchema, rawTarget, layout, typedTarget);
    }

    DestinationSyncMode mode() {
        return mode;
    }

    StreamDescriptor descriptor() {
        return stream.descriptor();
    }

    /** Creates the schema and the tables this sync loads into. */
    void prepare() throws SQLException {
        ddl.createSchemaIfMissing();
        switch (mode) {
            case OVERWRITE -> {
                if (rawTable.isPresent()) {
                    ddl.recreate(TableDdl.NAMES.stagingTable(rawTable.get()), TableDdl.RAW_COLUMNS);
                }
                for (TablePlan table : typedTables()) {
                    ddl.recreate(TableDdl.NAMES.stagingTable(table.name()), TableDdl.columns(table));
                }
            }
            case APPEND, APPEND_DEDUP -> {
                if (rawTable.isPresent()) {
                    ddl.ensure(rawTable.get(), TableDdl.RAW_COLUMNS);
                }
                for (TablePlan table : typedTables()) {
                    ddl.ensure(table.name(), TableDdl.columns(table));
                    if (mode == DestinationSyncMode.APPEND_DEDUP) {
                        ddl.recreate(TableDdl.NAMES.stagingTable(table.name()), stagingColumns(table));
                    }
                }
            }
        }
    }

    void load(List<Object[]> rows) throws SQLException {
        loader.load(rows);
    }

    long rowCount() {
        return loader.rowCount();
    }

    /** Makes this stream's rows ready to commit: flushes appenders and, for dedup, merges. */
    void beforeCommit() throws SQLException {
        loader.closeSinks();
        if (merge.isPresent() && loader.rowCount() > rowsMerged) {
            merge.get().run();
            rowsMerged = loader.rowCount();
        }
    }

    /** At the end of input: the last merge, or the overwrite swap; staging tables go away. */
    void finish() throws SQLException {
        beforeCommit();
        switch (mode) {
            case OVERWRITE -> {
                if (rawTable.isPresent()) {
                    ddl.swap(TableDdl.NAMES.stagingTable(rawTable.get()), rawTable.get());
                }
                for (TablePlan table : typedTables()) {
                    ddl.swap(TableDdl.NAMES.stagingTable(table.name()), table.name());
                }
            }
            case APPEND_DEDUP -> dropStaging();
            case APPEND -> { }
        }
    }

    /** Flushes appenders into the open transaction so that its rollback discards their rows. */
    void discardBuffered() throws SQLException {
        loader.closeSinks();
    }

    /** Drops this stream's staging tables (after a rollback, or once merged). */
    void dropStaging() throws SQLException {
        if (mode == DestinationSyncMode.APPEND) {
            return;
        }
        if (mode == DestinationSyncMode.OVERWRITE && rawTable.isPresent()) {
            ddl.drop(TableDdl.NAMES.stagingTable(rawTable.get()));
        }
        for (TablePlan table : typedTables()) {
            ddl.drop(TableDdl.NAMES.stagingTable(table.name()));
        }
    }

    private List<TablePlan> typedTables() {
        return layout.map(l -> l.root().withDescendants()).orElse(List.of());
    }

    private static List<Map.Entry<String, SqlType>> stagingColumns(TablePlan table) {
        List<Map.Entry<String, SqlType>> columns = new ArrayList<>(TableDdl.columns(table));
        if (table.parentHashIdColumn().isEmpty()) {
            columns.add(Map.entry(TableSink.SEQUENCE_COLUMN, SqlType.BIGINT));
        }
        return columns;
    }

    private DedupMerge dedupMerge(DuckDbSession session, TablePlan root, RowSchema rowSchema) {
        List<List<String>> primaryKey = stream.effectivePrimaryKey();
        if (primaryKey.isEmpty()) {
            throw ConnectorException.config("Stream " + stream.descriptor()
                    + " is set to append_dedup but has no primary key");
        }
        List<String> keyColumns = new ArrayList<>();
        for (List<String> path : primaryKey) {
            keyColumns.add(root.columnFor(path, rowSchema).orElseThrow(() -> ConnectorException.config(
                    "Stream " + stream.descriptor() + ": primary key " + path + " is not a column of the stream")));
        }
        Optional<String> cursor = root.columnFor(stream.effectiveCursorField(), rowSchema);
        Optional<String> deletedAt = softCdcDeletes ? Optional.empty()
                : root.columnFor(List.of(DedupMerge.CDC_DELETED_AT), rowSchema);
        return new DedupMerge(session, ddl, root, keyColumns, cursor, deletedAt);
    }
}
