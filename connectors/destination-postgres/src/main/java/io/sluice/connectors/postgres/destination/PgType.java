package io.sluice.connectors.postgres.destination;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.ValueType;
import io.sluice.cdk.normalization.NormalizedLayout;
import java.util.Optional;

/**
 * The PostgreSQL column types Sluice writes, with the name {@code pg_type.typname} gives them. A
 * JSON {@code number} becomes {@code numeric} (exact: BigDecimal values keep every digit) unless
 * its schema says it is a float ({@code airbyte_type} or {@code format} {@code float}/{@code double}),
 * which becomes {@code float8}. Types Sluice does not know ({@link #OTHER}) can be loaded in
 * COPY's text format only.
 */
enum PgType {
    INT8("int8"),
    INT4("int4"),
    INT2("int2"),
    NUMERIC("numeric"),
    FLOAT8("float8"),
    FLOAT4("float4"),
    BOOL("bool"),
    TEXT("text"),
    VARCHAR("varchar"),
    DATE("date"),
    TIME("time"),
    TIMETZ("timetz"),
    TIMESTAMP("timestamp"),
    TIMESTAMPTZ("timestamptz"),
    JSONB("jsonb"),
    JSON("json"),
    UUID("uuid"),
    OTHER("text");

    private final String typname;

    PgType(String typname) {
        this.typname = typname;
    }

    /** The type as DDL writes it. */
    String ddl() {
        return typname;
    }

    /** Whether Sluice can send this type in COPY's binary format. */
    boolean binary() {
        return this != OTHER;
    }

    /** The type of a normalized column. */
    static PgType of(NormalizedLayout.Column column) {
        return of(column.type(), column.schema());
    }

    static PgType of(ValueType type, JsonNode schema) {
        return switch (type) {
            case STRING -> TEXT;
            case INTEGER -> INT8;
            case NUMBER -> isFloat(schema) ? FLOAT8 : NUMERIC;
            case BOOLEAN -> BOOL;
            case DATE -> DATE;
            case TIME -> TIME;
            case TIME_TZ -> TIMETZ;
            case TIMESTAMP -> TIMESTAMP;
            case TIMESTAMP_TZ -> TIMESTAMPTZ;
            case OBJECT, ARRAY, JSON -> JSONB;
        };
    }

    private static boolean isFloat(JsonNode schema) {
        String airbyteType = schema.path("airbyte_type").asText("");
        String format = schema.path("format").asText("");
        return airbyteType.equals("float") || airbyteType.equals("double")
                || format.equals("float") || format.equals("double");
    }

    /** The type of an existing column by its {@code udt_name}; unknown names are {@link #OTHER}. */
    static PgType ofTypname(String typname) {
        return byName(typname).orElse(OTHER);
    }

    private static Optional<PgType> byName(String typname) {
        for (PgType type : values()) {
            if (type != OTHER && type.typname.equals(typname)) {
                return Optional.of(type);
            }
        }
        return switch (typname) {
            case "bpchar" -> Optional.of(TEXT);
            default -> Optional.empty();
        };
    }
}
