package io.sluice.connectors.s3.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import io.sluice.connectors.files.FileReading;
import io.sluice.connectors.files.S3ObjectLocation;
import io.sluice.connectors.files.S3Settings;
import io.sluice.connectors.files.SchemaInference;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A stream's JSON schema: {@code input_schema} when given, else inferred from a sample of its most
 * recently modified files (types widened across them), followed by Airbyte's two file columns.
 */
final class StreamSchemas {
    static final String LAST_MODIFIED_COLUMN = "_ab_source_file_last_modified";
    static final String URL_COLUMN = "_ab_source_file_url";
    static final int SAMPLE_ROWS_PER_FILE = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(StreamSchemas.class);

    private StreamSchemas() {}

    static ObjectNode of(StreamConfig stream, List<BucketFile> files, S3Client client, S3Settings settings,
            String bucket) {
        ObjectNode schema = stream.inputSchema().map(ObjectNode::deepCopy)
                .orElseGet(() -> inferred(stream, files, client, settings, bucket));
        ObjectNode properties = (ObjectNode) schema.get("properties");
        properties.remove(List.of(LAST_MODIFIED_COLUMN, URL_COLUMN));
        RowSchema.JsonSchemaBuilder builder = new RowSchema.JsonSchemaBuilder();
        for (Map.Entry<String, JsonNode> p : properties.properties()) {
            builder.property(p.getKey(), (ObjectNode) p.getValue());
        }
        return builder.property(LAST_MODIFIED_COLUMN, ValueType.STRING).property(URL_COLUMN, ValueType.STRING).build();
    }

    /** The positions of the two file columns in a stream's row. */
    record FileColumns(int lastModified, int url) {
        static FileColumns of(RowSchema schema) {
            return new FileColumns(position(schema, LAST_MODIFIED_COLUMN), position(schema, URL_COLUMN));
        }

        private static int position(RowSchema schema, String column) {
            return schema.indexOf(column).orElseThrow(() -> ConnectorException.config(
                    "the catalog's schema lacks the column " + column + "; discover the stream again"));
        }
    }

    private static ObjectNode inferred(StreamConfig stream, List<BucketFile> files, S3Client client,
            S3Settings settings, String bucket) {
        SchemaInference all = new SchemaInference(stream.readOptions().format().isText());
        List<BucketFile> recent = files.reversed().stream().limit(stream.schemaFiles()).toList();
        for (BucketFile file : recent) {
            SchemaInference one = new SchemaInference(stream.readOptions().format().isText());
            FileReading.sample(new S3ObjectLocation(client, settings, bucket, file.key()), stream.readOptions(),
                    SAMPLE_ROWS_PER_FILE, one);
            all.merge(one);
        }
        LOG.info("stream {}: schema inferred from {} rows of {} files", stream.name(), all.records(), recent.size());
        return all.jsonSchema();
    }

    static String describeEmpty(StreamConfig stream) {
        return "stream " + stream.name() + ": no file matches " + stream.globs().stream().map(Globs::glob).toList();
    }
}
