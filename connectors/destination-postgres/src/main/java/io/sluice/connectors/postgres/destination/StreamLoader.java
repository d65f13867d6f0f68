package io.sluice.connectors.postgres.destination;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.JsonText;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.normalization.NormalizedLayout.TablePlan;
import io.sluice.cdk.normalization.NormalizedLayout;
import io.sluice.cdk.normalization.RowSplitter;
import java.sql.SQLException;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loads one stream's row batches into its tables through COPY: the raw table (a JSON document per
 * row) and/or the normalized tables. The copies are built by {@link #open} once the tables exist
 * (their column types come from the tables) and stay for the whole sync; {@link #flush} sends
 * what they buffer before a commit.
 */
final class StreamLoader {
    /** Where a table's rows go: the copy into the table (final or staging) that the mode loads. */
    interface Targets {
        TableCopy raw() throws SQLException;

        TableCopy typed(TablePlan table) throws SQLException;
    }

    private final JsonText.RowWriter rowJson;
    private final boolean raw;
    private final Optional<NormalizedLayout> layout;
    private final Object[] rawValues = new Object[3];
    private TableCopy rawCopy;
    private RowSplitter splitter;
    private final Map<TablePlan, TableCopy> typedCopies = new IdentityHashMap<>();
    private long rows;

    StreamLoader(RowSchema rowSchema, boolean raw, Optional<NormalizedLayout> layout) {
        this.rowJson = new JsonText.RowWriter(requireNonNull(rowSchema, "rowSchema"));
        this.raw = raw;
        this.layout = requireNonNull(layout, "layout");
    }

    /** Builds the copies; called once the tables exist. */
    void open(Targets targets) throws SQLException {
        if (raw) {
            rawCopy = targets.raw();
        }
        if (layout.isPresent()) {
            for (TablePlan table : layout.get().root().withDescendants()) {
                typedCopies.put(table, targets.typed(table));
            }
            splitter = new RowSplitter(layout.get(), (table, values) -> typedCopies.get(table).append(values));
        }
    }

    void load(List<Object[]> batch) throws SQLException {
        Instant now = Instant.now();
        for (Object[] row : batch) {
            UUID abId = randomUuid();
            if (rawCopy != null) {
                rawValues[0] = abId;
                rawValues[1] = now;
                rawValues[2] = new PgValues.JsonDocument(rowJson.write(row));
                rawCopy.append(rawValues);
            }
            if (splitter != null) {
                splitter.write(row, abId, now, now);
            }
        }
        rows += batch.size();
    }

    /** Rows loaded since the sync started. */
    long rowCount() {
        return rows;
    }

    /** Sends every buffered row to the server (the session ends the COPY before its next statement). */
    void flush() throws SQLException {
        if (rawCopy != null) {
            rawCopy.close();
        }
        for (TableCopy copy : typedCopies.values()) {
            copy.close();
        }
    }

    /** Forgets buffered rows (the failure path). */
    void discard() {
        if (rawCopy != null) {
            rawCopy.discard();
        }
        typedCopies.values().forEach(TableCopy::discard);
    }

    /** A version 4 UUID without SecureRandom: ids must be unique, not unguessable. Stored as text. */
    private static UUID randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
