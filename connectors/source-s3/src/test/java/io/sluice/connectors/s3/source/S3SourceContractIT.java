package io.sluice.connectors.s3.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.Source;
import io.sluice.cdk.testkit.SourceContractTest;
import io.sluice.connectors.files.testing.S3TestServer;
import io.sluice.connectors.files.testing.SampleFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The shared source contract against S3Proxy; the second incremental read finds one new file. */
class S3SourceContractIT extends SourceContractTest {
    private static final String BUCKET = "contract";
    private static final AtomicInteger NEXT_FILE = new AtomicInteger();
    private static S3TestServer s3;

    @BeforeAll
    static void start() throws Exception {
        s3 = new S3TestServer();
        s3.createBucket(BUCKET);
        s3.put(BUCKET, "data/first.csv", SampleFiles.CSV.getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    @Override
    protected Source source() {
        return new S3Source();
    }

    @Override
    protected JsonNode validConfig() {
        ObjectNode config = Buckets.config(s3, BUCKET);
        Buckets.stream(config, "sales", "csv", "data/*.csv");
        return config;
    }

    @Override
    protected List<JsonNode> invalidConfigs() {
        ObjectNode noStreams = Buckets.config(s3, BUCKET);
        ObjectNode wrongBucket = (ObjectNode) validConfig();
        wrongBucket.put("bucket", "no-such-bucket");
        ObjectNode wrongSecret = (ObjectNode) validConfig();
        wrongSecret.put("aws_secret_access_key", "not-the-secret");
        ObjectNode avro = Buckets.config(s3, BUCKET);
        Buckets.stream(avro, "sales", "avro", "data/*.avro");
        return List.of(noStreams, wrongBucket, wrongSecret, avro);
    }

    @Override
    protected JsonNode configForSecondIncrementalRead(JsonNode first) {
        s3.put(BUCKET, "data/more-" + NEXT_FILE.incrementAndGet() + ".csv",
                "id,name,amount,active,day,updated_at\n4,Dee,1.5,true,2024-03-01,2024-03-01T00:00:00Z\n"
                        .getBytes(StandardCharsets.UTF_8));
        return first;
    }

    @Override
    protected boolean expectsNewRecordsOnSecondIncrementalRead() {
        return true;
    }
}
