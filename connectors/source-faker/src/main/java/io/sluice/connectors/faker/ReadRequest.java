package io.sluice.connectors.faker;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * What one stream read must produce.
 *
 * @param seed the seed rows are drawn with (already resolved when the config asked for random)
 * @param count the number of users
 * @param alwaysUpdated whether an incremental read re-emits every row with new {@code updated_at}
 * @param state the stream's saved position; empty for a full refresh or a first read
 */
record ReadRequest(long seed, long count, boolean alwaysUpdated, Optional<StreamPosition> state) {

    ReadRequest {
        requireNonNull(state, "state");
    }

    /**
     * The position the read continues from. An always-updated source starts again at id 0 but
     * keeps the cursor, so every row it emits lies beyond the previous one.
     */
    StreamPosition start() {
        if (state.isEmpty()) {
            return StreamPosition.beginning();
        }
        StreamPosition saved = state.get();
        return alwaysUpdated ? new StreamPosition(saved.updatedAt(), 0, 0) : saved;
    }

    /**
     * The instant {@code updated_at} counts from: row {@code id} is updated at anchor + id seconds.
     * Whole seconds, so that a cursor with a fraction (from a state written elsewhere) still lies
     * before the next row.
     */
    Instant updatedAnchor() {
        StreamPosition start = start();
        return start.updatedAt()
                .map(cursor -> cursor.minusSeconds(start.id()).truncatedTo(ChronoUnit.SECONDS))
                .orElse(Timeline.UPDATED_BASE);
    }

    /**
     * The position once every row up to {@code id} is emitted (and, for purchases, every purchase
     * of the users up to {@code userId}).
     */
    StreamPosition after(long id, long userId) {
        StreamPosition start = start();
        if (id == 0 && start.updatedAt().isEmpty()) {
            return new StreamPosition(Optional.empty(), 0, userId);
        }
        return new StreamPosition(Optional.of(updatedAnchor().plusSeconds(id)), id, userId);
    }
}
