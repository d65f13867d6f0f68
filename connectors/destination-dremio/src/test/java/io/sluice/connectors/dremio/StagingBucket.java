package io.sluice.connectors.dremio;

import io.sluice.connectors.s3.destination.S3Fixture;
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

/**
 * The S3 staging area for tests: an in-process S3Proxy (in memory) that checks signatures against
 * one key pair, with one bucket, and a way to read back the Parquet files of a folder with DuckDB,
 * which is what Dremio would read after a refresh.
 */
final class StagingBucket implements AutoCloseable {
    static final String ACCESS_KEY = S3Fixture.ACCESS_KEY;
    static final String SECRET_KEY = S3Fixture.SECRET_KEY;
    static final String BUCKET = S3Fixture.BUCKET;

    private final S3Fixture s3;

    private StagingBucket(S3Fixture s3) {
        this.s3 = s3;
    }

    /** destination-s3's in-process S3Proxy, with the bucket created. */
    static StagingBucket start() throws Exception {
        return new StagingBucket(S3Fixture.start());
    }

    URI endpoint() {
        return s3.endpoint();
    }

    List<String> keys(String prefix) {
        return s3.keys(prefix);
    }

    /** The rows of every Parquet file under {@code prefix}, read with DuckDB; empty when there is none. */
    List<Map<String, Object>> parquetRows(String prefix, Path scratch) throws IOException, SQLException {
        Path dir = Files.createTempDirectory(scratch, "staged");
        if (s3.download(prefix, dir).isEmpty()) {
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
        s3.close();
    }
}
