package io.sluice.connectors.s3.destination;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.cdk.RowSchema;
import java.io.IOException;
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
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

/**
 * Writes row values straight to a JSON generator, in the text {@link io.sluice.cdk.RowJson} gives
 * them (ISO-8601 dates and times, nested maps and lists as JSON), without building a JSON tree per
 * record.
 */
final class JsonValues {
    private JsonValues() {}

    /** The row's columns as the fields of one JSON object; null values are written as null. */
    static void writeObject(JsonGenerator json, RowSchema schema, Object[] row) throws IOException {
        json.writeStartObject();
        writeFields(json, schema, row);
        json.writeEndObject();
    }

    /** The row's columns as fields of the object the generator is in. */
    static void writeFields(JsonGenerator json, RowSchema schema, Object[] row) throws IOException {
        for (int i = 0; i < schema.size(); i++) {
            json.writeFieldName(schema.column(i).name());
            write(json, i < row.length ? row[i] : null);
        }
    }

    static void write(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case String s -> json.writeString(s);
            case Boolean b -> json.writeBoolean(b);
            case Long l -> json.writeNumber(l);
            case Integer i -> json.writeNumber(i);
            case Double d -> writeDouble(json, d);
            case Float f -> writeDouble(json, f.doubleValue());
            case BigDecimal d -> json.writeNumber(d);
            case BigInteger i -> json.writeNumber(i);
            case Number n -> json.writeNumber(n.toString());
            case Map<?, ?> map -> {
                json.writeStartObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    json.writeFieldName(String.valueOf(entry.getKey()));
                    write(json, entry.getValue());
                }
                json.writeEndObject();
            }
            case Collection<?> list -> {
                json.writeStartArray();
                for (Object element : list) {
                    write(json, element);
                }
                json.writeEndArray();
            }
            case Object[] array -> {
                json.writeStartArray();
                for (Object element : array) {
                    write(json, element);
                }
                json.writeEndArray();
            }
            case byte[] bytes -> json.writeString(Base64.getEncoder().encodeToString(bytes));
            default -> json.writeString(text(value));
        }
    }

    /** A scalar as text: dates and times in ISO-8601, anything else by its string form. */
    static String text(Object value) {
        return switch (value) {
            case Instant t -> DateTimeFormatter.ISO_INSTANT.format(t);
            case LocalDateTime t -> DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
            case LocalDate t -> DateTimeFormatter.ISO_LOCAL_DATE.format(t);
            case LocalTime t -> DateTimeFormatter.ISO_LOCAL_TIME.format(t);
            case OffsetTime t -> DateTimeFormatter.ISO_OFFSET_TIME.format(t);
            case OffsetDateTime t -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
            case ZonedDateTime t -> DateTimeFormatter.ISO_INSTANT.format(t.toInstant());
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            default -> value.toString();
        };
    }

    /** JSON has no NaN or infinity: they are written as strings, as Jackson's tree would. */
    private static void writeDouble(JsonGenerator json, double d) throws IOException {
        if (Double.isFinite(d)) {
            json.writeNumber(d);
        } else {
            json.writeString(Double.toString(d));
        }
    }
}
