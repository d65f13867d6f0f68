package io.sluice.connectors.postgres.destination;

import io.sluice.cdk.Chunk;
import io.sluice.cdk.RecordInput;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The benchmark table's rows, about 100 bytes each in PostgreSQL: bigint, int, numeric(12,2),
 * text (~45 characters), timestamptz, bool. Generated on the fly in batches, never held whole.
 */
final class BenchRows implements RecordInput {
    static final int BATCH = 10_000;
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final String PAD = "-lorem-ipsum-dolor";

    private final long total;
    private long next;

    BenchRows(long total) {
        this.total = total;
    }

    static ObjectNode schema() {
        return new RowSchema.JsonSchemaBuilder()
                .property("id", ValueType.INTEGER)
                .property("n", ValueType.INTEGER)
                .property("amount", ValueType.NUMBER)
                .property("label", ValueType.STRING)
                .property("ts", ValueType.TIMESTAMP_TZ)
                .property("flag", ValueType.BOOLEAN)
                .build();
    }

    static Object[] row(long i) {
        return new Object[] {i, i % 100_000, BigDecimal.valueOf(i % 100_000_000, 2), "customer-" + i + PAD,
            T0.plusSeconds(i), (i & 1) == 0};
    }

    @Override
    public Optional<Chunk> next() {
        if (next >= total) {
            return Optional.empty();
        }
        int size = (int) Math.min(BATCH, total - next);
        List<Object[]> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            rows.add(row(next++));
        }
        return Optional.of(new Chunk.RowBatch(0, rows));
    }
}
