package io.sluice.connectors.s3.destination;

import java.time.Duration;

/**
 * How a sync uploads and when it closes files to acknowledge states.
 *
 * @param partSizeBytes bytes per multipart part (S3 needs at least 5 MiB for all but the last)
 * @param partsInFlight parts of one file uploading at once; at most one more than this many parts
 *     of each open file are in memory
 * @param flushInterval a checkpoint whose state has waited this long closes the open files, so the
 *     state can be acknowledged even before the files reach their roll-over size
 */
record WriteTuning(int partSizeBytes, int partsInFlight, Duration flushInterval) {
    /** 16 MiB parts, two of a file uploading at once; files closed for a state that waited a minute. */
    static final WriteTuning DEFAULT = new WriteTuning(16 << 20, 2, Duration.ofSeconds(60));

    WriteTuning {
        if (partSizeBytes < 1) {
            throw new IllegalArgumentException("partSizeBytes must be positive");
        }
        if (partsInFlight < 1) {
            throw new IllegalArgumentException("partsInFlight must be positive");
        }
        if (flushInterval.isNegative()) {
            throw new IllegalArgumentException("flushInterval must not be negative");
        }
    }

    /** Two parts of a file uploading at once. */
    WriteTuning(int partSizeBytes, Duration flushInterval) {
        this(partSizeBytes, 2, flushInterval);
    }
}
