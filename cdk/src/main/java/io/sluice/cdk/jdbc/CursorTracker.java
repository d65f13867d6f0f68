package io.sluice.cdk.jdbc;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Follows the cursor values of an incremental read ordered by the cursor, so that states can be cut
 * where a value ends, and skips on resume the rows a saved state already covers: those whose cursor
 * equals the saved value, up to its {@code cursor_record_count}. Used on the reading thread only.
 */
public final class CursorTracker {
    private final List<String> cursorField;
    private String current;
    private long currentCount;
    private final String resumeValue;
    private long toSkip;

    /** Starts from a saved state, or from nothing. */
    public CursorTracker(List<String> cursorField, Optional<CursorState> from) {
        this.cursorField = List.copyOf(cursorField);
        requireNonNull(from, "from");
        this.current = from.flatMap(CursorState::cursor).orElse(null);
        this.currentCount = from.map(CursorState::cursorRecordCount).orElse(0L);
        this.resumeValue = current;
        this.toSkip = currentCount;
    }

    /**
     * Whether the row with this cursor text was already emitted by the read the saved state came
     * from (call it for each row, in order, before {@link #emitted}).
     */
    public boolean alreadyEmitted(String cursorText) {
        if (toSkip > 0) {
            if (cursorText.equals(resumeValue)) {
                toSkip--;
                return true;
            }
            toSkip = 0;
        }
        return false;
    }

    /**
     * Whether a row with this cursor text starts a new cursor value: then {@link #state()}, taken
     * before the row is emitted, is a position at a value boundary.
     */
    public boolean startsNewValue(String cursorText) {
        return current != null && !cursorText.equals(current);
    }

    /** Counts a row just emitted. */
    public void emitted(String cursorText) {
        if (cursorText.equals(current)) {
            currentCount++;
        } else {
            current = cursorText;
            currentCount = 1;
        }
    }

    /** The state covering every row emitted so far (or the starting state). */
    public CursorState state() {
        return new CursorState(cursorField, Optional.ofNullable(current), current == null ? 0 : currentCount);
    }
}
