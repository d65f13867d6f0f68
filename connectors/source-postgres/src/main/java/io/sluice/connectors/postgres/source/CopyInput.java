package io.sluice.connectors.postgres.source;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyOut;

/**
 * Big-endian reads over the CopyData messages of a {@code COPY ... TO STDOUT (FORMAT binary)}:
 * values are taken straight from each message's bytes; only a value split across two messages is
 * assembled. Used on the reading thread only.
 */
final class CopyInput {
    private final CopyOut copy;
    private byte[] buf = new byte[0];
    private int pos;

    CopyInput(CopyOut copy) {
        this.copy = requireNonNull(copy, "copy");
    }

    /** Whether more bytes follow (false once the server finished the COPY). */
    boolean hasMore() throws SQLException {
        while (pos >= buf.length) {
            byte[] next = copy.readFromCopy();
            if (next == null) {
                return false;
            }
            buf = next;
            pos = 0;
        }
        return true;
    }

    int readByte() throws SQLException {
        if (!hasMore()) {
            throw new SQLException("the binary COPY stream ended inside a value", "08006");
        }
        return buf[pos++] & 0xff;
    }

    short readShort() throws SQLException {
        if (buf.length - pos >= 2) {
            short v = (short) (((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff));
            pos += 2;
            return v;
        }
        return (short) ((readByte() << 8) | readByte());
    }

    int readInt() throws SQLException {
        if (buf.length - pos >= 4) {
            byte[] b = buf;
            int p = pos;
            pos = p + 4;
            return ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
        }
        return (readByte() << 24) | (readByte() << 16) | (readByte() << 8) | readByte();
    }

    long readLong() throws SQLException {
        return ((long) readInt() << 32) | (readInt() & 0xffffffffL);
    }

    String readString(int length) throws SQLException {
        if (buf.length - pos >= length) {
            String s = new String(buf, pos, length, StandardCharsets.UTF_8);
            pos += length;
            return s;
        }
        return new String(readBytes(length), StandardCharsets.UTF_8);
    }

    byte[] readBytes(int length) throws SQLException {
        byte[] out = new byte[length];
        int done = 0;
        while (done < length) {
            if (!hasMore()) {
                throw new SQLException("the binary COPY stream ended inside a value", "08006");
            }
            int n = Math.min(length - done, buf.length - pos);
            System.arraycopy(buf, pos, out, done, n);
            pos += n;
            done += n;
        }
        return out;
    }

    void skip(int length) throws SQLException {
        int left = length;
        while (left > 0) {
            if (!hasMore()) {
                throw new SQLException("the binary COPY stream ended inside a value", "08006");
            }
            int n = Math.min(left, buf.length - pos);
            pos += n;
            left -= n;
        }
    }
}
