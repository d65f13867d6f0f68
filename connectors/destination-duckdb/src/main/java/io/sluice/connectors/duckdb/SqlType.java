package io.sluice.connectors.duckdb;

import io.sluice.cdk.ValueType;

/** The DuckDB column types a normalized table uses. */
enum SqlType {
    BIGINT("BIGINT"),
    DOUBLE("DOUBLE"),
    BOOLEAN("BOOLEAN"),
    VARCHAR("VARCHAR"),
    DATE("DATE"),
    TIME("TIME"),
    TIMETZ("TIMETZ"),
    TIMESTAMP("TIMESTAMP"),
    TIMESTAMPTZ("TIMESTAMPTZ"),
    JSON("JSON");

    private final String ddl;

    SqlType(String ddl) {
        this.ddl = ddl;
    }

    String ddl() {
        return ddl;
    }

    /**
     * The type to append for an existing column of DuckDB type {@code dataType} (as
     * {@code information_schema.columns.data_type} spells it); other types take text.
     */
    static SqlType ofColumn(String dataType) {
        return switch (dataType) {
            case "BIGINT", "INTEGER", "SMALLINT", "TINYINT" -> BIGINT;
            case "DOUBLE", "FLOAT", "REAL" -> DOUBLE;
            case "BOOLEAN" -> BOOLEAN;
            case "DATE" -> DATE;
            case "TIME" -> TIME;
            case "TIME WITH TIME ZONE" -> TIMETZ;
            case "TIMESTAMP" -> TIMESTAMP;
            case "TIMESTAMP WITH TIME ZONE" -> TIMESTAMPTZ;
            case "JSON" -> JSON;
            default -> VARCHAR;
        };
    }

    /** The column type of a scalar value type; OBJECT, ARRAY and JSON are stored as JSON. */
    static SqlType of(ValueType type) {
        return switch (type) {
            case STRING -> VARCHAR;
            case INTEGER -> BIGINT;
            case NUMBER -> DOUBLE;
            case BOOLEAN -> BOOLEAN;
            case DATE -> DATE;
            case TIME -> TIME;
            case TIME_TZ -> TIMETZ;
            case TIMESTAMP -> TIMESTAMP;
            case TIMESTAMP_TZ -> TIMESTAMPTZ;
            case OBJECT, ARRAY, JSON -> JSON;
        };
    }
}
