package io.sluice.connectors.s3.destination;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The few S3 calls the destination makes, on one bucket, each failure turned into a classified
 * {@link io.sluice.cdk.ConnectorException} by {@link S3Failures}. Thread-safe (the S3 client is).
 */
final class S3Storage implements AutoCloseable {
    private static final int DELETE_BATCH = 1000;

    private final S3Client client;
    private final String bucket;
    private final S3Failures failures;

    S3Storage(S3Client client, String bucket, S3Failures failures) {
        this.client = requireNonNull(client, "client");
        this.bucket = requireNonNull(bucket, "bucket");
        this.failures = requireNonNull(failures, "failures");
    }

    /** A client for the config's bucket: path-style addressing when an endpoint is set (MinIO and the like). */
    static S3Storage open(S3Config config) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofMinutes(2)))
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config))
                .putAuthScheme(UnsignedPayloadSigner.scheme());
        config.endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint)
                .forcePathStyle(true)
                // S3-compatible servers differ in which of the newer default checksums they accept
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        return new S3Storage(builder.build(), config.bucket(), new S3Failures(config));
    }

    private static AwsCredentialsProvider credentials(S3Config config) {
        return config.credentials()
                .<AwsCredentialsProvider>map(k -> StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        k.accessKeyId().reveal(), k.secretAccessKey().reveal())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    String bucket() {
        return bucket;
    }

    /** Writes a whole object in one request. */
    void put(String key, byte[] bytes, int length) {
        call("write " + where(key), () -> client.putObject(b -> b.bucket(bucket).key(key).contentLength((long) length),
                body(bytes, length)));
    }

    /** Starts a multipart upload; its parts stay invisible until {@link #completeMultipart}. */
    String createMultipart(String key) {
        return call("start an upload to " + where(key),
                () -> client.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId());
    }

    CompletedPart uploadPart(String key, String uploadId, int partNumber, byte[] bytes, int length) {
        String eTag = call("upload part " + partNumber + " of " + where(key), () -> client.uploadPart(
                b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber).contentLength((long) length),
                body(bytes, length)).eTag());
        return CompletedPart.builder().partNumber(partNumber).eTag(eTag).build();
    }

    /**
     * The first {@code length} bytes as a request body, read in place (a retry reads them again):
     * the caller leaves them alone until the request returns. Not a copy, as {@code fromByteBuffer}
     * makes, which cost a part-sized allocation per part.
     */
    private static RequestBody body(byte[] bytes, int length) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length,
                "application/octet-stream");
    }

    void completeMultipart(String key, String uploadId, List<CompletedPart> parts) {
        call("complete the upload of " + where(key), () -> client.completeMultipartUpload(b -> b.bucket(bucket).key(key)
                .uploadId(uploadId).multipartUpload(m -> m.parts(parts))));
    }

    void abortMultipart(String key, String uploadId) {
        call("abort the upload of " + where(key),
                () -> client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)));
    }

    /** Every key that starts with {@code prefix}. */
    List<String> list(String prefix) {
        return call("list " + where(prefix), () -> {
            List<String> keys = new ArrayList<>();
            for (S3Object object : client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
                keys.add(object.key());
            }
            return keys;
        });
    }

    /** Lists at most one key under {@code prefix}: fails early, with the server's reason, when the bucket is unusable. */
    void probe(String prefix) {
        call("list " + where(prefix), () -> client.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).maxKeys(1)));
    }

    boolean exists(String key) {
        return call("look for " + where(key), () -> {
            try {
                client.headObject(b -> b.bucket(bucket).key(key));
                return true;
            } catch (NoSuchKeyException e) {
                return false;
            } catch (S3Exception e) {
                if (e.statusCode() == 404 && !"NoSuchBucket".equals(errorCode(e))) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** Deletes the keys, a thousand per request. */
    void delete(List<String> keys) {
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH)).stream()
                    .map(k -> ObjectIdentifier.builder().key(k).build())
                    .toList();
            DeleteObjectsResponse response = call("delete objects under " + where(""), () -> client.deleteObjects(
                    b -> b.bucket(bucket).delete(Delete.builder().objects(batch).quiet(true).build())));
            if (response.hasErrors() && !response.errors().isEmpty()) {
                throw new io.sluice.cdk.ConnectorException(io.sluice.cdk.FailureKind.SYSTEM,
                        "S3 could not delete " + response.errors().size() + " object(s), e.g. s3://" + bucket + "/"
                                + response.errors().getFirst().key() + ": " + response.errors().getFirst().code());
            }
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private String where(String key) {
        return "s3://" + bucket + "/" + key;
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private <T> T call(String action, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw failures.of(action, e);
        }
    }
}
