package io.sluice.connectors.files;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.Secret;
import java.net.URI;
import java.util.Optional;

/**
 * How to reach S3 or an S3-compatible store (MinIO).
 *
 * @param endpoint a custom endpoint such as {@code http://minio:9000}; with one, requests use
 *     path-style addressing
 * @param region the region to sign for ({@code us-east-1} when none is given)
 * @param accessKeyId with {@code secretAccessKey}, static credentials; without, anonymous access
 * @param fields the config field names of these settings, for messages
 */
public record S3Settings(Optional<URI> endpoint, String region, Optional<String> accessKeyId,
        Optional<Secret> secretAccessKey, Fields fields) {

    public static final String DEFAULT_REGION = "us-east-1";

    public S3Settings {
        requireNonNull(endpoint, "endpoint");
        requireNonNull(region, "region");
        requireNonNull(accessKeyId, "accessKeyId");
        requireNonNull(secretAccessKey, "secretAccessKey");
        requireNonNull(fields, "fields");
    }

    /** The config field names behind each setting, so errors name what the user typed. */
    public record Fields(String endpoint, String accessKeyId, String secretAccessKey, String bucket) {}

    /** The endpoint for messages: the custom one, or AWS in the region. */
    public String endpointName() {
        return endpoint.map(URI::toString).orElse("AWS S3 (" + region + ")");
    }
}
