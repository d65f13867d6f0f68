package io.sluice.connectors.files;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.RowSchema;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Infers a stream's JSON schema from sampled records: one column per field name in the order
 * first seen, each with the widest type of its values ({@link InferredType}), every column
 * nullable. Feed it as the {@link FieldSink} of sampled records; merge inferences of several
 * files with {@link #merge}.
 */
public final class SchemaInference implements FieldSink {
    private final boolean textValues;
    private final Map<String, InferredType> types = new LinkedHashMap<>();
    private long records;

    /** @param textValues whether values are text whose type is guessed (CSV, TSV) */
    public SchemaInference(boolean textValues) {
        this.textValues = textValues;
    }

    @Override
    public void field(String name, Object value) {
        types.merge(name, InferredType.of(value, textValues), InferredType::widen);
    }

    /** Counts one sampled record. */
    public void recordSeen() {
        records++;
    }

    public long records() {
        return records;
    }

    /** Widens this inference by another one's columns and types (columns new to this one go last). */
    public void merge(SchemaInference other) {
        other.types.forEach((name, type) -> types.merge(name, type, InferredType::widen));
        records += other.records;
    }

    public boolean isEmpty() {
        return types.isEmpty();
    }

    /** The stream's JSON schema, {@code {"type":"object","properties":{...}}}. */
    public ObjectNode jsonSchema() {
        RowSchema.JsonSchemaBuilder builder = new RowSchema.JsonSchemaBuilder();
        types.forEach((name, type) -> builder.property(name, type.valueType()));
        return builder.build();
    }
}
