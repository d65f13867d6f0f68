package io.sluice.connectors.s3.destination;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Destination;
import io.sluice.cdk.RecordInput;
import io.sluice.cdk.StateAcknowledger;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.ConnectorSpecification;
import io.sluice.protocol.DestinationSyncMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each stream as Parquet, CSV or JSON-lines files to an S3 bucket (AWS or an S3-compatible
 * server such as MinIO), streamed through multipart uploads. See {@link SyncRun} for when states
 * are acknowledged and how overwrite replaces a stream's files; {@link ObjectKeys} for the layout.
 */
public final class S3Destination implements Destination {
    private static final Logger LOG = LoggerFactory.getLogger(S3Destination.class);
    private static final int UPLOAD_THREADS = 4;

    private final WriteTuning tuning;

    public S3Destination() {
        this(WriteTuning.DEFAULT);
    }

    /** For tests: small parts, closing files at every checkpoint. */
    S3Destination(WriteTuning tuning) {
        this.tuning = tuning;
    }

    @Override
    public String name() {
        return "destination-s3";
    }

    @Override
    public ConnectorSpecification spec() {
        return S3Spec.specification();
    }

    @Override
    public ConnectionStatus check(JsonNode config) {
        List<ConfigError> problems = S3Config.validate(config);
        if (!problems.isEmpty()) {
            return ConnectionStatus.failed("Invalid destination-s3 config: "
                    + String.join("; ", problems.stream().map(ConfigError::toString).toList()));
        }
        S3Config settings;
        try {
            settings = S3Config.from(config);
        } catch (ConnectorException e) {
            return ConnectionStatus.failed(e.getMessage());
        }
        try (S3Storage storage = S3Storage.open(settings)) {
            probe(storage, settings);
            return ConnectionStatus.succeeded();
        } catch (ConnectorException e) {
            LOG.info("S3 check failed: {}", e.getMessage());
            return ConnectionStatus.failed(e.getMessage());
        } catch (RuntimeException e) {
            String message = new S3Failures(settings).scrub(e.getMessage());
            LOG.info("S3 check failed: {}", message);
            return ConnectionStatus.failed("Could not write to s3://" + settings.bucket() + "/" + settings.bucketPath()
                    + ": " + e.getClass().getSimpleName() + ": " + message);
        }
    }

    /** Writes a small object through a multipart upload (as the files are written), lists it and deletes it. */
    private static void probe(S3Storage storage, S3Config settings) {
        String prefix = settings.bucketPath().isEmpty() ? "" : settings.bucketPath() + "/";
        String key = prefix + "_airbyte_connection_test_" + UUID.randomUUID().toString().replace("-", "");
        byte[] body = "sluice connection check".getBytes(StandardCharsets.UTF_8);
        String uploadId = storage.createMultipart(key);
        try {
            storage.completeMultipart(key, uploadId, List.of(storage.uploadPart(key, uploadId, 1, body, body.length)));
        } catch (RuntimeException e) {
            try {
                storage.abortMultipart(key, uploadId);
            } catch (RuntimeException ignored) {
                LOG.debug("could not abort the check's upload");
            }
            throw e;
        }
        if (!storage.list(key).contains(key)) {
            throw ConnectorException.system("S3 did not list the test object s3://" + settings.bucket() + "/" + key
                    + " just written", null);
        }
        storage.delete(List.of(key));
    }

    @Override
    public void write(JsonNode config, ConfiguredCatalog catalog, RecordInput input, StateAcknowledger acknowledger) {
        S3Config settings = S3Config.from(config);
        refuseDedup(catalog);
        ObjectKeys keys = new ObjectKeys(settings.bucketPath(), settings.pathFormat(), settings.fileNamePattern(),
                settings.format().extension(), Instant.now(), UUID.randomUUID().toString());
        ExecutorService uploads = Executors.newFixedThreadPool(UPLOAD_THREADS, uploadThreads());
        try (S3Storage storage = S3Storage.open(settings)) {
            storage.probe(settings.bucketPath());
            List<StreamFiles> streams = new ArrayList<>();
            for (ConfiguredStream stream : catalog.streams()) {
                streams.add(new StreamFiles(stream, keys.forStream(stream.stream().namespace().orElse(null),
                        stream.stream().name()), settings.format(), storage, uploads, tuning,
                        settings.fileSizeBytes()));
            }
            new SyncRun(streams, acknowledger, tuning).run(input);
        } finally {
            uploads.shutdownNow();
        }
    }

    /** Object storage has no keys to merge on: append_dedup is refused, naming the stream. */
    private static void refuseDedup(ConfiguredCatalog catalog) {
        for (ConfiguredStream stream : catalog.streams()) {
            if (stream.destinationSyncMode() == DestinationSyncMode.APPEND_DEDUP) {
                String name = stream.stream().namespace().map(n -> n + ".").orElse("") + stream.stream().name();
                throw ConnectorException.config("stream " + name + ": destination-s3 does not support the "
                        + "append_dedup sync mode (object storage cannot deduplicate); use append or overwrite");
            }
        }
    }

    private static ThreadFactory uploadThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "s3-upload-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
