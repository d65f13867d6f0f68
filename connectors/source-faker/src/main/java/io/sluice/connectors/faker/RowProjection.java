package io.sluice.connectors.faker;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.RowSchema;
import java.util.Arrays;

/**
 * Puts generated rows (in this source's column order) into the column order of the configured
 * stream's schema, which may list fewer columns or list them in another order. When the orders
 * match, rows pass through untouched.
 */
final class RowProjection {
    private final int[] sourceIndexes;

    private RowProjection(int[] sourceIndexes) {
        this.sourceIndexes = sourceIndexes;
    }

    static RowProjection between(RowSchema generated, JsonNode configuredSchema) {
        RowSchema configured = RowSchema.of(configuredSchema);
        int[] indexes = new int[configured.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = generated.indexOf(configured.column(i).name()).orElse(-1);
        }
        boolean identity = indexes.length == generated.size();
        for (int i = 0; identity && i < indexes.length; i++) {
            identity = indexes[i] == i;
        }
        return new RowProjection(identity ? null : indexes);
    }

    Object[] apply(Object[] row) {
        if (sourceIndexes == null) {
            return row;
        }
        Object[] projected = new Object[sourceIndexes.length];
        for (int i = 0; i < sourceIndexes.length; i++) {
            projected[i] = sourceIndexes[i] < 0 ? null : row[sourceIndexes[i]];
        }
        return projected;
    }

    @Override
    public String toString() {
        return sourceIndexes == null ? "identity" : Arrays.toString(sourceIndexes);
    }
}
