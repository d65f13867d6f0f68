package io.sluice.connectors.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records of a JSON file, read with Jackson's streaming parser (no tree per file or per record):
 * JSON Lines (one object per line), or a JSON document that is an array of objects, or one or
 * more objects one after another. Nested objects and arrays become plain Maps and Lists.
 */
final class JsonRecordReader implements RecordReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();

    private final JsonParser parser;
    private boolean inArray;
    private boolean started;
    private long recordLine;

    /** @param encoding the text's encoding, or empty to detect UTF-8/16/32 from the bytes */
    JsonRecordReader(InputStream in, Optional<Charset> encoding) throws IOException {
        this.parser = encoding.isPresent()
                ? FACTORY.createParser(new InputStreamReader(in, encoding.get().newDecoder()))
                : FACTORY.createParser(in);
    }

    @Override
    public boolean next(FieldSink sink) throws IOException {
        try {
            JsonToken token = parser.nextToken();
            if (!started) {
                started = true;
                if (token == JsonToken.START_ARRAY) {
                    inArray = true;
                    token = parser.nextToken();
                }
            }
            if (token == null || inArray && token == JsonToken.END_ARRAY) {
                return false;
            }
            recordLine = parser.currentTokenLocation().getLineNr();
            if (token != JsonToken.START_OBJECT) {
                throw new BadFileException(position() + ": expected a JSON object (one record), found "
                        + describe(token));
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                sink.field(name, value());
            }
            return true;
        } catch (JsonProcessingException e) {
            throw new BadFileException("line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    @Override
    public String position() {
        return "line " + recordLine;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private Object value() throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? parser.getBigIntegerValue()
                    : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> PlainNumbers.decimal(new BigDecimal(parser.getText()));
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case START_OBJECT -> object();
            case START_ARRAY -> array();
            default -> null;
        };
    }

    private Map<String, Object> object() throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            map.put(name, value());
        }
        return map;
    }

    private List<Object> array() throws IOException {
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            list.add(value());
        }
        return list;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }
}
