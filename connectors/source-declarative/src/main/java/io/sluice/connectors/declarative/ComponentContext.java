package io.sluice.connectors.declarative;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.RowJson;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What building components needs: the template engine, the config (plain, for templates; and as
 * JSON, for OAuth token rotation), the HTTP client, the scrubber, where updated configs go, and the
 * manifest's directory (for schema files).
 */
record ComponentContext(Templates templates, ObjectNode configJson, Map<String, Object> config, RestClient client,
        Scrubber scrubber, Consumer<ObjectNode> configUpdates, Optional<Path> manifestDir) {

    ComponentContext {
        requireNonNull(templates, "templates");
        requireNonNull(configJson, "configJson");
        requireNonNull(client, "client");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> plainConfig(ObjectNode config) {
        Object plain = RowJson.toPlain(config);
        return plain == null ? new LinkedHashMap<>() : (Map<String, Object>) plain;
    }

    TemplateVars vars() {
        return TemplateVars.ofConfig(config);
    }

    /** The {@code $parameters} a component ended up with after propagation. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parameters(ManifestNode component) {
        Object plain = RowJson.toPlain(component.node().get("$parameters"));
        return plain instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** A template of {@code component}, checked for syntax now. */
    Template template(String source, String path, ManifestNode component) {
        templates.check(source, path);
        return new Template(templates, source, path, parameters(component));
    }

    /** The template at a required scalar field of {@code component}. */
    Template template(ManifestNode component, String field) {
        String source = component.text(field);
        return template(source, component.field(field).path(), component);
    }

    Optional<Template> optionalTemplate(ManifestNode component, String field) {
        return component.optional(field).map(f -> template(f.node().isValueNode() ? f.node().asText() : f.node().toString(),
                f.path(), component));
    }

    /** A mapping of templates ({@code request_parameters}, {@code request_headers}). */
    Map<String, Template> templateMap(ManifestNode component, String field) {
        Map<String, Template> result = new LinkedHashMap<>();
        Optional<ManifestNode> map = component.optional(field);
        if (map.isEmpty()) {
            return result;
        }
        if (!map.get().node().isObject()) {
            throw map.get().error("must be a mapping of names to values");
        }
        map.get().node().properties().forEach(e -> result.put(e.getKey(), template(
                e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString(),
                ManifestNode.join(map.get().path(), e.getKey()), component)));
        return result;
    }
}
