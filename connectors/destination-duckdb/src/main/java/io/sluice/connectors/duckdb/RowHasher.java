package io.sluice.connectors.duckdb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The {@code _airbyte_<table>_hashid} of a row: the md5 hex of its values, so the same values
 * always give the same id. A child row's id also covers its parent's id and its position in the
 * array. Not thread-safe: one per stream writer.
 */
final class RowHasher {
    private static final char SEPARATOR = '\u001f';
    private static final String NULL = "\u0000";

    private final MessageDigest md5;
    private final StringBuilder text = new StringBuilder(256);

    RowHasher() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    String ofRow(Object[] row) {
        text.setLength(0);
        for (Object value : row) {
            text.append(value == null ? NULL : value).append(SEPARATOR);
        }
        return digest();
    }

    String ofElement(String parentHashId, int index, Map<?, ?> element) {
        text.setLength(0);
        text.append(parentHashId).append(SEPARATOR).append(index).append(SEPARATOR);
        for (Map.Entry<?, ?> entry : element.entrySet()) {
            Object value = entry.getValue();
            text.append(entry.getKey()).append('=').append(value == null ? NULL : value).append(SEPARATOR);
        }
        return digest();
    }

    private String digest() {
        return HexFormat.of().formatHex(md5.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
