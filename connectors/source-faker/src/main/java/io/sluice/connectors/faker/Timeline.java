package io.sluice.connectors.faker;

import java.time.Duration;
import java.time.Instant;

/**
 * The fixed instants generated timestamps hang from, so that a read is reproducible and never
 * depends on the clock. On a first read the row with id {@code n} has {@code updated_at =
 * UPDATED_BASE + n seconds}; later reads of an always-updated source move that anchor past the
 * previous cursor.
 */
final class Timeline {
    /** Users are created one second apart from here on. */
    static final Instant CREATED_BASE = Instant.parse("2020-01-01T00:00:00Z");
    /** Products were added to the catalogue one day apart from here on. */
    static final Instant CATALOGUE_BASE = Instant.parse("2019-01-01T00:00:00Z");
    /** The anchor of {@code updated_at} on a first read. */
    static final Instant UPDATED_BASE = Instant.parse("2024-01-01T00:00:00Z");

    private Timeline() {}

    /** The id whose first-read {@code updated_at} is {@code cursor} (0 before the first row). */
    static long idOnFirstTimeline(Instant cursor) {
        return Math.max(0, Duration.between(UPDATED_BASE, cursor).getSeconds());
    }
}
