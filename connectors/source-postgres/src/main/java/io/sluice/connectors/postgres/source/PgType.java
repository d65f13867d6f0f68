package io.sluice.connectors.postgres.source;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.JsonSchemas;
import io.sluice.cdk.ValueType;
import io.sluice.cdk.jdbc.ColumnReader;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A column's PostgreSQL type (a domain already resolved to its base type) and how Sluice reads it.
 *
 * @param name the base type's name ({@code int4}, {@code timestamptz}, {@code _text}, an enum's name)
 * @param element for arrays, the element type's name
 * @param sqlType the declared type as SQL ({@code numeric(12,2)}), for casts
 */
record PgType(String name, Optional<String> element, String sqlType) {

    PgType {
        requireNonNull(name, "name");
        requireNonNull(element, "element");
        requireNonNull(sqlType, "sqlType");
    }

    /** Array element types read as values; arrays of any other element type are read as text arrays. */
    static final Set<String> VALUE_ELEMENTS = Set.of("int2", "int4", "int8", "float4", "float8", "numeric", "bool",
            "text", "varchar", "bpchar", "name", "uuid", "bytea", "date", "timestamp", "timestamptz");

    boolean isArray() {
        return element.isPresent();
    }

    /** Whether this is an array read as {@code text[]} (elements in their output function's text). */
    boolean isTextArray() {
        return element.isPresent() && !VALUE_ELEMENTS.contains(element.get());
    }

    /** How a SELECT reads the column, given its quoted name. */
    String selectExpression(String quotedName) {
        return isTextArray() ? quotedName + "::text[]" : quotedName;
    }

    ValueType valueType() {
        return isArray() ? ValueType.ARRAY : scalarType(name);
    }

    /** The property schema in the stream's JSON schema. */
    ObjectNode jsonSchema() {
        if (isTextArray()) {
            return JsonSchemas.arrayOf(JsonSchemas.of(ValueType.STRING));
        }
        if (isArray()) {
            return JsonSchemas.arrayOf(scalarSchema(element.get()));
        }
        return scalarSchema(name);
    }

    /** The reader chosen once for the column. */
    ColumnReader reader() {
        if (isArray()) {
            return ColumnReader.lists(isTextArray() ? Object::toString : elementConverter(element.get()));
        }
        return switch (name) {
            case "int2", "int4", "int8", "oid" -> ColumnReader.longs();
            case "float4", "float8" -> ColumnReader.doubles();
            case "numeric" -> ColumnReader.decimals();
            case "bool" -> ColumnReader.booleans();
            case "date" -> ColumnReader.objects(LocalDate.class);
            case "time" -> ColumnReader.objects(LocalTime.class);
            case "timetz" -> ColumnReader.objects(OffsetTime.class);
            case "timestamp" -> ColumnReader.objects(LocalDateTime.class);
            case "timestamptz" -> ColumnReader.instants();
            case "json", "jsonb" -> ColumnReader.json();
            case "bytea" -> ColumnReader.base64();
            default -> ColumnReader.strings();
        };
    }

    private static ValueType scalarType(String name) {
        return switch (name) {
            case "int2", "int4", "int8", "oid" -> ValueType.INTEGER;
            case "float4", "float8", "numeric" -> ValueType.NUMBER;
            case "bool" -> ValueType.BOOLEAN;
            case "date" -> ValueType.DATE;
            case "time" -> ValueType.TIME;
            case "timetz" -> ValueType.TIME_TZ;
            case "timestamp" -> ValueType.TIMESTAMP;
            case "timestamptz" -> ValueType.TIMESTAMP_TZ;
            case "json", "jsonb" -> ValueType.JSON;
            default -> ValueType.STRING;
        };
    }

    private static ObjectNode scalarSchema(String name) {
        ObjectNode schema = JsonSchemas.of(scalarType(name));
        if (name.equals("bytea")) {
            schema.put("contentEncoding", "base64");
        }
        return schema;
    }

    /** Array elements as the driver gives them, turned into plain values (temporal ones as ISO text). */
    private static UnaryOperator<Object> elementConverter(String element) {
        return switch (element) {
            case "int2", "int4", "int8", "oid" -> v -> ((Number) v).longValue();
            case "float4", "float8" -> v -> ((Number) v).doubleValue();
            case "numeric" -> v -> v instanceof BigDecimal ? v : ((Number) v).doubleValue();
            case "bool" -> v -> v;
            case "timestamptz" -> v -> DateTimeFormatter.ISO_INSTANT.format(((Timestamp) v).toInstant());
            case "timestamp" -> v -> DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(((Timestamp) v).toLocalDateTime());
            case "date" -> v -> ((java.sql.Date) v).toLocalDate().toString();
            case "bytea" -> v -> Base64.getEncoder().encodeToString((byte[]) v);
            default -> Object::toString;
        };
    }
}
