package io.sluice.connectors.file;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConfigValidator;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Secret;
import io.sluice.connectors.files.FileFormat;
import io.sluice.connectors.files.ReadOptions;
import io.sluice.connectors.files.S3Settings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A source-file config in Airbyte's field names, defaults filled in.
 *
 * @param storage HTTPS, S3 or local
 * @param s3 how to reach S3, for the S3 storage
 */
record FileConfig(String datasetName, ReadOptions readOptions, String url, Storage storage, boolean userAgent,
        S3Settings s3, int sampleRows) {

    enum Storage { HTTPS, S3, LOCAL }

    FileConfig {
        requireNonNull(datasetName, "datasetName");
        requireNonNull(readOptions, "readOptions");
        requireNonNull(url, "url");
        requireNonNull(storage, "storage");
        requireNonNull(s3, "s3");
    }

    /** The config's problems; empty when it is usable. */
    static List<ConfigError> validate(JsonNode config) {
        List<ConfigError> problems = new ArrayList<>();
        parse(config, problems);
        return problems;
    }

    /** @throws ConnectorException (CONFIG) naming each field at fault */
    static FileConfig from(JsonNode config) {
        List<ConfigError> problems = new ArrayList<>();
        FileConfig parsed = parse(config, problems);
        if (!problems.isEmpty()) {
            throw ConnectorException.config(describe(problems));
        }
        return parsed;
    }

    static String describe(List<ConfigError> problems) {
        return "Invalid source-file config: " + String.join("; ", problems.stream().map(ConfigError::toString).toList());
    }

    private static FileConfig parse(JsonNode config, List<ConfigError> problems) {
        if (config == null || !config.isObject()) {
            problems.add(new ConfigError("", "must be a JSON object"));
            return null;
        }
        problems.addAll(ConfigValidator.validate(FileSpec.schema(), config));
        if (!problems.isEmpty()) {
            return null;
        }
        String formatName = config.get("format").asText();
        Optional<FileFormat> format = FileFormat.fromConfig(formatName);
        if (format.isEmpty()) {
            problems.add(new ConfigError("format", "\"" + formatName + "\" is not supported by Sluice's source-file; "
                    + "use one of " + String.join(", ", FileFormat.configNames())));
            return null;
        }
        ReadOptions options = ReaderOptions.parse(format.get(), config.path("reader_options").asText(""), problems);
        JsonNode provider = config.get("provider");
        Storage storage = Storage.valueOf(provider.get("storage").asText().toUpperCase(Locale.ROOT));
        String url = config.get("url").asText().strip();
        checkUrl(storage, url, problems);
        S3Settings s3 = s3Settings(provider, problems);
        FileConfig parsed = new FileConfig(config.get("dataset_name").asText(), options, url, storage,
                provider.path("user_agent").asBoolean(false), s3,
                config.path("schema_sample_rows").asInt(FileSpec.DEFAULT_SAMPLE_ROWS));
        return problems.isEmpty() ? parsed : null;
    }

    private static void checkUrl(Storage storage, String url, List<ConfigError> problems) {
        String lower = url.toLowerCase(Locale.ROOT);
        switch (storage) {
            case HTTPS -> {
                if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
                    problems.add(new ConfigError("url", "must start with https:// or http:// for provider.storage HTTPS"));
                } else if (!validUri(url)) {
                    problems.add(new ConfigError("url", "is not a valid URL"));
                }
            }
            case S3 -> {
                if (!lower.startsWith("s3://") || S3Url.of(url).isEmpty()) {
                    problems.add(new ConfigError("url", "must be s3://bucket/key for provider.storage S3"));
                }
            }
            case LOCAL -> {
                if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("s3://")) {
                    problems.add(new ConfigError("url", "is a remote URL; provider.storage local reads a local path"));
                }
            }
        }
    }

    private static boolean validUri(String url) {
        try {
            return URI.create(url).getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static S3Settings s3Settings(JsonNode provider, List<ConfigError> problems) {
        Optional<URI> endpoint = Optional.empty();
        String endpointText = provider.path("endpoint").asText("").strip();
        if (!endpointText.isEmpty()) {
            try {
                URI uri = URI.create(endpointText.contains("://") ? endpointText : "https://" + endpointText);
                if (uri.getHost() == null) {
                    throw new IllegalArgumentException("no host");
                }
                endpoint = Optional.of(uri);
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigError("provider.endpoint", "is not a valid URL such as http://minio:9000"));
            }
        }
        String key = provider.path("aws_access_key_id").asText("");
        String secret = provider.path("aws_secret_access_key").asText("");
        return new S3Settings(endpoint, provider.path("region_name").asText(S3Settings.DEFAULT_REGION),
                key.isEmpty() ? Optional.empty() : Optional.of(key),
                secret.isEmpty() ? Optional.empty() : Optional.of(Secret.of(secret)),
                new S3Settings.Fields("provider.endpoint", "provider.aws_access_key_id",
                        "provider.aws_secret_access_key", "url"));
    }
}
