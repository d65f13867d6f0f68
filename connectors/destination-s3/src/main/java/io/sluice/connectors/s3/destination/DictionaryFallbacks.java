package io.sluice.connectors.s3.destination;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.parquet.column.ColumnDescriptor;

/**
 * The columns of one stream whose dictionary gave up in a recent row group (too many distinct
 * values for {@code dictionary_page_size_kb}, or no smaller than PLAIN): their next
 * {@value #PLAIN_ROW_GROUPS} row groups are PLAIN from the first value, then the dictionary is tried
 * again, in case the values changed. A column of unique ids otherwise filled a dictionary of
 * thousands of entries in every row group only to throw it away and re-encode its values as PLAIN.
 * Shared by the stream's successive files; thread-safe (row groups are written on a thread of their
 * own while the next fills).
 */
final class DictionaryFallbacks {
    /** Row groups written PLAIN after a fallback before the dictionary is tried again. */
    static final int PLAIN_ROW_GROUPS = 7;

    private final Map<String, Integer> plainLeft = new ConcurrentHashMap<>();

    /**
     * Whether the next row group's chunk of {@code column} should start with a dictionary; a
     * {@code false} counts as one of the PLAIN row groups.
     */
    boolean tryDictionary(ColumnDescriptor column) {
        String key = key(column);
        Integer left = plainLeft.get(key);
        if (left == null) {
            return true;
        }
        if (left <= 0) {
            plainLeft.remove(key);
            return true;
        }
        plainLeft.put(key, left - 1);
        return false;
    }

    /** {@code column}'s dictionary gave up in the row group being written. */
    void fellBack(ColumnDescriptor column) {
        plainLeft.put(key(column), PLAIN_ROW_GROUPS);
    }

    private static String key(ColumnDescriptor column) {
        return String.join(".", column.getPath());
    }
}
