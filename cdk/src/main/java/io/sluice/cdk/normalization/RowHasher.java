package io.sluice.cdk.normalization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Map;

/**
 * The {@code _airbyte_<table>_hashid} of a row: the md5 hex of its values, so the same values
 * always give the same id. A child row's id also covers its parent's id and its position in the
 * array. Not thread-safe: one per stream writer.
 */
public final class RowHasher {
    private static final char SEPARATOR = '\u001f';
    private static final String NULL = "\u0000";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final MessageDigest md5;
    private final StringBuilder text = new StringBuilder(256);

    public RowHasher() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    /** The hash id of a stream row (values in row-schema order). */
    public String ofRow(Object[] row) {
        text.setLength(0);
        for (Object value : row) {
            appendValue(value);
        }
        return digest();
    }

    /** The hash id of the {@code index}-th element of an array under the row {@code parentHashId}. */
    public String ofElement(String parentHashId, int index, Map<?, ?> element) {
        text.setLength(0);
        text.append(parentHashId).append(SEPARATOR).append(index).append(SEPARATOR);
        for (Map.Entry<?, ?> entry : element.entrySet()) {
            text.append(entry.getKey()).append('=');
            appendValue(entry.getValue());
        }
        return digest();
    }

    /** Appends a value's text; numbers and instants without going through formatters. */
    private void appendValue(Object value) {
        switch (value) {
            case null -> text.append(NULL);
            case Long l -> text.append(l.longValue());
            case Double d -> text.append(d.doubleValue());
            case Boolean b -> text.append(b.booleanValue());
            case Instant i -> text.append(i.getEpochSecond()).append('.').append(i.getNano()).append('Z');
            default -> text.append(value);
        }
        text.append(SEPARATOR);
    }

    private String digest() {
        byte[] hash = md5.digest(text.toString().getBytes(StandardCharsets.UTF_8));
        char[] hex = new char[hash.length * 2];
        for (int i = 0; i < hash.length; i++) {
            hex[2 * i] = HEX[(hash[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX[hash[i] & 0xF];
        }
        return new String(hex);
    }
}
