package io.sluice.connectors.s3.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where an incremental stream stands: the latest modification time synced (the watermark) and
 * the files synced at exactly that time with their ETags. A file is new when modified after the
 * watermark, or at it but not synced (or synced with another ETag: overwritten within the same
 * second). Files are synced oldest first, so everything older than the watermark is done.
 * State: {@code {"last_modified": "...Z", "files_at_last_modified": {"key": "etag", ...}}}.
 */
final class FileCursor {
    static final String LAST_MODIFIED = "last_modified";
    static final String FILES = "files_at_last_modified";

    private Instant watermark;
    private final Map<String, String> filesAtWatermark = new TreeMap<>();

    private FileCursor(Instant watermark) {
        this.watermark = watermark;
    }

    static FileCursor start() {
        return new FileCursor(Instant.MIN);
    }

    /** @throws ConnectorException (CONFIG) when the state is not one this source wrote */
    static FileCursor from(Optional<JsonNode> state) {
        if (state.isEmpty() || state.get().isNull() || !state.get().has(LAST_MODIFIED)) {
            return start();
        }
        try {
            FileCursor cursor = new FileCursor(Instant.parse(state.get().get(LAST_MODIFIED).asText()));
            state.get().path(FILES).properties().forEach(e -> cursor.filesAtWatermark.put(e.getKey(), e.getValue().asText()));
            return cursor;
        } catch (DateTimeParseException e) {
            throw ConnectorException.config("the stream state's " + LAST_MODIFIED + " is not a timestamp: "
                    + state.get().get(LAST_MODIFIED));
        }
    }

    boolean isNew(BucketFile file) {
        int order = file.lastModified().compareTo(watermark);
        return order > 0 || order == 0 && !file.etag().equals(filesAtWatermark.get(file.key()));
    }

    /** Records that the file was synced (files come oldest first). */
    void synced(BucketFile file) {
        if (file.lastModified().isAfter(watermark)) {
            watermark = file.lastModified();
            filesAtWatermark.clear();
        }
        filesAtWatermark.put(file.key(), file.etag());
    }

    boolean isEmpty() {
        return watermark.equals(Instant.MIN);
    }

    ObjectNode toJson() {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        if (isEmpty()) {
            return state;
        }
        state.put(LAST_MODIFIED, watermark.toString());
        ObjectNode files = state.putObject(FILES);
        filesAtWatermark.forEach(files::put);
        return state;
    }
}
