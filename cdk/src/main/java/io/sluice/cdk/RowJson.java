package io.sluice.cdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.protocol.MessageCodec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts between a record's JSON {@code data} and a row ({@code Object[]} in {@link RowSchema}
 * column order). Used only at the JSON boundary: external connectors, the command line, raw JSON
 * columns. Reading is lenient (numbers and booleans as strings, several date-time spellings);
 * a value that cannot be read as its column's type throws {@link ConnectorException} (SYSTEM)
 * naming the field.
 *
 * <p>Writing ({@link #toJson}) gives integral numbers the node type Jackson's parser would (int
 * node when it fits, else long), so written trees compare equal to the same JSON parsed. It omits
 * null values: a column whose value is null is absent from the
 * JSON object, as Airbyte sources usually write it. Reading treats absent and null alike, so
 * {@code toRow(toJson(row))} gives the row back.
 */
public final class RowJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RowJson() {}

    /**
     * The row of a record's data: one value per schema column, null when the field is absent or
     * null; fields the schema does not have are ignored.
     *
     * @throws ConnectorException (SYSTEM) when a value cannot be read as its column's type
     */
    public static Object[] toRow(RowSchema schema, ObjectNode data) {
        Object[] row = new Object[schema.size()];
        for (int i = 0; i < row.length; i++) {
            RowSchema.Column column = schema.column(i);
            JsonNode node = data.get(column.name());
            if (node != null && !node.isNull()) {
                row[i] = value(column, node);
            }
        }
        return row;
    }

    /** A record's data for a row: one field per non-null value, in column order. */
    public static ObjectNode toJson(RowSchema schema, Object[] row) {
        if (row.length != schema.size()) {
            throw new IllegalArgumentException(
                    "row has " + row.length + " values but the schema has " + schema.size() + " columns");
        }
        ObjectNode data = NODES.objectNode();
        for (int i = 0; i < row.length; i++) {
            if (row[i] != null) {
                data.set(schema.column(i).name(), fromPlain(row[i]));
            }
        }
        return data;
    }

    /**
     * A JSON value as a plain Java value: null, {@code LinkedHashMap<String,Object>},
     * {@code ArrayList<Object>}, String, Long, Double, BigDecimal (integers beyond a long, decimals
     * a double cannot hold exactly) or Boolean.
     */
    public static Object toPlain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    map.put(field.getKey(), toPlain(field.getValue()));
                }
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode element : node) {
                    list.add(toPlain(element));
                }
                yield list;
            }
            case STRING -> node.textValue();
            case BOOLEAN -> node.booleanValue();
            case NUMBER -> JsonScalars.plainNumber(node);
            case BINARY -> Base64.getEncoder().encodeToString(binary(node));
            default -> node.asText();
        };
    }

    /**
     * A plain Java value as JSON: maps, collections and arrays nest; numbers keep their precision;
     * dates and times become ISO-8601 text ({@link Instant} as {@code ...Z}, {@link LocalDateTime}
     * without offset); {@code byte[]} becomes base64 text; anything else its {@code toString()}.
     */
    public static JsonNode fromPlain(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case JsonNode node -> node;
            case String s -> NODES.textNode(s);
            case Boolean b -> NODES.booleanNode(b);
            case Long l -> integral(l);
            case Integer i -> NODES.numberNode(i.intValue());
            case Short s -> NODES.numberNode(s.intValue());
            case Byte b -> NODES.numberNode(b.intValue());
            case Double d -> NODES.numberNode(d);
            case Float f -> NODES.numberNode(f.doubleValue());
            case BigDecimal d -> NODES.numberNode(d);
            case BigInteger i -> i.bitLength() < Long.SIZE ? integral(i.longValue()) : NODES.numberNode(i);
            case Instant t -> NODES.textNode(DateTimeFormatter.ISO_INSTANT.format(t));
            case LocalDateTime t -> NODES.textNode(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t));
            case LocalDate t -> NODES.textNode(DateTimeFormatter.ISO_LOCAL_DATE.format(t));
            case LocalTime t -> NODES.textNode(DateTimeFormatter.ISO_LOCAL_TIME.format(t));
            case OffsetTime t -> NODES.textNode(DateTimeFormatter.ISO_OFFSET_TIME.format(t));
            case OffsetDateTime t -> NODES.textNode(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t));
            case ZonedDateTime t -> NODES.textNode(DateTimeFormatter.ISO_INSTANT.format(t.toInstant()));
            case byte[] bytes -> NODES.textNode(Base64.getEncoder().encodeToString(bytes));
            case Map<?, ?> map -> {
                ObjectNode object = NODES.objectNode();
                map.forEach((k, v) -> object.set(String.valueOf(k), fromPlain(v)));
                yield object;
            }
            case Collection<?> collection -> {
                ArrayNode array = NODES.arrayNode(collection.size());
                collection.forEach(v -> array.add(fromPlain(v)));
                yield array;
            }
            case Object[] objects -> {
                ArrayNode array = NODES.arrayNode(objects.length);
                for (Object v : objects) {
                    array.add(fromPlain(v));
                }
                yield array;
            }
            default -> NODES.textNode(value.toString());
        };
    }

    /** An int node when it fits, as Jackson's parser makes it, so trees compare equal to parsed JSON. */
    private static JsonNode integral(long value) {
        int small = (int) value;
        return small == value ? NODES.numberNode(small) : NODES.numberNode(value);
    }

    private static Object value(RowSchema.Column column, JsonNode node) {
        return switch (column.type()) {
            case STRING -> node.isTextual() ? node.textValue() : node.isValueNode() ? node.asText() : node.toString();
            case INTEGER -> readable(column, node, "an integer", JsonScalars.integer(node));
            case NUMBER -> readable(column, node, "a number", JsonScalars.number(node));
            case BOOLEAN -> readable(column, node, "a boolean", JsonScalars.bool(node));
            case DATE -> temporal(column, node, "a date", TemporalText.date(text(node)));
            case TIME -> temporal(column, node, "a time", TemporalText.localTime(text(node)));
            case TIME_TZ -> temporal(column, node, "a time with time zone", TemporalText.offsetTime(text(node)));
            case TIMESTAMP -> temporal(column, node, "a timestamp", TemporalText.localDateTime(text(node)));
            case TIMESTAMP_TZ -> temporal(column, node, "a timestamp with time zone", TemporalText.instant(text(node)));
            case OBJECT -> toPlain(structured(column, node, true));
            case ARRAY -> toPlain(structured(column, node, false));
            case JSON -> toPlain(node);
        };
    }

    private static Object readable(RowSchema.Column column, JsonNode node, String what, Object value) {
        if (value == null) {
            throw cannotRead(column, node, what);
        }
        return value;
    }

    private static Object temporal(RowSchema.Column column, JsonNode node, String what, Optional<?> parsed) {
        return parsed.orElseThrow(() -> cannotRead(column, node, what));
    }

    /** An object (or array) node; a string holding one in JSON text is accepted too. */
    private static JsonNode structured(RowSchema.Column column, JsonNode node, boolean object) {
        JsonNode candidate = node;
        if (node.isTextual()) {
            try {
                candidate = MessageCodec.mapper().readTree(node.textValue());
            } catch (JsonProcessingException e) {
                candidate = node;
            }
        }
        if (object ? candidate.isObject() : candidate.isArray()) {
            return candidate;
        }
        throw cannotRead(column, node, object ? "an object" : "an array");
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.textValue() : "";
    }

    private static byte[] binary(JsonNode node) {
        try {
            return node.binaryValue();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Names the field and the JSON type, never the value: failure messages end up in logs. */
    private static ConnectorException cannotRead(RowSchema.Column column, JsonNode node, String what) {
        String kind = node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        return new ConnectorException(FailureKind.SYSTEM,
                "stream field '" + column.name() + "': cannot read a JSON " + kind + " of " + textLength(node)
                        + " as " + what);
    }

    private static String textLength(JsonNode node) {
        int length = node.isTextual() ? node.textValue().length() : node.toString().length();
        return length + (length == 1 ? " character" : " characters");
    }
}
