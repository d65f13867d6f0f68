package io.sluice.connectors.postgres.destination;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.Chunk;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.RecordInput;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.StateAcknowledger;
import io.sluice.cdk.normalization.NormalizedLayout;
import io.sluice.cdk.normalization.UniqueNames;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StreamDescriptor;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code write} call: reads chunks, loads rows, commits at checkpoints and acknowledges their
 * states, and at the end swaps/merges and commits once more. A commit (with its dedup merges) costs
 * far more than a row, so a checkpoint commits only once {@link CommitPolicy} says enough rows or
 * time have gone by; the states in between wait and are acknowledged, in order, after the next
 * commit. A state that covers an OVERWRITE stream is acknowledged only after the swap; states keep
 * their order, so later states wait behind it, and while such a state heads the queue checkpoints
 * do not commit at all (the commit would acknowledge nothing and only stall the COPY). Table names are allocated per schema in catalog
 * order (all stream tables first, then child tables), so that no two tables share a name.
 */
final class SyncRun {
    private static final Logger LOG = LoggerFactory.getLogger(SyncRun.class);

    /** Extra connections that load staging tables (OVERWRITE and dedup) in parallel. */
    static final int STAGING_CONNECTIONS = 2;

    private final PgSession session;
    private final Optional<ParallelCopy> parallel;
    private final List<StreamWriter> writers = new ArrayList<>();
    private final Set<StreamDescriptor> overwriteStreams;
    private final StateAcknowledger acknowledger;
    private final Deque<StateMessage> waiting = new ArrayDeque<>();
    private final CommitPolicy policy;
    private long rowsSinceCommit;
    private long lastCommitNanos = System.nanoTime();

    SyncRun(PgSession session, PostgresConfig config, ConfiguredCatalog catalog, StateAcknowledger acknowledger,
            CommitPolicy policy) {
        this.session = requireNonNull(session, "session");
        this.policy = requireNonNull(policy, "policy");
        this.acknowledger = requireNonNull(acknowledger, "acknowledger");
        this.parallel = usesStaging(config, catalog) ? openParallel(config) : Optional.empty();
        try {
            addWriters(config, catalog, parallel.<CopySink>map(p -> p).orElse(session));
        } catch (RuntimeException e) {
            closeParallel();
            throw e;
        }
        this.overwriteStreams = writers.stream()
                .filter(w -> w.mode() == DestinationSyncMode.OVERWRITE)
                .map(StreamWriter::descriptor)
                .collect(Collectors.toSet());
    }

    private void addWriters(PostgresConfig config, ConfiguredCatalog catalog, CopySink stagingSink) {
        Map<String, UniqueNames> scopes = new HashMap<>();
        List<String> schemas = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        List<Optional<String>> raws = new ArrayList<>();
        for (ConfiguredStream stream : catalog.streams()) {
            String schema = stream.stream().namespace().map(PostgresConfig.NAMES::identifier).orElse(config.schema());
            UniqueNames scope = scopes.computeIfAbsent(schema, s -> new UniqueNames(PostgresConfig.NAMES));
            String name = stream.stream().name();
            schemas.add(schema);
            tables.add(scope.allocate(name));
            raws.add(config.rawTables() ? Optional.of(scope.allocate("_airbyte_raw_" + name)) : Optional.empty());
        }
        for (int i = 0; i < catalog.streams().size(); i++) {
            ConfiguredStream stream = catalog.streams().get(i);
            Optional<NormalizedLayout> layout = config.normalize()
                    ? Optional.of(NormalizedLayout.of(tables.get(i), RowSchema.of(stream.stream().jsonSchema()),
                            PostgresConfig.NAMES, scopes.get(schemas.get(i))))
                    : Optional.empty();
            writers.add(new StreamWriter(session, stagingSink, config, stream, schemas.get(i), raws.get(i), layout));
        }
    }

    private static boolean usesStaging(PostgresConfig config, ConfiguredCatalog catalog) {
        return catalog.streams().stream().anyMatch(s -> s.destinationSyncMode() == DestinationSyncMode.OVERWRITE
                || (s.destinationSyncMode() == DestinationSyncMode.APPEND_DEDUP && config.normalize()));
    }

