package io.sluice.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3Proxy in this process on a free port, keeping its objects as files under a temporary directory
 * (10M rows of Parquet are more than a 2 GB heap could hold in its in-memory store), with one
 * bucket and a client to look at what was written. Multipart uploads go through
 * {@link UnhashedMultipartStore} unless S3Proxy's own store is asked for (it hashes every byte
 * twice). {@link #close()} stops it and deletes the files.
 */
final class InProcessS3 implements AutoCloseable {
    static final String ACCESS_KEY = "sluice-bench-access-key";
    static final String SECRET_KEY = "sluice-bench-secret-key";
    static final String BUCKET = "sluice-bench";

    private final Path dir;
    private final S3Proxy proxy;
    private final URI endpoint;
    private final S3Client client;

    private InProcessS3(Path dir, S3Proxy proxy, URI endpoint, S3Client client) {
        this.dir = dir;
        this.proxy = proxy;
        this.endpoint = endpoint;
        this.client = client;
    }

    /** @param hashingStore S3Proxy's own file-system store, which computes the MD5 of every part and object */
    static InProcessS3 start(boolean hashingStore) throws Exception {
        Path dir = Files.createTempDirectory("sluice-bench-s3-");
        Path objects = Files.createDirectory(dir.resolve("objects"));
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(hashingStore ? new FilesystemNio2BlobStore(objects.toString())
                        : UnhashedMultipartStore.under(objects, dir.resolve("parts")))
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
        return new InProcessS3(dir, proxy, endpoint, client);
    }

    URI endpoint() {
        return endpoint;
    }

    /** Every key under {@code prefix}, sorted. */
    List<String> keys(String prefix) {
        return client.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .sorted()
                .toList();
    }

    /** Downloads every object under {@code prefix} into {@code target} (flat, numbered); returns the files. */
    List<Path> download(String prefix, Path target) {
        List<Path> files = new ArrayList<>();
        for (String key : keys(prefix)) {
            Path file = target.resolve(files.size() + "-" + key.substring(key.lastIndexOf('/') + 1));
            client.getObject(b -> b.bucket(BUCKET).key(key), file);
            files.add(file);
        }
        return files;
    }

    @Override
    public void close() throws Exception {
        try {
            client.close();
            proxy.stop();
        } finally {
            deleteTree(dir);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
