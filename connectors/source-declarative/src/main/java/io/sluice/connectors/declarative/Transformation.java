package io.sluice.connectors.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.RowJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A change to each record after selection: {@code AddFields} sets fields (nested paths allowed)
 * to interpolated values ({@code record}, {@code config}, {@code stream_slice}, ... in scope);
 * {@code RemoveFields} drops fields by path, {@code *} matching any key at its level.
 */
sealed interface Transformation permits Transformation.AddFields, Transformation.RemoveFields {

    void apply(ObjectNode record, Supplier<Map<String, Object>> plainRecord, TemplateVars vars);

    /** One {@code AddedFieldDefinition}: a path, a value template, an optional {@code value_type}. */
    record AddedField(List<String> path, Template value, Optional<String> valueType) {}

    record AddFields(List<AddedField> fields) implements Transformation {
        public void apply(ObjectNode record, Supplier<Map<String, Object>> plainRecord, TemplateVars vars) {
            TemplateVars withRecord = vars.with("record", plainRecord.get());
            for (AddedField field : fields) {
                Object value = cast(field.value().value(withRecord), field.valueType());
                ObjectNode parent = record;
                for (String key : field.path().subList(0, field.path().size() - 1)) {
                    JsonNode child = parent.get(key);
                    parent = child instanceof ObjectNode object ? object : parent.putObject(key);
                }
                parent.set(field.path().getLast(), RowJson.fromPlain(value));
            }
        }

        private static Object cast(Object value, Optional<String> type) {
            if (value == null || type.isEmpty()) {
                return value;
            }
            String text = TemplateValues.text(value);
            return switch (type.get()) {
                case "string" -> text;
                case "integer" -> Long.parseLong(text.contains(".") ? text.substring(0, text.indexOf('.')) : text);
                case "number" -> Double.parseDouble(text);
                case "boolean" -> Templates.truthy(value);
                default -> value;
            };
        }
    }

    record RemoveFields(List<List<String>> fieldPointers) implements Transformation {
        public void apply(ObjectNode record, Supplier<Map<String, Object>> plainRecord, TemplateVars vars) {
            for (List<String> pointer : fieldPointers) {
                remove(record, pointer, 0);
            }
        }

        private static void remove(JsonNode node, List<String> pointer, int depth) {
            if (!(node instanceof ObjectNode object) || pointer.isEmpty()) {
                return;
            }
            String key = pointer.get(depth);
            boolean last = depth == pointer.size() - 1;
            if (key.equals("*")) {
                if (last) {
                    object.removeAll();
                } else {
                    object.forEach(child -> remove(child, pointer, depth + 1));
                }
            } else if (last) {
                object.remove(key);
            } else {
                remove(object.get(key), pointer, depth + 1);
            }
        }
    }
}
