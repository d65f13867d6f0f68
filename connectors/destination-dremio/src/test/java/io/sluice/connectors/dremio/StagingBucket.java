package io.sluice.connectors.dremio;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 staging area for tests: an in-process S3Proxy (in memory) that checks signatures against
 * one key pair, with one bucket, and a way to read back the Parquet files of a folder with DuckDB,
 * which is what Dremio would read after a refresh.
 */
final class StagingBucket implements AutoCloseable {
    static final String ACCESS_KEY = "sluice-dremio-access";
    static final String SECRET_KEY = "sluice-dremio-secret-Hv3";
    static final String BUCKET = "datalake";

    private final S3Proxy proxy;
    private final URI endpoint;
    private final S3Client client;

    private StagingBucket(S3Proxy proxy, URI endpoint, S3Client client) {
        this.proxy = proxy;
        this.endpoint = endpoint;
        this.client = client;
    }

    static StagingBucket start() throws Exception {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
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
        return new StagingBucket(proxy, endpoint, client);
    }

    URI endpoint() {
        return endpoint;
    }

    List<String> keys(String prefix) {
        return client.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    /** The rows of every Parquet file under {@code prefix}, read with DuckDB; empty when there is none. */
    List<Map<String, Object>> parquetRows(String prefix, Path scratch) throws IOException, SQLException {
        Path dir = Files.createTempDirectory(scratch, "staged");
        List<String> keys = keys(prefix);
        for (String key : keys) {
            Path file = dir.resolve(key);
            Files.createDirectories(file.getParent());
            Files.write(file, client.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray());
        }
        if (keys.isEmpty()) {
            return List.of();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM read_parquet('" + dir + "/**/*.parquet')")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    @Override
    public void close() throws Exception {
        client.close();
        proxy.stop();
    }
}