    /** The parallel staging connections, or none (all on the main one) when they cannot be opened. */
    private static Optional<ParallelCopy> openParallel(PostgresConfig config) {
        try {
            return Optional.of(ParallelCopy.open(config, STAGING_CONNECTIONS));
        } catch (SQLException e) {
            LOG.warn("Could not open {} extra connections for loading staging tables, loading them on one: {}",
                    STAGING_CONNECTIONS, PostgresErrors.plain(e));
            return Optional.empty();
        }
    }

    void run(RecordInput input) {
        try {
            for (StreamWriter writer : writers) {
                writer.prepare();
            }
            session.commit();
            for (Optional<Chunk> next = input.next(); next.isPresent(); next = input.next()) {
                switch (next.get()) {
                    case Chunk.RowBatch batch -> {
                        writer(batch.streamIndex()).load(batch.rows());
                        rowsSinceCommit += batch.rows().size();
                    }
                    case Chunk.Checkpoint checkpoint -> checkpoint(checkpoint.state());
                }
            }
            flushAll();
            for (StreamWriter writer : writers) {
                writer.finish();
            }
            session.commit();
            closeParallel();
            waiting.forEach(acknowledger::acknowledge);
            waiting.clear();
            LOG.info("PostgreSQL write finished: {} rows in {} streams",
                    writers.stream().mapToLong(StreamWriter::rowCount).sum(), writers.size());
        } catch (SQLException e) {
            abort();
            throw PostgresErrors.classify("PostgreSQL could not store the data", e);
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
    }

    private StreamWriter writer(int streamIndex) {
        if (streamIndex < 0 || streamIndex >= writers.size()) {
            throw ConnectorException.system("Row batch for unknown stream index " + streamIndex, null);
        }
        return writers.get(streamIndex);
    }

    private void checkpoint(StateMessage state) throws SQLException {
        waiting.add(state);
        if (!policy.commitNow(rowsSinceCommit, System.nanoTime() - lastCommitNanos) || needsSwap(waiting.peekFirst())) {
            // A commit now would acknowledge nothing: the oldest waiting state covers an OVERWRITE
            // stream, and states are acknowledged in order, so everything waits for the swap anyway.
            return;
        }
        flushAll();
        for (StreamWriter writer : writers) {
            writer.beforeCommit();
        }
        session.commit();
        rowsSinceCommit = 0;
        lastCommitNanos = System.nanoTime();
        while (!waiting.isEmpty() && !needsSwap(waiting.peekFirst())) {
            acknowledger.acknowledge(waiting.removeFirst());
        }
    }

    /** Sends every buffered row; rows loaded in parallel are committed (and so visible to merges and swaps). */
    private void flushAll() throws SQLException {
        for (StreamWriter writer : writers) {
            writer.flush();
        }
        if (parallel.isPresent()) {
            parallel.get().commit();
        }
    }

    private void closeParallel() {
        parallel.ifPresent(ParallelCopy::close);
    }

    private boolean needsSwap(StateMessage state) {
        if (overwriteStreams.isEmpty()) {
            return false;
        }
        return switch (state.type()) {
            case STREAM -> overwriteStreams.contains(state.stream().orElseThrow().streamDescriptor());
            case GLOBAL, LEGACY -> true;
        };
    }

    /** Discards everything not committed and drops staging tables; never throws. */
    private void abort() {
        writers.forEach(StreamWriter::discard);
        closeParallel();
        session.rollbackQuietly();
        for (StreamWriter writer : writers) {
            try {
                writer.dropStaging();
            } catch (SQLException | RuntimeException e) {
                LOG.warn("Could not drop a staging table: {}", e.getMessage());
            }
        }
        try {
            session.commit();
        } catch (SQLException e) {
            LOG.warn("Could not commit the staging clean-up: {}", e.getMessage());
            session.rollbackQuietly();
        }
    }
}
