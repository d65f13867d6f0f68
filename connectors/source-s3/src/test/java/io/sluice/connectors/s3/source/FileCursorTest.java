package io.sluice.connectors.s3.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileCursorTest {
    private static final Instant T1 = Instant.parse("2024-01-01T00:00:01Z");
    private static final Instant T2 = Instant.parse("2024-01-01T00:00:02Z");

    @Test
    void filesAtOrBeforeTheWatermarkAreDoneUnlessUnsyncedOrChanged() {
        FileCursor cursor = FileCursor.start();
        BucketFile a = new BucketFile("a.csv", T1, "e1", 1);
        BucketFile b = new BucketFile("b.csv", T2, "e2", 1);
        assertThat(cursor.isNew(a)).isTrue();
        cursor.synced(a);
        cursor.synced(b);

        FileCursor resumed = FileCursor.from(Optional.of(cursor.toJson()));

        assertThat(cursor.toJson().toString())
                .isEqualTo("{\"last_modified\":\"2024-01-01T00:00:02Z\",\"files_at_last_modified\":{\"b.csv\":\"e2\"}}");
        assertThat(resumed.isNew(a)).isFalse();
        assertThat(resumed.isNew(b)).isFalse();
        assertThat(resumed.isNew(new BucketFile("c.csv", T2, "e3", 1))).as("same time, not synced").isTrue();
        assertThat(resumed.isNew(new BucketFile("b.csv", T2, "other", 1))).as("overwritten in the same second").isTrue();
        assertThat(resumed.isNew(new BucketFile("a.csv", T2.plusSeconds(1), "e4", 1))).as("overwritten later").isTrue();
    }

    @Test
    void anEmptyStateStartsFromTheBeginning() {
        assertThat(FileCursor.from(Optional.empty()).isEmpty()).isTrue();
        assertThat(FileCursor.start().toJson().isEmpty()).isTrue();
    }
}
