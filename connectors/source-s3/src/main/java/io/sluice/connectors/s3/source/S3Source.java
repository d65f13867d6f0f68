package io.sluice.connectors.s3.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.Checkpointer;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Emitter;
import io.sluice.cdk.InputState;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.Source;
import io.sluice.connectors.files.FileReading;
import io.sluice.connectors.files.RowAssembler;
import io.sluice.connectors.files.S3Clients;
import io.sluice.connectors.files.S3ObjectLocation;
import io.sluice.connectors.files.SchemaInference;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.Catalog;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectorSpecification;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.SyncMode;
import io.sluice.protocol.TraceMessage;
import io.sluice.protocol.TraceMessage.StreamStatus;
import io.sluice.protocol.TraceMessage.StreamStatusTrace;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code source-s3}: for each configured stream, the files of a bucket matching its globs (CSV,
 * JSONL or Parquet; plain, gzip or zip), their records carrying Airbyte's
 * {@code _ab_source_file_last_modified} and {@code _ab_source_file_url}. Full refresh reads every
 * file; incremental reads the files new or changed since the state's watermark (see
 * {@link FileCursor}), oldest first, with a state after each file. Config fields are Airbyte's (v4).
 */
public final class S3Source implements Source {
    public static final String NAME = "source-s3";
    static final int CHECKPOINT_RECORDS = 100_000;
    static final Duration CHECKPOINT_TIME = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(S3Source.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConnectorSpecification spec() {
        return S3SourceSpec.specification();
    }

    @Override
    public ConnectionStatus check(JsonNode config) {
        try {
            List<ConfigError> problems = S3SourceConfig.validate(config);
            if (!problems.isEmpty()) {
                return ConnectionStatus.failed(S3SourceConfig.describe(problems));
            }
            S3SourceConfig s3 = S3SourceConfig.from(config);
            try (S3Client client = S3Clients.create(s3.s3())) {
                BucketListing listing = new BucketListing(client, s3.s3(), s3.bucket());
                for (StreamConfig stream : s3.streams()) {
                    List<BucketFile> first = listing.files(stream, s3.startDate(), 1);
                    if (!first.isEmpty()) {
                        FileReading.sample(new S3ObjectLocation(client, s3.s3(), s3.bucket(), first.getFirst().key()),
                                stream.readOptions(), 1, new SchemaInference(false));
                    }
                }
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
        S3SourceConfig s3 = S3SourceConfig.from(config);
        List<AirbyteStream> streams = new ArrayList<>();
        try (S3Client client = S3Clients.create(s3.s3())) {
            BucketListing listing = new BucketListing(client, s3.s3(), s3.bucket());
            for (StreamConfig stream : s3.streams()) {
                List<BucketFile> files = listing.files(stream, s3.startDate(), Integer.MAX_VALUE);
                if (files.isEmpty() && stream.inputSchema().isEmpty()) {
                    LOG.warn("{}; its schema has only the file columns", StreamSchemas.describeEmpty(stream));
                }
                streams.add(AirbyteStream.of(null, stream.name(),
                        StreamSchemas.of(stream, files, client, s3.s3(), s3.bucket()),
                        List.of(StreamSchemas.LAST_MODIFIED_COLUMN), List.of()));
            }
        }
        return new Catalog(streams);
    }

    @Override
    public void read(JsonNode config, ConfiguredCatalog catalog, InputState state, Emitter out) {
        S3SourceConfig s3 = S3SourceConfig.from(config);
        try (S3Client client = S3Clients.create(s3.s3())) {
            BucketListing listing = new BucketListing(client, s3.s3(), s3.bucket());
            List<ConfiguredStream> streams = catalog.streams();
            for (int index = 0; index < streams.size(); index++) {
                ConfiguredStream configured = streams.get(index);
                StreamConfig stream = s3.stream(configured.stream().name()).orElseThrow(() -> ConnectorException.config(
                        "the catalog names stream \"" + configured.stream().name() + "\" but no entry of streams has it"));
                readStream(client, s3, listing, index, configured, stream, state, out);
            }
        }
    }

    private static void readStream(S3Client client, S3SourceConfig s3, BucketListing listing, int index,
            ConfiguredStream configured, StreamConfig stream, InputState state, Emitter out) {
        status(out, configured, StreamStatus.STARTED);
        boolean incremental = configured.syncMode() == SyncMode.INCREMENTAL;
        FileCursor cursor = incremental ? FileCursor.from(state.streamState(configured.descriptor())) : FileCursor.start();
        List<BucketFile> files = listing.files(stream, s3.startDate(), Integer.MAX_VALUE).stream()
                .filter(cursor::isNew)
                .toList();
        RowSchema schema = RowSchema.of(configured.stream().jsonSchema());
        StreamSchemas.FileColumns columns = StreamSchemas.FileColumns.of(schema);
        RowAssembler assembler = new RowAssembler(schema);
        Checkpointer checkpointer = new Checkpointer(out, CHECKPOINT_RECORDS, CHECKPOINT_TIME, Clock.systemUTC());
        long rows = 0;
        for (BucketFile file : files) {
            assembler.setConstant(columns.lastModified(), file.lastModifiedText());
            assembler.setConstant(columns.url(), file.key());
            rows += FileReading.read(new S3ObjectLocation(client, s3.s3(), s3.bucket(), file.key()),
                    stream.readOptions(), assembler, row -> {
                        out.record(index, row);
                        checkpointer.recordEmitted(index);
                    });
            if (incremental) {
                cursor.synced(file);
                checkpointer.position(StateMessage.ofStream(configured.descriptor(), cursor.toJson()));
            }
        }
        if (incremental) {
            if (!checkpointer.hasPending() && checkpointer.statesEmitted() == 0) {
                checkpointer.position(StateMessage.ofStream(configured.descriptor(), cursor.toJson()));
            }
            checkpointer.flush();
        }
        LOG.info("stream {}: emitted {} records from {} files", configured.descriptor(), rows, files.size());
        status(out, configured, StreamStatus.COMPLETE);
    }

    private static void status(Emitter out, ConfiguredStream stream, StreamStatus status) {
        out.trace(TraceMessage.streamStatus(new StreamStatusTrace(stream.descriptor(), status, List.of()),
                System.currentTimeMillis()));
    }
}
