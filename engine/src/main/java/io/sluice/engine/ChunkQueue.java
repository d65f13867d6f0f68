package io.sluice.engine;

import io.sluice.cdk.SyncCancelledException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bounded queue between the reader and the writer thread, with the flags that stop them. No
 * call blocks forever: waits are short polls that re-check the flags, so a cancelled or failed sync
 * always unwinds.
 */
final class ChunkQueue {
    private static final long POLL_MILLIS = 50;

    private final ArrayBlockingQueue<QueueItem> queue;
    private volatile boolean cancelled;
    private volatile boolean readerStopped;

    ChunkQueue(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Puts an item, waiting for room; reader thread. */
    void put(QueueItem item) {
        if (queue.offer(item)) {
            return;
        }
        while (true) {
            checkReader();
            try {
                if (queue.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SyncCancelledException();
            }
        }
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
