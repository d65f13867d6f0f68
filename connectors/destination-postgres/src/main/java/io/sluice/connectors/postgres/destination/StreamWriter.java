package io.sluice.connectors.postgres.destination;

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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One stream's part of a sync, by destination sync mode:
 * <ul>
 *   <li>OVERWRITE: everything goes to staging tables, swapped in at the end of input;
 *   <li>APPEND: rows go to the final tables, committed at checkpoints;
 *   <li>APPEND_DEDUP: raw rows go to the final raw table, typed rows to staging tables merged into
 *       the final ones before each commit ({@link DedupMerge}).
 * </ul>
 * Staging tables may be loaded through another sink than the session ({@link ParallelCopy}).
 * The caller owns the transaction: {@link #prepare} and {@link #finish} run inside one; before each
 * commit the caller runs {@link #flush}, makes the staging sink's rows visible, then runs
 * {@link #beforeCommit} (and {@link #finish} at the end); on failure {@link #discard} runs before the
 * rollback and {@link #dropStaging} after it.
 */
final class StreamWriter {
    private final PgSession session;
    private final CopySink stagingSink;
    private final PostgresConfig config;
    private final ConfiguredStream stream;
    private final DestinationSyncMode mode;
    private final TableDdl ddl;
    private final RowSchema rowSchema;
    private final Optional<String> rawTable;
    private final Optional<NormalizedLayout> layout;
    private final StreamLoader loader;
    private final Map<TablePlan, List<PgColumn>> effectiveColumns = new IdentityHashMap<>();
    private Optional<DedupMerge> merge = Optional.empty();

    StreamWriter(PgSession session, CopySink stagingSink, PostgresConfig config, ConfiguredStream stream,
            String schema, Optional<String> rawTable, Optional<NormalizedLayout> layout) {
        this.session = requireNonNull(session, "session");
        this.stagingSink = requireNonNull(stagingSink, "stagingSink");
        this.config = requireNonNull(config, "config");
        this.stream = requireNonNull(stream, "stream");
        this.mode = stream.destinationSyncMode();
        this.ddl = new TableDdl(session, schema);
        this.rowSchema = RowSchema.of(stream.stream().jsonSchema());
        this.rawTable = requireNonNull(rawTable, "rawTable");
        this.layout = requireNonNull(layout, "layout");
        this.loader = new StreamLoader(rowSchema, rawTable.isPresent(), layout);
        if (mode == DestinationSyncMode.APPEND_DEDUP && layout.isPresent() && stream.effectivePrimaryKey().isEmpty()) {
            throw ConnectorException.config("Stream " + stream.descriptor()
                    + " is set to append_dedup but has no primary key");
        }
    }

    DestinationSyncMode mode() {
        return mode;
    }

    StreamDescriptor descriptor() {
        return stream.descriptor();
    }

    /** Creates the schema and the tables this sync loads into, then the copies into them. */
    void prepare() throws SQLException {
        ddl.createSchemaIfMissing();
        switch (mode) {
            case OVERWRITE -> {
                if (rawTable.isPresent()) {
                    ddl.recreate(staging(rawTable.get()), TableDdl.RAW_COLUMNS, false);
                }
                for (TablePlan table : typedTables()) {
                    ddl.recreate(staging(table.name()), TableDdl.columns(table), false);
                    effectiveColumns.put(table, TableDdl.columns(table));
                }
            }
            case APPEND, APPEND_DEDUP -> {
                if (rawTable.isPresent()) {
                    ddl.ensure(rawTable.get(), TableDdl.RAW_COLUMNS);
                }
                for (TablePlan table : typedTables()) {
                    List<PgColumn> effective = ddl.ensure(table.name(), TableDdl.columns(table));
                    effectiveColumns.put(table, effective);
                    if (mode == DestinationSyncMode.APPEND_DEDUP) {
                        ddl.recreate(staging(table.name()), effective, table.parentHashIdColumn().isEmpty());
                    }
                }
                if (mode == DestinationSyncMode.APPEND_DEDUP && layout.isPresent()) {
                    merge = Optional.of(dedupMerge(layout.get().root()));
                }
            }
        }
        loader.open(new StreamLoader.Targets() {
            @Override
            public TableCopy raw() {
                if (mode == DestinationSyncMode.OVERWRITE) {
                    return new TableCopy(stagingSink, ddl.schema(), staging(rawTable.get()), TableDdl.RAW_COLUMNS,
                            false, config.copyFormat());
                }
                return new TableCopy(session, ddl.schema(), rawTable.get(), TableDdl.RAW_COLUMNS, false,
                        config.copyFormat());
            }

            @Override
            public TableCopy typed(TablePlan table) {
                String target = mode == DestinationSyncMode.APPEND ? table.name() : staging(table.name());
                boolean sequenced = mode == DestinationSyncMode.APPEND_DEDUP && table.parentHashIdColumn().isEmpty();
                return new TableCopy(mode == DestinationSyncMode.APPEND ? session : stagingSink, ddl.schema(),
                        target, effectiveColumns.get(table), sequenced, config.copyFormat());
            }
        });
    }

    void load(List<Object[]> rows) throws SQLException {
        loader.load(rows);
    }

    long rowCount() {
        return loader.rowCount();
    }

    /** Sends every buffered row to its sink. */
    void flush() throws SQLException {
        loader.flush();
    }

    /** Runs after {@link #flush}, once staged rows are visible: for dedup, merges them. */
    void beforeCommit() throws SQLException {
        if (merge.isPresent()) {
            merge.get().run();
        }
    }

    /** At the end of input: the last merge, or the overwrite swap; staging tables go away. */
    void finish() throws SQLException {
        beforeCommit();
        switch (mode) {
            case OVERWRITE -> {
                if (rawTable.isPresent()) {
                    ddl.swap(staging(rawTable.get()), rawTable.get());
                }
                for (TablePlan table : typedTables()) {
                    ddl.swap(staging(table.name()), table.name());
                }
            }
            case APPEND_DEDUP -> dropStaging();
            case APPEND -> { }
        }
    }

    /** Forgets rows not yet sent (before a rollback). */
    void discard() {
        loader.discard();
    }

    /** Drops this stream's staging tables (after a rollback, or once merged). */
    void dropStaging() throws SQLException {
        if (mode == DestinationSyncMode.APPEND) {
            return;
        }
        if (mode == DestinationSyncMode.OVERWRITE && rawTable.isPresent()) {
            ddl.drop(staging(rawTable.get()));
        }
        for (TablePlan table : typedTables()) {
            ddl.drop(staging(table.name()));
        }
    }

    private static String staging(String table) {
        return PostgresConfig.NAMES.stagingTable(table);
    }

    private List<TablePlan> typedTables() {
        return layout.map(l -> l.root().withDescendants()).orElse(List.of());
    }

    private DedupMerge dedupMerge(TablePlan root) throws SQLException {
        List<String> keyColumns = new ArrayList<>();
        for (List<String> path : stream.effectivePrimaryKey()) {
            keyColumns.add(root.columnFor(path, rowSchema).orElseThrow(() -> ConnectorException.config(
                    "Stream " + stream.descriptor() + ": primary key " + path + " is not a column of the stream")));
        }
        ddl.ensureIndex(root.name(), keyColumns);
        for (TablePlan table : root.withDescendants().subList(1, root.withDescendants().size())) {
            ddl.ensureIndex(table.name(), List.of(table.parentHashIdColumn().orElseThrow()));
        }
        Optional<String> cursor = root.columnFor(stream.effectiveCursorField(), rowSchema);
        Optional<String> deletedAt = config.softCdcDeletes() ? Optional.empty()
                : root.columnFor(List.of(DedupMerge.CDC_DELETED_AT), rowSchema);
        return new DedupMerge(session, ddl, root, keyColumns, cursor, deletedAt);
    }
}
