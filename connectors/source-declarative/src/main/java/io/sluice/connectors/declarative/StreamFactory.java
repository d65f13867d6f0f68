package io.sluice.connectors.declarative;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.protocol.MessageCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Builds {@link DeclarativeStream}s from resolved manifest nodes: the stream, its
 * {@code SimpleRetriever}, {@code HttpRequester}, {@code RecordSelector}, transformations and
 * schema loader; authenticators, error handlers and paginators come from {@link RequesterFactory},
 * cursors and partition routers from {@link IncrementalFactory}. An unknown component type is a
 * CONFIG error naming its path.
 */
final class StreamFactory {
    private final ComponentContext context;
    private final RequesterFactory requesters;
    private final IncrementalFactory incremental;

    StreamFactory(ComponentContext context) {
        this.context = requireNonNull(context, "context");
        this.requesters = new RequesterFactory(context);
        this.incremental = new IncrementalFactory(context, this);
    }

    List<DeclarativeStream> streams(ManifestNode root) {
        List<ManifestNode> nodes = root.elements("streams");
        if (nodes.isEmpty()) {
            throw root.field("streams").error("the manifest declares no streams");
        }
        List<DeclarativeStream> streams = new ArrayList<>();
        for (ManifestNode node : nodes) {
            DeclarativeStream stream = stream(node);
            if (streams.stream().anyMatch(s -> s.name().equals(stream.name()))) {
                throw node.field("name").error("stream name '" + stream.name() + "' is used twice");
            }
            streams.add(stream);
        }
        return streams;
    }

    DeclarativeStream stream(ManifestNode node) {
        expect(node, "DeclarativeStream");
        String name = node.text("name");
        ManifestNode retrieverNode = node.required("retriever");
        expect(retrieverNode, "SimpleRetriever");
        Optional<ManifestNode> routerNode = retrieverNode.optional("partition_router")
                .or(() -> retrieverNode.optional("stream_slicer"));
        List<Transformation> transformations = new ArrayList<>();
        for (ManifestNode t : node.elements("transformations")) {
            transformations.add(transformation(t));
        }
        SimpleRetriever retriever = retriever(retrieverNode, name, transformations);
        return new DeclarativeStream(name, primaryKey(node), retriever, schema(node, name),
                node.optional("incremental_sync").map(n -> incremental.cursor(n, name)),
                routerNode.map(incremental::router));
    }

    private SimpleRetriever retriever(ManifestNode node, String streamName, List<Transformation> transformations) {
        ManifestNode requesterNode = node.required("requester");
        expect(requesterNode, "HttpRequester");
        String method = requesterNode.text("http_method", "GET").toUpperCase(Locale.ROOT);
        if (!Set.of("GET", "POST").contains(method)) {
            throw requesterNode.field("http_method").error("must be GET or POST, got '" + method + "'");
        }
        Optional<JsonNode> bodyJson = requesterNode.optional("request_body_json").map(ManifestNode::node);
        if (bodyJson.isPresent() && !bodyJson.get().isObject()) {
            throw requesterNode.field("request_body_json").error("must be a mapping");
        }
        HttpRequester requester = new HttpRequester(
                context.template(requesterNode, "url_base"),
                context.template(requesterNode.text("path", ""), requesterNode.field("path").path(), requesterNode),
                method,
                context.templateMap(requesterNode, "request_parameters"),
                context.templateMap(requesterNode, "request_headers"),
                bodyJson,
                context.templateMap(requesterNode, "request_body_data"),
                requesters.authenticator(requesterNode.optional("authenticator")),
                requesters.errorHandler(requesterNode.optional("error_handler")),
                context,
                requesterNode.field("request_body_json").path());
        Paginator paginator = requesters.paginator(node.optional("paginator"), streamName);
        return new SimpleRetriever(requester, paginator, selector(node.required("record_selector"), streamName),
                List.copyOf(transformations), context.client(), streamName);
    }

    private RecordSelector selector(ManifestNode node, String streamName) {
        expect(node, "RecordSelector");
        ManifestNode extractor = node.required("extractor");
        expect(extractor, "DpathExtractor");
        List<Template> path = new ArrayList<>();
        for (ManifestNode part : extractor.elements("field_path")) {
            path.add(context.template(part.node().asText(), part.path(), extractor));
        }
        Optional<Template> filter = node.optional("record_filter").map(f -> {
            expect(f, "RecordFilter");
            return context.template(f, "condition");
        });
        return new RecordSelector(path, filter, streamName);
    }

