package io.sluice.connectors.s3.destination;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConfigValidator;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Secret;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A destination-s3 config in Airbyte's field names, defaults filled in.
 *
 * @param bucketPath {@code s3_bucket_path} without leading or trailing slashes
 * @param endpoint {@code s3_endpoint} when set: an S3-compatible server, addressed path-style
 * @param credentials the access key pair, or empty for the default AWS credential chain
 * @param fileNamePattern empty for the default file name
 * @param fileSizeBytes {@code file_size_mb}: a file rolls over once it holds about this much
 */
record S3Config(String bucket, String bucketPath, String region, Optional<URI> endpoint,
        Optional<KeyPair> credentials, String pathFormat, String fileNamePattern, OutputFormat format,
        long fileSizeBytes) {
    static final String DEFAULT_REGION = "us-east-1";
    static final long DEFAULT_FILE_SIZE_MB = 256;

    /** An access key id and its secret; both print masked. */
    record KeyPair(Secret accessKeyId, Secret secretAccessKey) {
        KeyPair {
            requireNonNull(accessKeyId, "accessKeyId");
            requireNonNull(secretAccessKey, "secretAccessKey");
        }
    }

    S3Config {
        requireNonNull(bucket, "bucket");
        requireNonNull(bucketPath, "bucketPath");
        requireNonNull(region, "region");
        requireNonNull(endpoint, "endpoint");
        requireNonNull(credentials, "credentials");
        requireNonNull(pathFormat, "pathFormat");
        requireNonNull(fileNamePattern, "fileNamePattern");
        requireNonNull(format, "format");
    }

    /** The config's problems against the spec and the path patterns; empty when usable. */
    static List<ConfigError> validate(JsonNode config) {
        if (config == null || !config.isObject()) {
            return List.of(new ConfigError("", "must be a JSON object"));
        }
        List<ConfigError> problems = new ArrayList<>(ConfigValidator.validate(S3Spec.schema(), config));
        formatOption(config.path("format").path("format_type").asText("")).ifPresent(option -> {
            problems.removeIf(p -> p.field().equals("format") || p.field().startsWith("format."));
            problems.addAll(ConfigValidator.validate(option, config).stream()
                    .filter(p -> p.field().equals("format") || p.field().startsWith("format."))
                    .toList());
        });
        problems.addAll(ObjectKeys.validate(text(config, "s3_path_format", ObjectKeys.DEFAULT_PATH_FORMAT),
                text(config, "file_name_pattern", "")));
        String endpoint = text(config, "s3_endpoint", "");
        if (!endpoint.isEmpty() && problems.stream().noneMatch(p -> p.field().equals("s3_endpoint"))) {
            try {
                URI.create(endpoint);
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigError("s3_endpoint", "is not a valid URL"));
            }
        }
        boolean hasKeyId = !text(config, "access_key_id", "").isEmpty();
        boolean hasSecret = !text(config, "secret_access_key", "").isEmpty();
        if (hasKeyId != hasSecret) {
            problems.add(new ConfigError(hasKeyId ? "secret_access_key" : "access_key_id",
                    "is required with " + (hasKeyId ? "access_key_id" : "secret_access_key")
                            + " (or leave both empty for the default AWS credentials)"));
        }
        return problems;
    }

    /**
     * The spec with {@code format} narrowed to the option the config names: an enum error inside the
     * chosen option (say {@code compression_codec}) is then reported as such, not as "format_type must
     * be one of" (which the oneOf would say, since every option then fails).
     */
    private static Optional<ObjectNode> formatOption(String formatType) {
        ObjectNode schema = S3Spec.schema();
        for (JsonNode option : schema.at("/properties/format/oneOf")) {
            if (option.at("/properties/format_type/const").asText().equals(formatType)) {
                ((ObjectNode) schema.get("properties")).set("format", option);
                return Optional.of(schema);
            }
        }
        return Optional.empty();
    }

    /** @throws ConnectorException (CONFIG) naming each field at fault */
    static S3Config from(JsonNode config) {
        List<ConfigError> problems = validate(config);
        if (!problems.isEmpty()) {
            throw ConnectorException.config("Invalid destination-s3 config: "
                    + String.join("; ", problems.stream().map(ConfigError::toString).toList()));
        }
        String endpoint = text(config, "s3_endpoint", "");
        String keyId = text(config, "access_key_id", "");
        String region = text(config, "s3_bucket_region", "");
        String pathFormat = text(config, "s3_path_format", "");
        return new S3Config(
                config.get("s3_bucket_name").asText(),
                config.get("s3_bucket_path").asText().replaceAll("^/+|/+$", ""),
                region.isEmpty() ? DEFAULT_REGION : region,
                endpoint.isEmpty() ? Optional.empty() : Optional.of(URI.create(endpoint)),
                keyId.isEmpty() ? Optional.empty() : Optional.of(new KeyPair(Secret.of(keyId),
                        Secret.of(text(config, "secret_access_key", "")))),
                pathFormat.isEmpty() ? ObjectKeys.DEFAULT_PATH_FORMAT : pathFormat,
                text(config, "file_name_pattern", ""),
                OutputFormat.from(config.get("format")),
                config.path("file_size_mb").asLong(DEFAULT_FILE_SIZE_MB) << 20);
    }

    /** The secret values, for scrubbing messages that come from the S3 client. */
    List<String> secretValues() {
        return credentials.map(k -> List.of(k.accessKeyId().reveal(), k.secretAccessKey().reveal())).orElse(List.of());
    }

    private static String text(JsonNode config, String field, String fallback) {
        JsonNode value = config.get(field);
        return value == null || value.isNull() ? fallback : value.asText().strip();
    }
}
