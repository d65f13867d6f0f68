package io.sluice.connectors.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Emitter;
import io.sluice.cdk.InputState;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.Source;
import io.sluice.connectors.files.FileReading;
import io.sluice.connectors.files.RowAssembler;
import io.sluice.connectors.files.SchemaInference;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.Catalog;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectorSpecification;
import io.sluice.protocol.TraceMessage;
import io.sluice.protocol.TraceMessage.StreamStatus;
import io.sluice.protocol.TraceMessage.StreamStatusTrace;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code source-file}: one file (CSV, TSV, JSON, JSONL or Parquet; plain, gzip or zip) from a
 * local path, an HTTP(S) URL or an {@code s3://} URL, as one stream named {@code dataset_name}.
 * The schema is inferred from the first rows; every read is a full refresh that streams the file
 * in constant memory. Config fields are Airbyte's.
 */
public final class FileSource implements Source {
    public static final String NAME = "source-file";
    private static final Logger LOG = LoggerFactory.getLogger(FileSource.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConnectorSpecification spec() {
        return FileSpec.specification();
    }

    @Override
    public ConnectionStatus check(JsonNode config) {
        try {
            List<ConfigError> problems = FileConfig.validate(config);
            if (!problems.isEmpty()) {
                return ConnectionStatus.failed(FileConfig.describe(problems));
            }
            FileConfig file = FileConfig.from(config);
            SchemaInference inference = sample(file, 1);
            if (inference.isEmpty()) {
                return ConnectionStatus.failed("url: the file holds no columns (it is empty)");
            }
            return ConnectionStatus.succeeded();
        } catch (ConnectorException e) {
            return ConnectionStatus.failed(e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("check failed unexpectedly", e);
            return ConnectionStatus.failed("Could not check the config: " + e.getMessage());
        }
    }

    @Override
    public Catalog discover(JsonNode config) {
        FileConfig file = FileConfig.from(config);
        SchemaInference inference = sample(file, file.sampleRows());
        if (inference.isEmpty()) {
            throw ConnectorException.config("url: the file holds no columns (it is empty)");
        }
        ObjectNode schema = inference.jsonSchema();
        LOG.info("discovered {} columns from {} sampled rows", schema.path("properties").size(), inference.records());
        return new Catalog(List.of(AirbyteStream.of(null, file.datasetName(), schema, List.of(), List.of())));
    }

    @Override
    public void read(JsonNode config, ConfiguredCatalog catalog, InputState state, Emitter out) {
        FileConfig file = FileConfig.from(config);
        List<ConfiguredStream> streams = catalog.streams();
        for (int index = 0; index < streams.size(); index++) {
            ConfiguredStream stream = streams.get(index);
            if (!stream.stream().name().equals(file.datasetName())) {
                throw ConnectorException.config("the catalog names stream \"" + stream.stream().name()
                        + "\" but dataset_name is \"" + file.datasetName() + "\"");
            }
            readStream(file, index, stream, out);
        }
    }

    private static void readStream(FileConfig file, int index, ConfiguredStream stream, Emitter out) {
        status(out, stream, StreamStatus.STARTED);
        RowAssembler assembler = new RowAssembler(RowSchema.of(stream.stream().jsonSchema()));
        long rows;
        try (OpenedFile opened = OpenedFile.of(file)) {
            rows = FileReading.read(opened.location(), file.readOptions(), assembler, row -> out.record(index, row));
        }
        LOG.info("stream {}: emitted {} records", stream.descriptor(), rows);
        status(out, stream, StreamStatus.COMPLETE);
    }

    private static SchemaInference sample(FileConfig file, int rows) {
        SchemaInference inference = new SchemaInference(file.readOptions().format().isText());
        try (OpenedFile opened = OpenedFile.of(file)) {
            FileReading.sample(opened.location(), file.readOptions(), rows, inference);
        }
        return inference;
    }

    private static void status(Emitter out, ConfiguredStream stream, StreamStatus status) {
        out.trace(TraceMessage.streamStatus(new StreamStatusTrace(stream.descriptor(), status, List.of()),
                System.currentTimeMillis()));
    }
}
