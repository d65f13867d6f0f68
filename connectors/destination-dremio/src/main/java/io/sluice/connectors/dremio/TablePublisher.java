package io.sluice.connectors.dremio;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.ConnectorException;
import io.sluice.protocol.DestinationSyncMode;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes Dremio see a stream's staged Parquet files, through the REST API: a folder Dremio does not
 * know as a table yet is formatted as a Parquet table ({@code POST /api/v3/catalog/{id}}), which reads
 * the files there now; a table it knows has its metadata refreshed by an SQL job. OVERWRITE refreshes
 * with {@code FORCE UPDATE}, so the table lists only the files left after destination-s3 deleted the
 * earlier ones; APPEND refreshes incrementally, adding the new files.
 */
final class TablePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(TablePublisher.class);

    private final DremioRest rest;
    private final DremioConfig config;

    TablePublisher(DremioRest rest, DremioConfig config) {
        this.rest = requireNonNull(rest, "rest");
        this.config = requireNonNull(config, "config");
    }

    /**
     * @param rows the rows this sync wrote to the stream: with none, a folder Dremio cannot see is
     *     fine (destination-s3 wrote no file), otherwise it means the source does not read the bucket
     */
    void publish(String stream, DestinationSyncMode mode, long rows) {
        List<String> path = config.tablePath(stream);
        Optional<CatalogEntry> entry = rest.byPath(path);
        if (entry.isEmpty()) {
            if (rows == 0) {
                LOG.info("stream {} wrote no rows and Dremio has no {} yet: nothing to refresh", stream, sql(path));
                return;
            }
            throw ConnectorException.config("Dremio does not see " + sql(path) + ", the folder s3://"
                    + config.bucket() + "/" + stagingFolder(stream) + "/ just written: check that the Dremio source '"
                    + config.project() + "' is an S3 source on this bucket's server with Root Path /");
        }
        CatalogEntry found = entry.get();
        if (found.isFolder()) {
            rest.promoteToParquet(found);
            LOG.info("formatted {} as a Parquet table in Dremio", sql(path));
        } else if (found.isDataset()) {
            rest.runSql(refreshStatement(path, mode));
            LOG.info("refreshed the metadata of {} in Dremio ({})", sql(path), mode);
        } else {
            throw ConnectorException.config("Dremio's " + sql(path) + " is a " + found.entityType()
                    + ", not a folder or table: choose another dataset folder");
        }
    }

    /** {@code ALTER TABLE ... REFRESH METADATA}, forced for OVERWRITE so removed files leave the table. */
    static String refreshStatement(List<String> path, DestinationSyncMode mode) {
        return "ALTER TABLE " + sql(path) + " REFRESH METADATA"
                + (mode == DestinationSyncMode.OVERWRITE ? " FORCE UPDATE" : "");
    }

    /** A path as Dremio SQL: each part double-quoted, quotes doubled. */
    static String sql(List<String> path) {
        return path.stream().map(p -> "\"" + p.replace("\"", "\"\"") + "\"").collect(Collectors.joining("."));
    }

    private String stagingFolder(String stream) {
        return (config.bucketPath().isEmpty() ? "" : config.bucketPath() + "/") + config.dataset() + "/" + stream;
    }
}
