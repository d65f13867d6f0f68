package io.sluice.connectors.mysql.source;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.JsonSchemas;
import io.sluice.cdk.ValueType;
import io.sluice.cdk.jdbc.ColumnReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column's MySQL / MariaDB type, as information_schema.COLUMNS gives it, and how Sluice reads it.
 *
 * @param dataType DATA_TYPE, lower case ({@code int}, {@code varchar}, {@code datetime})
 * @param columnType COLUMN_TYPE, lower case ({@code int(10) unsigned}, {@code tinyint(1)}, {@code decimal(12,2)})
 * @param json whether the column holds JSON (MySQL's json type, or MariaDB's longtext checked by json_valid)
 */
record MySqlType(String dataType, String columnType, boolean json) {
    private static final Set<String> INTEGERS = Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint");
    private static final Set<String> STRINGS = Set.of("char", "varchar", "tinytext", "text", "mediumtext",
            "longtext", "enum");
    private static final Set<String> BINARIES = Set.of("binary", "varbinary", "tinyblob", "blob", "mediumblob",
            "longblob");
    private static final Set<String> SPATIAL = Set.of("geometry", "point", "linestring", "polygon", "multipoint",
            "multilinestring", "multipolygon", "geometrycollection", "geomcollection");
    private static final Pattern PRECISION = Pattern.compile("\\((\\d+)(?:,(\\d+))?\\)");

    MySqlType {
        dataType = requireNonNull(dataType, "dataType").toLowerCase(Locale.ROOT);
        columnType = requireNonNull(columnType, "columnType").toLowerCase(Locale.ROOT);
    }

    static MySqlType of(String dataType, String columnType) {
        return new MySqlType(dataType, columnType, dataType.equalsIgnoreCase("json"));
    }

    boolean unsigned() {
        return columnType.contains("unsigned");
    }

    /** tinyint(1) (what BOOL declares) and bit(1) are booleans. */
    boolean isBoolean() {
        return (dataType.equals("tinyint") && columnType.startsWith("tinyint(1)")) || columnType.equals("bit(1)");
    }

    ValueType valueType() {
        if (json) {
            return ValueType.JSON;
        }
        if (isBoolean()) {
            return ValueType.BOOLEAN;
        }
        if (INTEGERS.contains(dataType)) {
            // BIGINT UNSIGNED reaches 2^64 - 1, beyond a long: a number (exact BigDecimal values)
            return dataType.equals("bigint") && unsigned() ? ValueType.NUMBER : ValueType.INTEGER;
        }
        return switch (dataType) {
            case "bit", "year" -> ValueType.INTEGER;
            case "decimal", "numeric", "float", "double", "real", "double precision" -> ValueType.NUMBER;
            case "date" -> ValueType.DATE;
            case "time" -> ValueType.TIME;
            case "datetime" -> ValueType.TIMESTAMP;
            case "timestamp" -> ValueType.TIMESTAMP_TZ;
            default -> ValueType.STRING;
        };
    }

    /** The property schema in the stream's JSON schema. */
    ObjectNode jsonSchema() {
        ObjectNode schema = JsonSchemas.of(valueType());
        if (BINARIES.contains(dataType)) {
            schema.put("contentEncoding", "base64");
        }
        return schema;
    }

    /** How a SELECT reads the column, given its quoted name: spatial values as WKT text. */
    String selectExpression(String quotedName) {
        return SPATIAL.contains(dataType) ? "ST_AsText(" + quotedName + ")" : quotedName;
    }

    /** The reader chosen once for the column. Zero dates come back as NULL from the driver. */
    ColumnReader reader() {
        if (json) {
            return ColumnReader.json();
        }
        if (isBoolean()) {
            return ColumnReader.booleans();
        }
        if (BINARIES.contains(dataType)) {
            return ColumnReader.base64();
        }
        return switch (valueType()) {
            case INTEGER -> dataType.equals("bit") ? MySqlReaders.bits() : ColumnReader.longs();
            case NUMBER -> dataType.equals("float") || dataType.equals("double") || dataType.equals("real")
                    ? ColumnReader.doubles() : ColumnReader.decimals();
            case DATE -> ColumnReader.objects(LocalDate.class);
            case TIME -> MySqlReaders.timesOfDay();
            case TIMESTAMP -> ColumnReader.objects(LocalDateTime.class);
            case TIMESTAMP_TZ -> MySqlReaders.utcInstants();
            default -> ColumnReader.strings();
        };
    }

    /**
     * How a cursor value (as text) is turned back into this type in a WHERE clause: the target of
     * {@code CAST(? AS ...)}, {@code BINARY} for strings (compared and ordered byte by byte, so that
     * equal text means equal value), or empty when the type cannot serve as a cursor.
     */
    Optional<String> cursorCast() {
        if (json || SPATIAL.contains(dataType) || BINARIES.contains(dataType) || dataType.equals("bit")) {
            return Optional.empty();
        }
        if (INTEGERS.contains(dataType)) {
            return Optional.of(unsigned() ? "UNSIGNED" : "SIGNED");
        }
        if (STRINGS.contains(dataType)) {
            return Optional.of("BINARY");
        }
        Matcher m = PRECISION.matcher(columnType);
        boolean sized = m.find();
        return switch (dataType) {
            case "year" -> Optional.of("SIGNED");
            case "decimal", "numeric" -> Optional.of(sized
                    ? "DECIMAL(" + m.group(1) + "," + (m.group(2) == null ? "0" : m.group(2)) + ")" : "DECIMAL(65,30)");
            case "float", "double", "real" -> Optional.of("DOUBLE");
            case "date" -> Optional.of("DATE");
            case "datetime", "timestamp" -> Optional.of("DATETIME" + (sized ? "(" + m.group(1) + ")" : ""));
            case "time" -> Optional.of("TIME" + (sized ? "(" + m.group(1) + ")" : ""));
            default -> Optional.empty();
        };
    }

    /** Whether values are bytes read as base64 (binary, varbinary, blobs). */
    boolean isBinary() {
        return BINARIES.contains(dataType);
    }

    /** Whether values are geometries read as WKT. */
    boolean isSpatial() {
        return SPATIAL.contains(dataType);
    }

    /** Whether zero dates ('0000-00-00') may hide in the column; they are read as NULL. */
    boolean mayHoldZeroDates() {
        return dataType.equals("date") || dataType.equals("datetime") || dataType.equals("timestamp");
    }
}
