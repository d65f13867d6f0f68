package io.sluice.connectors.files;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/** An S3 object, streamed with one GET per {@link #open()}. */
public record S3ObjectLocation(S3Client client, S3Settings settings, String bucket, String key) implements FileLocation {

    public S3ObjectLocation {
        requireNonNull(client, "client");
        requireNonNull(settings, "settings");
        requireNonNull(bucket, "bucket");
        requireNonNull(key, "key");
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public InputStream open() {
        try {
            return client.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build());
        } catch (SdkException e) {
            throw S3Failures.classify("Reading " + describe(), e, settings, bucket);
        }
    }
}
