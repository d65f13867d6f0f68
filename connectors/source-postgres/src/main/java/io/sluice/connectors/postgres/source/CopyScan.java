package io.sluice.connectors.postgres.source;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.SyncCancelledException;
import io.sluice.cdk.jdbc.InterruptWatch;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.core.BaseConnection;
import org.postgresql.copy.CopyOut;

/**
 * A scan through {@code COPY (SELECT ...) TO STDOUT (FORMAT binary)}, decoded by hand
 * ({@link BinaryField}); types without a binary decoder are selected as {@code ::text}. The server
 * streams without round trips, and no text is parsed for numbers and timestamps.
 */
final class CopyScan implements TableScan {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    private final StreamPlan plan;
    private final BinaryField[] fields;
    private final String selectList;

    private CopyScan(StreamPlan plan, BinaryField[] fields, String selectList) {
        this.plan = requireNonNull(plan, "plan");
        this.fields = fields;
        this.selectList = selectList;
    }

    /** A COPY scan of the plan's columns, or empty when a column has a type it cannot decode. */
    static Optional<CopyScan> of(StreamPlan plan) {
        List<BinaryField> fields = new ArrayList<>();
        List<String> select = new ArrayList<>();
        for (PgTable.PgColumn column : plan.columns()) {
            Optional<BinaryField.Choice> choice = BinaryField.of(column.type());
            if (choice.isEmpty()) {
                return Optional.empty();
            }
            fields.add(choice.get().field());
            select.add(choice.get().expression().formatted(PgTable.quote(column.name())));
        }
        return Optional.of(new CopyScan(plan, fields.toArray(BinaryField[]::new), String.join(", ", select)));
    }

    @Override
    public void scan(Connection connection, String condition, RowSink sink) throws SQLException {
        BaseConnection pg = connection.unwrap(BaseConnection.class);
        String sql = "COPY (SELECT " + selectList + " FROM " + plan.table().qualifiedName()
                + (condition.isEmpty() ? "" : " WHERE " + condition) + ") TO STDOUT (FORMAT binary)";
        CopyOut copy = pg.getCopyAPI().copyOut(sql);
        try (InterruptWatch watch = InterruptWatch.watch(pg::cancelQuery)) {
            try {
                decode(new CopyInput(copy), sink);
            } catch (SQLException e) {
                if (watch.cancelled() || Thread.currentThread().isInterrupted()) {
                    throw new SyncCancelledException();
                }
                throw e;
            }
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private void decode(CopyInput in, RowSink sink) throws SQLException {
        for (byte expected : SIGNATURE) {
            if ((byte) in.readByte() != expected) {
                throw new SQLException("the COPY output does not start with the binary signature");
            }
        }
        in.readInt();
        in.skip(in.readInt());
        BinaryField[] f = fields;
        while (true) {
            short count = in.readShort();
            if (count == -1) {
                break;
            }
            if (count != f.length) {
                throw new SQLException("a COPY row has " + count + " fields, expected " + f.length);
            }
            Object[] row = new Object[count];
            for (int i = 0; i < count; i++) {
                int length = in.readInt();
                row[i] = length < 0 ? null : f[i].decode(in, length);
            }
            sink.accept(row);
        }
        while (in.hasMore()) {
            in.skip(1);
        }
    }
}
