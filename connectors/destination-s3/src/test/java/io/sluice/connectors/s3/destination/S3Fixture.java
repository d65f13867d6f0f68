package io.sluice.connectors.s3.destination;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An in-process S3Proxy (in-memory blob store) on a free port that checks AWS signatures against
 * one key pair, a bucket in it, and a plain S3 client to look at what the destination wrote.
 */
public final class S3Fixture implements AutoCloseable {
    public static final String ACCESS_KEY = "sluice-test-access-key";
    public static final String SECRET_KEY = "sluice-test-secret-Qx7vP2mZ9";
    public static final String BUCKET = "sluice-test";

    private final S3Proxy proxy;
    private final URI endpoint;
    private final S3Client client;

    private S3Fixture(S3Proxy proxy, URI endpoint, S3Client client) {
        this.proxy = proxy;
        this.endpoint = endpoint;
        this.client = client;
    }

    public static S3Fixture start() throws Exception {
        return start(new TransientNio2BlobStore());
    }

    /** An S3Proxy that keeps the objects in files under {@code dir}, not in memory. */
    static S3Fixture startOnDisk(Path dir) throws Exception {
        return start(new FilesystemNio2BlobStore(dir.toString()));
    }

    private static S3Fixture start(BlobStore store) throws Exception {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.sleep(10);
        }
        URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        S3Client client = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
        client.createBucket(b -> b.bucket(BUCKET));
        return new S3Fixture(proxy, endpoint, client);
    }

    public URI endpoint() {
        return endpoint;
    }

    S3Client client() {
        return client;
    }

    /** A config for a fresh, empty bucket path, in {@code format}. */
    ObjectNode config(ObjectNode format) {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.put("s3_bucket_name", BUCKET);
        config.put("s3_bucket_path", "it/" + UUID.randomUUID().toString().substring(0, 8));
        config.put("s3_bucket_region", "us-east-1");
        config.put("s3_endpoint", endpoint.toString());
        config.put("access_key_id", ACCESS_KEY);
        config.put("secret_access_key", SECRET_KEY);
        config.set("format", format);
        return config;
    }

    static ObjectNode parquet(String codec) {
        return JsonNodeFactory.instance.objectNode().put("format_type", "Parquet").put("compression_codec", codec);
    }

    static ObjectNode csv(boolean flatten, boolean gzip) {
        ObjectNode format = JsonNodeFactory.instance.objectNode().put("format_type", "CSV")
                .put("flattening", flatten ? "Root level flattening" : "No flattening");
        format.putObject("compression").put("compression_type", gzip ? "GZIP" : "No Compression");
        return format;
    }

    static ObjectNode jsonl(boolean flatten, boolean gzip) {
        ObjectNode format = JsonNodeFactory.instance.objectNode().put("format_type", "JSONL")
                .put("flattening", flatten ? "Root level flattening" : "No flattening");
        format.putObject("compression").put("compression_type", gzip ? "GZIP" : "No Compression");
        return format;
    }

    /** Every key under {@code prefix}, sorted. */
    public List<String> keys(String prefix) {
        return client.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .sorted()
                .toList();
    }

    void put(String key, String body) {
        client.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(body));
    }

    /** Downloads every object under {@code prefix} into {@code dir}, keeping the key's path; returns the files. */
    public List<Path> download(String prefix, Path dir) throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (String key : keys(prefix)) {
            Path file = dir.resolve(key);
            Files.createDirectories(file.getParent());
            Files.write(file, client.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray());
            files.add(file);
        }
        return files;
    }

    /** Downloads one object to a file, streaming. */
    void downloadObject(String key, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        client.getObject(b -> b.bucket(BUCKET).key(key), file);
    }

    /** Multipart uploads started and neither completed nor aborted. */
    int openUploads() {
        return client.listMultipartUploads(b -> b.bucket(BUCKET)).uploads().size();
    }

    @Override
    public void close() throws Exception {
        client.close();
        proxy.stop();
    }
}
