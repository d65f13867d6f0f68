package io.sluice.connectors.declarative;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConfigValidator;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A source-declarative config taken apart: the manifest (inline under
 * {@code __injected_declarative_manifest} as Airbyte's declarative-manifest source takes it, from
 * the YAML file at {@code manifest_path}, or generated from the simple form's {@code url_base} and
 * {@code endpoints}), resolved; and the rest of the config, checked against the manifest's own
 * {@code spec.connection_specification}, with the values of its secret fields known for masking.
 */
record SourceConfig(ObjectNode manifest, ObjectNode config, Optional<Path> manifestDir, List<String> secretValues) {
    static final String INJECTED = "__injected_declarative_manifest";
    static final String MANIFEST_PATH = "manifest_path";
    /** {@code manifest_path: bundled:stripe} names a manifest shipped with the connector. */
    static final String BUNDLED = "bundled:";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    SourceConfig {
        requireNonNull(manifest, "manifest");
        requireNonNull(config, "config");
        secretValues = List.copyOf(secretValues);
    }

    /** Loads and checks; CONFIG errors name the field or the manifest path at fault. */
    static SourceConfig load(JsonNode raw) {
        if (raw == null || !raw.isObject()) {
            throw ConnectorException.config("The config must be a JSON object");
        }
        ObjectNode config = ((ObjectNode) raw).deepCopy();
        JsonNode manifest;
        Optional<Path> dir = Optional.empty();
        List<String> secrets = new ArrayList<>();
        if (config.hasNonNull(INJECTED)) {
            manifest = config.get(INJECTED);
            if (manifest.isTextual()) {
                manifest = parseYaml(manifest.asText(), INJECTED);
            } else if (!manifest.isObject()) {
                throw ConnectorException.config(INJECTED + " must be the manifest, as an object or as YAML text");
            }
        } else if (config.hasNonNull(MANIFEST_PATH) && config.get(MANIFEST_PATH).asText().startsWith(BUNDLED)) {
            manifest = bundled(config.get(MANIFEST_PATH).asText().substring(BUNDLED.length()));
        } else if (config.hasNonNull(MANIFEST_PATH)) {
            Path file = Path.of(config.get(MANIFEST_PATH).asText());
            manifest = readYaml(file);
            dir = Optional.ofNullable(file.toAbsolutePath().getParent());
        } else if (config.hasNonNull(SimpleForm.URL_BASE) || config.hasNonNull(SimpleForm.ENDPOINTS)) {
            manifest = SimpleForm.manifest(config);
            secrets.addAll(SimpleForm.secretValues(config));
        } else {
            throw ConnectorException.config("The config needs a manifest: " + INJECTED + " (the manifest itself), "
                    + MANIFEST_PATH + " (a YAML file), or url_base with endpoints (the simple form)");
        }
        ObjectNode resolved = ManifestResolver.resolve(manifest);
        if (!resolved.path("type").asText().equals("DeclarativeSource")) {
            throw ManifestNode.at("type", "must be DeclarativeSource, got '" + resolved.path("type").asText() + "'");
        }
        ObjectNode userConfig = config.deepCopy();
        userConfig.remove(INJECTED);
        userConfig.remove(MANIFEST_PATH);
        JsonNode specSchema = resolved.path("spec").path("connection_specification");
        if (specSchema.isObject()) {
            List<ConfigError> errors = ConfigValidator.validate((ObjectNode) specSchema, userConfig);
            if (!errors.isEmpty()) {
                throw ConnectorException.config("Invalid config: " + errors.stream()
                        .map(e -> e.field() + " " + e.problem()).collect(Collectors.joining("; ")));
            }
            for (String path : Secrets.secretPaths((ObjectNode) specSchema)) {
                JsonNode value = userConfig;
                for (String key : path.split("\\.")) {
                    value = value.path(key);
                }
                if (value.isValueNode() && !value.asText().isEmpty()) {
                    secrets.add(value.asText());
                }
            }
        }
        return new SourceConfig(resolved, config, dir, secrets);
    }

    private static JsonNode bundled(String name) {
        String resource = "/manifests/" + name + ".yaml";
        try (var in = SourceConfig.class.getResourceAsStream(resource)) {
            if (in == null || !name.matches("[a-z0-9_-]+")) {
                throw ConnectorException.config(MANIFEST_PATH + ": there is no bundled manifest '" + name
                        + "'; bundled manifests: stripe");
            }
            return parseYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled manifest " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readYaml(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw ConnectorException.config(MANIFEST_PATH + ": cannot read '" + file + "' ("
                    + e.getClass().getSimpleName() + ")");
        }
        return parseYaml(text, MANIFEST_PATH + " '" + file + "'");
    }

    /** A YAML manifest's tree; a parse error names the line and column. */
    static JsonNode parseYaml(String text, String what) {
        try {
            JsonNode node = YAML.readTree(text);
            if (node == null || !node.isObject()) {
                throw ConnectorException.config(what + ": the manifest must be a YAML mapping");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw ConnectorException.config(what + " is not valid YAML" + where + ": " + e.getOriginalMessage());
        }
    }
}
