package io.sluice.connectors.s3.destination;

import java.time.Duration;

/**
 * How a sync uploads and when it closes files to acknowledge states.
 *
 * @param partSizeBytes bytes per multipart part (S3 needs at least 5 MiB for all but the last); at
 *     most two parts of each open file are in memory
 * @param flushInterval a checkpoint whose state has waited this long closes the open files, so the
 *     state can be acknowledged even before the files reach their roll-over size
 */
record WriteTuning(int partSizeBytes, Duration flushInterval) {
    /** 16 MiB parts; files closed for a state that waited a minute. */
    static final WriteTuning DEFAULT = new WriteTuning(16 << 20, Duration.ofSeconds(60));

    WriteTuning {
        if (partSizeBytes < 1) {
            throw new IllegalArgumentException("partSizeBytes must be positive");
        }
        if (flushInterval.isNegative()) {
            throw new IllegalArgumentException("flushInterval must not be negative");
        }
    }
}
