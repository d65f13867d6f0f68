package io.sluice.connectors.s3.destination;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.bytes.ByteBufferAllocator;

/**
 * Heap buffers for a stream's Parquet pages: the values of the pages being filled and the
 * compressed pages a row group holds until it is written, handed out again once released (a page
 * flushed, a row group written). Both live long enough, a fraction of a second to seconds, that
 * the young-generation collector used to copy every byte of them, often twice; reused buffers stay
 * put in the old generation instead. Capacities are rounded up to an eighth of a power of two, so
 * a released buffer fits later pages of similar size; at most {@code maxRetainedBytes} are kept
 * for reuse, until {@link #clear()}, the rest is left to the collector. Thread-safe: the writing
 * thread allocates while the row-group thread releases.
 */
final class PageBufferPool implements ByteBufferAllocator {
    private static final int MIN_CAPACITY = 4096;

    private final long maxRetainedBytes;
    private final Map<Integer, ArrayDeque<ByteBuffer>> free = new HashMap<>();
    private long retainedBytes;

    PageBufferPool(long maxRetainedBytes) {
        this.maxRetainedBytes = maxRetainedBytes;
    }

    /** A heap buffer with position 0 and limit {@code size}, from the pool when one of its size class is free. */
    @Override
    public ByteBuffer allocate(int size) {
        int capacity = capacityFor(size);
        ByteBuffer buffer = null;
        synchronized (this) {
            ArrayDeque<ByteBuffer> buffers = free.get(capacity);
            if (buffers != null && !buffers.isEmpty()) {
                buffer = buffers.pop();
                retainedBytes -= capacity;
            }
        }
        if (buffer == null) {
            buffer = ByteBuffer.allocate(capacity);
        }
        buffer.clear().limit(size);
        return buffer;
    }

    /** Keeps {@code buffer} for reuse unless the pool is full or the buffer is not one of its own. */
    @Override
    public void release(ByteBuffer buffer) {
        int capacity = buffer.capacity();
        if (buffer.isDirect() || buffer.isReadOnly() || capacity != capacityFor(capacity)) {
            return;
        }
        synchronized (this) {
            if (retainedBytes + capacity <= maxRetainedBytes) {
                free.computeIfAbsent(capacity, c -> new ArrayDeque<>()).push(buffer);
                retainedBytes += capacity;
            }
        }
    }

    /** Drops the buffers kept for reuse, leaving them to the collector. */
    synchronized void clear() {
        free.clear();
        retainedBytes = 0;
    }

    @Override
    public boolean isDirect() {
        return false;
    }

    /** {@code size} rounded up to a multiple of an eighth of the power of two below it (at least 4 KiB). */
    static int capacityFor(int size) {
        if (size <= MIN_CAPACITY) {
            return MIN_CAPACITY;
        }
        long step = Integer.highestOneBit(size - 1) >> 3;
        long rounded = (size + step - 1) / step * step;
        return rounded > Integer.MAX_VALUE - 8 ? size : (int) rounded;
    }
}
