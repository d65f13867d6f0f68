package io.sluice.connectors.s3.destination;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.io.api.Binary;

/**
 * A page's values in Parquet's PLAIN encoding (little-endian numbers, length-prefixed byte arrays),
 * written into one growing heap array with whole-word stores. parquet-mr's own PLAIN writer goes
 * through a {@code LittleEndianDataOutputStream} that writes a long as eight one-byte calls into
 * slab buffers; that byte loop was the hottest code of a Parquet sync. The array comes from the
 * stream's {@link PageBufferPool} and goes back to it on {@link #close()}. The bytes handed out by
 * {@link #getBytes()} are valid until the next write or {@link #reset()} (the page writer compresses
 * them at once). {@code fixedLength} > 0 writes FIXED_LEN_BYTE_ARRAY values without a length.
 */
final class PlainValues extends ValuesWriter {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final ByteBufferAllocator allocator;
    private final int fixedLength;
    private ByteBuffer buffer;
    private byte[] bytes;
    private int size;

    PlainValues(int initialCapacity, int fixedLength, ByteBufferAllocator allocator) {
        this.allocator = allocator;
        this.fixedLength = fixedLength;
        this.buffer = allocator.allocate(initialCapacity);
        this.bytes = buffer.array();
    }

    @Override
    public void writeInteger(int v) {
        ensure(4);
        INT.set(bytes, size, v);
        size += 4;
    }

    @Override
    public void writeLong(long v) {
        ensure(8);
        LONG.set(bytes, size, v);
        size += 8;
    }

    @Override
    public void writeDouble(double v) {
        writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeFloat(float v) {
        writeInteger(Float.floatToIntBits(v));
    }

    @Override
    public void writeBytes(Binary v) {
        int length = v.length();
        if (fixedLength > 0) {
            if (length != fixedLength) {
                throw new IllegalArgumentException("a fixed-length value of " + length + " bytes, not " + fixedLength);
            }
            ensure(length);
        } else {
            ensure(4 + length);
            INT.set(bytes, size, length);
            size += 4;
        }
        System.arraycopy(v.getBytesUnsafe(), 0, bytes, size, length);
        size += length;
    }

    @Override
    public long getBufferedSize() {
        return size;
    }

    @Override
    public BytesInput getBytes() {
        return BytesInput.from(bytes, 0, size);
    }

    @Override
    public Encoding getEncoding() {
        return Encoding.PLAIN;
    }

    @Override
    public void reset() {
        size = 0;
    }

    @Override
    public void close() {
        if (buffer != null) {
            allocator.release(buffer);
            buffer = null;
            bytes = new byte[0];
            size = 0;
        }
    }

    @Override
    public long getAllocatedSize() {
        return bytes.length;
    }

    @Override
    public String memUsageString(String prefix) {
        return prefix + " PLAIN " + size + "/" + bytes.length + " bytes";
    }

    private void ensure(int more) {
        if (size + more <= bytes.length) {
            return;
        }
        int capacity = Math.max(size + more, bytes.length * 2);
        ByteBuffer bigger = allocator.allocate(capacity);
        byte[] grown = bigger.array();
        System.arraycopy(bytes, 0, grown, 0, size);
        if (buffer != null) {
            allocator.release(buffer);
        }
        buffer = bigger;
        bytes = grown;
    }

    /** For tests: the bytes written since the last reset. */
    byte[] written() {
        return Arrays.copyOf(bytes, size);
    }
}
