package io.sluice.connectors.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code RecordSelector}: the records of a response, found by the {@code DpathExtractor}'s
 * {@code field_path} ({@code ["data"]}, {@code ["data", "*", "items"]}; empty for the whole body;
 * an array gives one record per element, an object one record), then kept or dropped by the
 * {@code RecordFilter}'s {@code condition}.
 */
record RecordSelector(List<Template> fieldPath, Optional<Template> filter, String streamName) {

    /** The records of the response; each record's plain form is built only when a template needs it. */
    List<ObjectNode> select(ApiResponse response, TemplateVars vars) {
        JsonNode body = response.json(streamName);
        List<JsonNode> found = new ArrayList<>();
        List<String> path = fieldPath.stream().map(t -> t.text(vars)).toList();
        collect(body, path, 0, found);
        List<ObjectNode> records = new ArrayList<>(found.size());
        for (JsonNode node : found) {
            if (node.isObject()) {
                records.add((ObjectNode) node);
            } else if (!node.isNull() && !node.isMissingNode()) {
                throw new ConnectorException(FailureKind.SYSTEM, "stream " + streamName + ": the record at field_path "
                        + path + " is a JSON " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                        + ", not an object; point field_path at the list of records", null);
            }
        }
        return records;
    }

    /** Whether the filter keeps the record ({@code record} in its variables). */
    boolean keep(Supplier<Map<String, Object>> record, TemplateVars vars) {
        return filter.isEmpty() || filter.get().test(vars.with("record", record.get()));
    }

    private static void collect(JsonNode node, List<String> path, int depth, List<JsonNode> out) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return;
        }
        if (depth == path.size()) {
            if (node.isArray()) {
                node.forEach(out::add);
            } else {
                out.add(node);
            }
            return;
        }
        String key = path.get(depth);
        if (key.equals("*")) {
            for (JsonNode child : node) {
                collect(child, path, depth + 1, out);
            }
        } else if (node.isArray() && key.matches("\\d+")) {
            collect(node.get(Integer.parseInt(key)), path, depth + 1, out);
        } else {
            collect(node.get(key), path, depth + 1, out);
        }
    }
}
