package io.sluice.connectors.s3.source;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;

/** An object of the bucket: its key, when it was last modified, its ETag (changes with its content). */
record BucketFile(String key, Instant lastModified, String etag, long size) {
    /** Oldest first; files modified at the same time by key. */
    static final Comparator<BucketFile> BY_MODIFICATION =
            Comparator.comparing(BucketFile::lastModified).thenComparing(BucketFile::key);

    /** Airbyte's {@code _ab_source_file_last_modified} text: microseconds and Z. */
    private static final DateTimeFormatter AIRBYTE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    BucketFile {
        requireNonNull(key, "key");
        requireNonNull(lastModified, "lastModified");
        etag = etag == null ? "" : etag;
    }

    String lastModifiedText() {
        return AIRBYTE_TIME.format(lastModified);
    }
}
