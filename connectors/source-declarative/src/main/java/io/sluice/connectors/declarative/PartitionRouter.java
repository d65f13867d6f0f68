package io.sluice.connectors.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.RowJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Splits a stream into partitions read one after another: {@code ListPartitionRouter} (one per
 * value of a list) and {@code SubstreamPartitionRouter} (one per record of a parent stream).
 */
sealed interface PartitionRouter permits PartitionRouter.ListRouter, PartitionRouter.Substream {

    /** The partitions, as {@code stream_partition} maps. */
    List<Map<String, Object>> partitions(TemplateVars vars);

    /** Puts the partition's value into the request where the router's {@code request_option} says. */
    void inject(RequestParts parts, StreamSlice slice, TemplateVars vars);

    /** {@code ListPartitionRouter}: {@code values} (a list, or a template giving one) under {@code cursor_field}. */
    record ListRouter(Object values, Template cursorField, Optional<RequestOption> requestOption,
            String path) implements PartitionRouter {

        public List<Map<String, Object>> partitions(TemplateVars vars) {
            Object evaluated = values instanceof Template template ? template.value(vars) : values;
            List<Object> list = switch (evaluated) {
                case List<?> l -> new ArrayList<>(l);
                case String s when !s.isBlank() -> new ArrayList<>(List.of((Object[]) s.split("\\s*,\\s*")));
                case null, default -> throw ManifestNode.at(path, "values must be a list (or a template giving one)");
            };
            String field = cursorField.text(vars);
            List<Map<String, Object>> partitions = new ArrayList<>();
            for (Object value : list) {
                Map<String, Object> partition = new LinkedHashMap<>();
                partition.put(field, value);
                partitions.add(partition);
            }
            return partitions;
        }

        public void inject(RequestParts parts, StreamSlice slice, TemplateVars vars) {
            requestOption.ifPresent(o -> o.inject(parts, slice.partition().get(cursorField.text(vars)), vars));
        }
    }

    /** One {@code ParentStreamConfig}: the parent, the key read from its records, the partition field. */
    record ParentConfig(DeclarativeStream stream, Template parentKey, Template partitionField,
            Optional<RequestOption> requestOption) {}

    /** {@code SubstreamPartitionRouter}: one partition per parent record: {@code {partition_field: value, parent_slice: {...}}}. */
    record Substream(List<ParentConfig> parents) implements PartitionRouter {

        public List<Map<String, Object>> partitions(TemplateVars vars) {
            List<Map<String, Object>> partitions = new ArrayList<>();
            for (ParentConfig parent : parents) {
                String key = parent.parentKey().text(vars);
                String field = parent.partitionField().text(vars);
                StreamSlicing.readAll(parent.stream(), vars, (record, parentSlice) -> {
                    Object value = valueAt(record, key);
                    if (value != null) {
                        Map<String, Object> partition = new LinkedHashMap<>();
                        partition.put(field, value);
                        partition.put("parent_slice", parentSlice.merged());
                        partitions.add(partition);
                    }
                    return true;
                });
            }
            return partitions;
        }

        public void inject(RequestParts parts, StreamSlice slice, TemplateVars vars) {
            for (ParentConfig parent : parents) {
                String field = parent.partitionField().text(vars);
                if (slice.partition().containsKey(field)) {
                    parent.requestOption().ifPresent(o -> o.inject(parts, slice.partition().get(field), vars));
                }
            }
        }

        /** {@code id}, or a nested {@code customer/id} / {@code customer.id}. */
        private static Object valueAt(ObjectNode record, String key) {
            JsonNode node = record.get(key);
            if (node == null) {
                node = record;
                for (String part : key.split("[/.]")) {
                    node = node.path(part);
                }
            }
            return RowJson.toPlain(node);
        }
    }
}
