package io.sluice.cdk.normalization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns stream and field names into SQL identifiers for one database's identifier limit: lower
 * case; letters (any script) and digits kept, every other character replaced by {@code _}; a
 * leading digit prefixed with {@code _}; a name longer than the limit (counted in UTF-8 bytes, as
 * PostgreSQL counts its 63) cut at a character boundary with {@code _} and 8 hex digits of the md5
 * of the whole original name appended. The same input always gives the same identifier, and two
 * long names sharing a prefix stay apart. Names that still collide are told apart by
 * {@link UniqueNames}.
 */
public final class TableNames {
    /** PostgreSQL's limit (NAMEDATALEN - 1), also used by DuckDB so layouts match across destinations. */
    public static final int POSTGRES_MAX_BYTES = 63;
    private static final int HASH_LENGTH = 8;

    private final int maxBytes;

    /** Names for a database whose identifiers hold at most {@code maxBytes} UTF-8 bytes. */
    public TableNames(int maxBytes) {
        if (maxBytes < HASH_LENGTH + 8) {
            throw new IllegalArgumentException("identifier limit too small: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** The limit in UTF-8 bytes. */
    public int maxBytes() {
        return maxBytes;
    }

    /** The sanitised, truncated identifier for {@code name}. */
    public String identifier(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length() + 1);
        lower.codePoints().forEach(c -> {
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
                    || (c > 0x7F && Character.isLetter(c));
            if (allowed) {
                out.appendCodePoint(c);
            } else {
                out.append('_');
            }
        });
        if (out.isEmpty() || Character.isDigit(out.charAt(0))) {
            out.insert(0, '_');
        }
        return truncate(out.toString(), name, maxBytes);
    }

    /** The raw table of a stream: {@code _airbyte_raw_<stream>}. */
    public String rawTable(String stream) {
        return identifier("_airbyte_raw_" + stream);
    }

    /** The staging twin of a final table: {@code _airbyte_tmp_<table>}. */
    public String stagingTable(String finalTable) {
        return identifier("_airbyte_tmp_" + finalTable);
    }

    /** The hash id column of a table's rows: {@code _airbyte_<table>_hashid}. */
    public String hashIdColumn(String table) {
        return identifier("_airbyte_" + table + "_hashid");
    }

    /** Double-quoted for SQL (standard quoting, doubled inner quotes). */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** UTF-8 length of {@code text}. */
    static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** {@code sanitised} if it fits, else its longest prefix that fits with the hash of {@code original}. */
    static String truncate(String sanitised, String original, int maxBytes) {
        if (utf8Length(sanitised) <= maxBytes) {
            return sanitised;
        }
        String suffix = "_" + md5Hex(original).substring(0, HASH_LENGTH);
        int budget = maxBytes - suffix.length();
        StringBuilder prefix = new StringBuilder(maxBytes);
        int used = 0;
        for (int i = 0; i < sanitised.length(); ) {
            int c = sanitised.codePointAt(i);
            int size = utf8Length(new String(Character.toChars(c)));
            if (used + size > budget) {
                break;
            }
            prefix.appendCodePoint(c);
            used += size;
            i += Character.charCount(c);
        }
        return prefix + suffix;
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
