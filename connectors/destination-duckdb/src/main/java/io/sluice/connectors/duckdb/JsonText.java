package io.sluice.connectors.duckdb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.cdk.RowSchema;
import io.sluice.protocol.MessageCodec;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes row values as JSON text, streaming (no tree per row): a whole row as the object of its
 * schema's fields for {@code _airbyte_data}, or one value for a JSON column. Temporal values are
 * written as ISO-8601 strings, byte arrays as base64, non-finite doubles as strings.
 */
final class JsonText {
    private static final JsonFactory FACTORY = MessageCodec.mapper().getFactory();

    private JsonText() {}

    /** Text that already is JSON, stored in a JSON column as it is. */
    record Document(String text) {
        Document {
            java.util.Objects.requireNonNull(text, "text");
        }
    }

    /** The row as a JSON object, fields in schema order; null values are written as null. */
    static String ofRow(RowSchema schema, Object[] row) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            for (int i = 0; i < schema.size(); i++) {
                json.writeFieldName(schema.column(i).name());
                write(json, i < row.length ? row[i] : null);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** One value as JSON text. */
    static String of(Object value) {
        StringWriter out = new StringWriter(64);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            write(json, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case String s -> json.writeString(s);
            case Long l -> json.writeNumber(l);
            case Integer i -> json.writeNumber(i);
            case Short s -> json.writeNumber(s);
            case Double d when d.isNaN() || d.isInfinite() -> json.writeString(d.toString());
            case Double d -> json.writeNumber(d);
            case Float f -> json.writeNumber(f);
            case BigDecimal d -> json.writeNumber(d);
            case BigInteger i -> json.writeNumber(i);
            case Boolean b -> json.writeBoolean(b);
            case byte[] bytes -> json.writeString(Base64.getEncoder().encodeToString(bytes));
            case Map<?, ?> map -> {
                json.writeStartObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    json.writeFieldName(String.valueOf(entry.getKey()));
                    write(json, entry.getValue());
                }
                json.writeEndObject();
            }
            case List<?> list -> {
                json.writeStartArray();
                for (Object element : list) {
                    write(json, element);
                }
                json.writeEndArray();
            }
            default -> json.writeString(value.toString());
        }
    }
}
