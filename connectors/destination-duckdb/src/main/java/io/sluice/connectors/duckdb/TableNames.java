package io.sluice.connectors.duckdb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns stream and field names into DuckDB identifiers: lower case, characters other than
 * {@code [a-z0-9_]} replaced by {@code _}, a leading digit prefixed with {@code _}, and names
 * longer than {@link #MAX_LENGTH} cut with a short hash of the whole name appended, so the same
 * input always gives the same identifier and two long names sharing a prefix stay apart.
 */
public final class TableNames {
    /** The identifier limit, as PostgreSQL's, so normalized layouts match across SQL destinations. */
    public static final int MAX_LENGTH = 63;
    private static final int HASH_LENGTH = 8;

    private TableNames() {}

    /** The sanitised, truncated identifier for {@code name}. */
    public static String identifier(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length() + 1);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
            out.append(allowed ? c : '_');
        }
        if (out.isEmpty() || Character.isDigit(out.charAt(0))) {
            out.insert(0, '_');
        }
        return truncate(out.toString(), name);
    }

    /** The raw table of a stream: {@code _airbyte_raw_<stream>}. */
    public static String rawTable(String stream) {
        return identifier("_airbyte_raw_" + stream);
    }

    /** The staging twin of a final table: {@code _airbyte_tmp_<table>}. */
    public static String stagingTable(String finalTable) {
        return identifier("_airbyte_tmp_" + finalTable);
    }

    /** The hash id column of a table's rows: {@code _airbyte_<table>_hashid}. */
    public static String hashIdColumn(String table) {
        return identifier("_airbyte_" + table + "_hashid");
    }

    /** Double-quoted for SQL. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String truncate(String sanitised, String original) {
        if (sanitised.length() <= MAX_LENGTH) {
            return sanitised;
        }
        String hash = md5Hex(original).substring(0, HASH_LENGTH);
        return sanitised.substring(0, MAX_LENGTH - HASH_LENGTH - 1) + '_' + hash;
    }

    static String md5Hex(String text) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