    private Transformation transformation(ManifestNode node) {
        return switch (node.type()) {
            case "AddFields" -> {
                List<Transformation.AddedField> fields = new ArrayList<>();
                for (ManifestNode field : node.elements("fields")) {
                    List<String> path = field.elements("path").stream().map(p -> p.node().asText()).toList();
                    if (path.isEmpty()) {
                        throw field.field("path").error("must name at least one field");
                    }
                    fields.add(new Transformation.AddedField(path, context.template(field, "value"),
                            field.optionalText("value_type")));
                }
                yield new Transformation.AddFields(fields);
            }
            case "RemoveFields" -> new Transformation.RemoveFields(node.elements("field_pointers").stream()
                    .map(StreamFactory::pointer).toList());
            default -> throw unknown(node, "AddFields, RemoveFields");
        };
    }

    private static List<String> pointer(ManifestNode node) {
        if (!node.node().isArray()) {
            throw node.error("a field pointer must be a list of keys, like [\"metadata\", \"etag\"]");
        }
        List<String> keys = new ArrayList<>();
        node.node().forEach(k -> keys.add(k.asText()));
        return keys;
    }

    private static List<List<String>> primaryKey(ManifestNode node) {
        JsonNode key = node.node().get("primary_key");
        if (key == null || key.isNull()) {
            return List.of();
        }
        if (key.isTextual()) {
            return key.asText().isEmpty() ? List.of() : List.of(List.of(key.asText()));
        }
        List<List<String>> result = new ArrayList<>();
        for (JsonNode part : key) {
            if (part.isArray()) {
                List<String> path = new ArrayList<>();
                part.forEach(p -> path.add(p.asText()));
                result.add(path);
            } else {
                result.add(List.of(part.asText()));
            }
        }
        return result;
    }

    private Optional<ObjectNode> schema(ManifestNode stream, String name) {
        Optional<ManifestNode> loader = stream.optional("schema_loader");
        if (loader.isEmpty()) {
            return Optional.empty();
        }
        ManifestNode node = loader.get();
        return switch (node.type()) {
            case "InlineSchemaLoader" -> {
                JsonNode schema = node.required("schema").node();
                if (!schema.isObject()) {
                    throw node.field("schema").error("must be a JSON schema mapping");
                }
                yield Optional.of((ObjectNode) schema);
            }
            case "JsonFileSchemaLoader" -> schemaFile(node, name);
            default -> throw unknown(node, "InlineSchemaLoader, JsonFileSchemaLoader");
        };
    }

    private Optional<ObjectNode> schemaFile(ManifestNode node, String name) {
        Optional<String> filePath = node.optionalText("file_path");
        if (filePath.isEmpty()) {
            return Optional.empty(); // no file named: the schema is inferred from records
        }
        String resolved = context.template(filePath.get(), node.field("file_path").path(), node)
                .text(context.vars().with("name", name));
        Path file = context.manifestDir().map(d -> d.resolve(resolved)).orElse(Path.of(resolved));
        try {
            JsonNode schema = MessageCodec.mapper().readTree(Files.readString(file));
            if (!schema.isObject()) {
                throw node.field("file_path").error("'" + file + "' does not hold a JSON schema mapping");
            }
            return Optional.of((ObjectNode) schema);
        } catch (IOException e) {
            throw node.field("file_path").error("cannot read the schema file '" + file + "': " + e.getMessage());
        }
    }

    static void expect(ManifestNode node, String type) {
        if (!node.node().isObject()) {
            throw node.error("expected a " + type + " mapping");
        }
        if (!node.type().isEmpty() && !node.type().equals(type)) {
            throw unknown(node, type);
        }
    }

    static io.sluice.cdk.ConnectorException unknown(ManifestNode node, String expected) {
        String type = node.type();
        return node.error(type.isEmpty() ? "a component type is needed here (one of: " + expected + ")"
                : "unknown component type '" + type + "' (expected one of: " + expected + ")");
    }
}
