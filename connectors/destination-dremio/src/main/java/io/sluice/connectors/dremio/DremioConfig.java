package io.sluice.connectors.dremio;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConfigValidator;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Secret;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A destination-dremio config, defaults filled in.
 *
 * @param project the seed's "Project": the Dremio S3 source (Root Path {@code /}) that reads the staging bucket
 * @param dataset the seed's "Dataset": the folder under {@code s3_bucket_path} holding one folder per stream
 * @param bucketPath {@code s3_bucket_path} without leading or trailing slashes
 * @param staging the destination-s3 config that writes the Parquet files
 */
record DremioConfig(String host, int flightPort, int restPort, String username, Secret password, boolean ssl,
        String project, String dataset, String bucket, String bucketPath, Optional<String> viewSql,
        ObjectNode staging) {
    static final int DEFAULT_FLIGHT_PORT = 32010;
    static final int DEFAULT_REST_PORT = 9047;
    /** One folder per stream under the dataset folder; files named by the sync's start, as destination-s3 does. */
    static final String STAGING_PATH_FORMAT = "${STREAM_NAME}/${YEAR}_${MONTH}_${DAY}_${EPOCH}_";
    private static final List<String> STAGING_FIELDS = List.of("s3_bucket_name", "s3_bucket_region", "s3_endpoint",
            "access_key_id", "secret_access_key");

    DremioConfig {
        requireNonNull(host, "host");
        requireNonNull(username, "username");
        requireNonNull(password, "password");
        requireNonNull(project, "project");
        requireNonNull(dataset, "dataset");
        requireNonNull(bucket, "bucket");
        requireNonNull(bucketPath, "bucketPath");
        requireNonNull(viewSql, "viewSql");
        requireNonNull(staging, "staging");
    }

    /** The config's problems against the spec; empty when usable. */
    static List<ConfigError> validate(JsonNode config) {
        if (config == null || !config.isObject()) {
            return List.of(new ConfigError("", "must be a JSON object"));
        }
        List<ConfigError> problems = new ArrayList<>(ConfigValidator.validate(DremioSpec.schema(), config));
        if (text(config, "dataset").contains("/")) {
            problems.add(new ConfigError("dataset", "must be one folder name, without '/'"));
        }
        boolean hasKeyId = !text(config, "access_key_id").isEmpty();
        boolean hasSecret = !text(config, "secret_access_key").isEmpty();
        if (hasKeyId != hasSecret) {
            problems.add(new ConfigError(hasKeyId ? "secret_access_key" : "access_key_id",
                    "is required with " + (hasKeyId ? "access_key_id" : "secret_access_key")));
        }
        return problems;
    }

    /** @throws ConnectorException (CONFIG) naming each field at fault */
    static DremioConfig from(JsonNode config) {
        List<ConfigError> problems = validate(config);
        if (!problems.isEmpty()) {
            throw ConnectorException.config("Invalid destination-dremio config: "
                    + String.join("; ", problems.stream().map(ConfigError::toString).toList()));
        }
        String bucketPath = text(config, "s3_bucket_path").replaceAll("^/+|/+$", "");
        String dataset = text(config, "dataset");
        String view = text(config, "view_sql");
        return new DremioConfig(text(config, "host"),
                config.path("port").asInt(DEFAULT_FLIGHT_PORT),
                config.path("rest_port").asInt(DEFAULT_REST_PORT),
                text(config, "username"),
                Secret.of(config.path("password").asText("")),
                config.path("ssl").asBoolean(false),
                text(config, "project"), dataset, text(config, "s3_bucket_name"), bucketPath,
                view.isEmpty() ? Optional.empty() : Optional.of(view),
                staging(config, bucketPath.isEmpty() ? dataset : bucketPath + "/" + dataset));
    }

    /** destination-s3's config for the staging files: Parquet, under {@code <s3_bucket_path>/<dataset>/<stream>/}. */
    private static ObjectNode staging(JsonNode config, String stagingPath) {
        ObjectNode s3 = JsonNodeFactory.instance.objectNode();
        for (String field : STAGING_FIELDS) {
            if (config.hasNonNull(field)) {
                s3.set(field, config.get(field));
            }
        }
        s3.put("s3_bucket_path", stagingPath);
        s3.put("s3_path_format", STAGING_PATH_FORMAT);
        s3.putObject("format").put("format_type", "Parquet").put("compression_codec", "SNAPPY");
        return s3;
    }

    /** The Dremio path of a stream's table: source, bucket, the bucket path's folders, dataset, stream. */
    List<String> tablePath(String stream) {
        List<String> path = new ArrayList<>();
        path.add(project);
        path.add(bucket);
        if (!bucketPath.isEmpty()) {
            path.addAll(Arrays.asList(bucketPath.split("/+")));
        }
        path.add(dataset);
        path.add(stream);
        return List.copyOf(path);
    }

    private static String text(JsonNode config, String field) {
        JsonNode value = config.get(field);
        return value == null || value.isNull() ? "" : value.asText().strip();
    }
}
