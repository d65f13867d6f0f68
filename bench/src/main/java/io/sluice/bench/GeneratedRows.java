package io.sluice.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import java.time.Instant;
import java.time.LocalDate;

/** A flat 10-column table of synthetic rows, the same for the baseline and for Sluice. */
final class GeneratedRows {
    static final ObjectNode SCHEMA = new RowSchema.JsonSchemaBuilder()
            .property("id", ValueType.INTEGER).property("customer_id", ValueType.INTEGER)
            .property("amount", ValueType.NUMBER).property("name", ValueType.STRING)
            .property("email", ValueType.STRING).property("active", ValueType.BOOLEAN)
            .property("created_on", ValueType.DATE).property("updated_at", ValueType.TIMESTAMP_TZ)
            .property("score", ValueType.NUMBER).property("country", ValueType.STRING)
            .build();

    static final String DDL = "CREATE TABLE events (id BIGINT, customer_id BIGINT, amount DOUBLE, name VARCHAR, "
            + "email VARCHAR, active BOOLEAN, created_on DATE, updated_at TIMESTAMPTZ, score DOUBLE, country VARCHAR)";

    private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2024, 1, 1);
    private static final String[] COUNTRIES = {"DE", "FR", "US", "BR", "JP", "IN", "NG", "SE"};

    private GeneratedRows() {}

    static Object[] row(long id) {
        return new Object[] {id, id % 10_000, (id % 100_000) * 0.25, "customer name " + id,
            "user" + id + "@example.com", id % 3 != 0, DAY.plusDays(id % 1000), BASE.plusSeconds(id),
            (id % 977) / 7.0, COUNTRIES[(int) (id % COUNTRIES.length)]};
    }
}
