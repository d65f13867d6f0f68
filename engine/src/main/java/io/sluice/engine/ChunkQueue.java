package io.sluice.engine;

import io.sluice.cdk.SyncCancelledException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounded queue between the reader and the writer thread, with the flags that stop them. It is
 * bounded twice: in items and in the (estimated) bytes of the rows they hold; an item larger than
 * the byte bound waits until the queue is empty, so it still passes. No call blocks forever: waits
 * are short polls that re-check the flags, so a cancelled or failed sync always unwinds.
 */
final class ChunkQueue {
    private static final long POLL_MILLIS = 50;

    private final ArrayBlockingQueue<QueueItem> queue;
    /** Room left, in KiB (a semaphore's permits are ints; KiB keep budgets up to terabytes in range). */
    private final Semaphore room;
    private final int roomKiB;
    private final long maxBytes;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicLong peakBytes = new AtomicLong();
    private volatile boolean cancelled;
    private volatile boolean readerStopped;

    ChunkQueue(int capacity, long maxBytes) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBytes = maxBytes;
        this.roomKiB = (int) Math.min(Integer.MAX_VALUE, Math.max(1, maxBytes >> 10));
        this.room = new Semaphore(roomKiB);
    }

    /** Puts an item, waiting for room; reader thread. */
    void put(QueueItem item) {
        int kib = kib(item);
        try {
            if (!room.tryAcquire(kib)) {
                do {
                    checkReader();
                } while (!room.tryAcquire(kib, POLL_MILLIS, TimeUnit.MILLISECONDS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncCancelledException();
        }
        long bytes = item.heapBytes();
        peakBytes.accumulateAndGet(queuedBytes.addAndGet(bytes), Math::max);
        if (queue.offer(item)) {
            return;
        }
        while (true) {
            try {
                checkReader();
                if (queue.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException | RuntimeException e) {
                released(item);
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    throw new SyncCancelledException();
                }
                throw (RuntimeException) e;
            }
        }
    }

    private int kib(QueueItem item) {
        long bytes = item.heapBytes();
        return bytes == 0 ? 0 : (int) Math.min(roomKiB, (bytes + 1023) >> 10);
    }

    private void released(QueueItem item) {
        queuedBytes.addAndGet(-item.heapBytes());
        room.release(kib(item));
    }

    /** The most bytes of rows the queue held at once. */
    long peakBytes() {
        return peakBytes.get();
    }

    /** The byte bound. */
    long maxBytes() {
        return maxBytes;
    }

    /** Puts the source's failure for the writer; gives up when nobody will read it. */
    void putFailure(RuntimeException error) {
        Thread.interrupted(); // a source may leave the flag set; the failure must still get through
        while (!cancelled && !readerStopped) {
            try {
                if (queue.offer(new QueueItem.Failed(error), POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The next item, waiting for one; writer thread. */
    QueueItem take() {
        QueueItem item = queue.poll();
        while (item == null) {
            if (cancelled) {
                throw new SyncCancelledException();
            }
            try {
                item = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SyncCancelledException();
            }
        }
        released(item);
        return item;
    }

    /** Throws {@link SyncCancelledException} when the reader must stop. */
    void checkReader() {
        if (cancelled || readerStopped) {
            throw new SyncCancelledException();
        }
    }

    void cancel() {
        cancelled = true;
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** The writer is gone (failed or finished): the reader must stop. */
    void stopReader() {
        readerStopped = true;
    }

    boolean isReaderStopped() {
        return readerStopped;
    }

    int size() {
        return queue.size();
    }
}
