package io.sluice.connectors.files;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import java.time.DateTimeException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds rows ({@code Object[]} in the stream schema's column order) from the fields a
 * {@link RecordReader} hands over: each value converted to its column's type, fields the schema
 * does not have ignored, missing ones null. One per read; not thread-safe.
 */
public final class RowAssembler implements FieldSink {
    private final RowSchema schema;
    private final Map<String, Integer> positions;
    private final ValueType[] types;
    private Object[] template;
    private Object[] row;

    public RowAssembler(RowSchema schema) {
        this.schema = requireNonNull(schema, "schema");
        this.positions = new HashMap<>();
        this.types = new ValueType[schema.size()];
        for (int i = 0; i < schema.size(); i++) {
            positions.put(schema.column(i).name(), i);
            types[i] = schema.column(i).type();
        }
        this.template = new Object[schema.size()];
        this.row = new Object[schema.size()];
    }

    /**
     * @throws BadValueException when a value does not fit its column's type, naming the field
     */
    @Override
    public void field(String name, Object value) {
        Integer position = positions.get(name);
        if (position == null || value == null) {
            return;
        }
        try {
            row[position] = ValueConversion.convert(types[position], value);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new BadValueException("field \"" + name + "\": " + reason(e, types[position], value)
                    + " (the stream's schema says " + typeName(types[position]) + ")");
        }
    }

    /**
     * Gives a column the file does not hold (such as the source file's URL) the same value in
     * every row from the current one on.
     */
    public void setConstant(int position, Object value) {
        template = template.clone();
        template[position] = value;
        row[position] = value;
    }

    /** The row built since the last call; the assembler starts a new one. */
    public Object[] takeRow() {
        Object[] done = row;
        row = template.clone();
        return done;
    }

    private static String reason(RuntimeException e, ValueType type, Object value) {
        if (e instanceof IllegalArgumentException && e.getMessage() != null) {
            return e.getMessage();
        }
        return "\"" + value + "\" is not a " + typeName(type);
    }

    private static String typeName(ValueType type) {
        return switch (type) {
            case TIMESTAMP, TIMESTAMP_TZ -> "date-time";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }

    /** A value that does not fit its column; the reading loop adds where it is. */
    static final class BadValueException extends RuntimeException {
        BadValueException(String message) {
            super(message);
        }
    }
}
