package io.sluice.engine;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Destination;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.InputState;
import io.sluice.cdk.Source;
import io.sluice.engine.SyncResult.Failure;
import io.sluice.engine.SyncResult.Origin;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.LogMessage.Level;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running sync: the source on a reader thread, the destination on a writer thread, a bounded
 * queue between them, a progress timer beside them. The first failure wins and stops the other
 * side; consequences of a stop (a cancelled read, a rolled-back write) are not failures.
 */
final class SyncRun {
    private static final Logger LOG = LoggerFactory.getLogger(SyncRun.class);
    /** After a cancel, how long the destination gets before its thread is interrupted too. */
    private static final long INTERRUPT_WRITER_AFTER_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** After a cancel or failure, how long to wait for a connector that does not stop. */
    private static final long STOP_GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final SyncRequest request;
    private final Source source;
    private final Destination destination;
    private ConfiguredCatalog destinationCatalog;
    private final ChunkQueue queue;
    private final SyncCounters counters;
    private final AtomicReference<Failure> failure = new AtomicReference<>();
    private final CountDownLatch readerDone = new CountDownLatch(1);
    private final CountDownLatch writerDone = new CountDownLatch(1);
    private final long startNanos = System.nanoTime();
    private volatile long stopRequestedNanos;
    private CommitTracker commits;
    private QueueRecordInput input;
    private Thread reader;
    private Thread writer;
    private ScheduledExecutorService progressTimer;
    private InputState initialState = InputState.empty();
    private SyncResult result;

    private SyncRun(SyncRequest request) {
        this.request = request;
        this.source = withLimits(request.source(), request.connectorResources());
        this.destination = withLimits(request.destination(), request.connectorResources());
        this.queue = new ChunkQueue(request.queueCapacity(), request.queueBytes());
        this.counters = new SyncCounters(request.catalog());
    }

    /** Connectors that run as processes get the limits; in-process ones are bounded by the memory budget. */
    private static Source withLimits(Source source, ResourceRequirements resources) {
        return source instanceof ExternalSource external && resources.limits()
                ? external.withResources(resources) : source;
    }

    private static Destination withLimits(Destination destination, ResourceRequirements resources) {
        return destination instanceof ExternalDestination external && resources.limits()
                ? external.withResources(resources) : destination;
    }

    static SyncRun start(SyncRequest request) {
        SyncRun run = new SyncRun(request);
        try {
            run.destinationCatalog = request.namespaceMapping().apply(request.catalog());
            run.initialState = request.stateStore().load();
        } catch (RuntimeException e) {
            run.recordFailure(Origin.ENGINE, e);
            run.readerDone.countDown();
            run.writerDone.countDown();
            return run;
        }
        run.launch();
        return run;
    }

    private void launch() {
        commits = new CommitTracker(request.stateStore(), counters, request.listener(), initialState,
                e -> recordFailure(Origin.ENGINE, e));
        input = new QueueRecordInput(queue, commits);
        BatchingEmitter emitter = new BatchingEmitter(queue, counters, request.listener(), request.batchSize(),
                request.pendingBatchBytes(), request.catalog());
        reader = ContextThreads.create("sluice-source-" + request.source().name(), () -> readSource(emitter));
        writer = ContextThreads.create("sluice-destination-" + request.destination().name(), this::writeDestination);
        long interval = request.progressInterval().toNanos();
        progressTimer = Executors.newSingleThreadScheduledExecutor(
                r -> ContextThreads.create("sluice-sync-progress", r));
        progressTimer.scheduleAtFixedRate(this::reportProgress, interval, interval, TimeUnit.NANOSECONDS);
        engineLog(Level.INFO, "sync started: " + request.catalog().streams().size() + " stream(s) from "
                + request.source().name() + " to " + request.destination().name());
        writer.start();
        reader.start();
    }

    private void readSource(BatchingEmitter emitter) {
        try {
            source.read(request.sourceConfig(), request.catalog(), initialState, emitter);
            queue.checkReader();
            emitter.finish();
        } catch (Throwable t) {
            if (queue.isCancelled() || queue.isReaderStopped()) {
                LOG.debug("source stopped: {}", t.toString());
            } else {
                recordFailure(Origin.SOURCE, t);
                queue.putFailure(t instanceof ConnectorException c
                        ? c
                        : new ConnectorException(FailureKind.SYSTEM, Failure.of(Origin.SOURCE, t).message(), t));
            }
        } finally {
            emitter.publishCounts();
            readerDone.countDown();
        }
    }

    private void writeDestination() {
        try {
            destination.write(request.destinationConfig(), destinationCatalog, input, commits);
            finishedCleanly();
        } catch (Throwable t) {
            if (!queue.isCancelled() && failure.get() == null) {
                recordFailure(Origin.DESTINATION, t);
            } else {
                LOG.debug("destination stopped: {}", t.toString());
            }
        } finally {
            queue.stopReader();
            if (readerDone.getCount() > 0) {
                markStopping();
                reader.interrupt();
            }
            writerDone.countDown();
        }
    }

    private void finishedCleanly() {
        if (queue.isCancelled() || failure.get() != null) {
            return;
        }
        if (!input.ended()) {
            recordFailure(Origin.DESTINATION,
                    ConnectorException.system("the destination returned before reading all of its input", null));
            return;
        }
        int unacknowledged = commits.unacknowledged();
        if (unacknowledged == 0) {
            counters.commitAll();
        } else {
            engineLog(Level.WARN, "the destination finished without acknowledging " + unacknowledged
                    + " state(s): they are not saved and their records are not counted as committed");
        }
    }

    void cancel() {
        if (readerDone.getCount() == 0 && writerDone.getCount() == 0) {
            return;
        }
        if (!queue.isCancelled()) {
            engineLog(Level.INFO, "sync cancelled");
        }
        queue.cancel();
        markStopping();
        if (reader != null) {
            reader.interrupt();
        }
    }

    boolean isDone() {
        return readerDone.getCount() == 0 && writerDone.getCount() == 0;
    }

    SyncProgress progress() {
        return counters.progress(elapsed());
    }

    /** The most bytes of rows the queue held at once so far (estimated heap size). */
    long queuePeakBytes() {
        return queue.peakBytes();
    }

    synchronized SyncResult await() {
        if (result != null) {
            return result;
        }
        boolean interrupted = waitForThreads();
        if (progressTimer != null) {
            progressTimer.shutdownNow();
        }
        Optional<Failure> failed = Optional.ofNullable(failure.get());
        SyncResult.Status status = failed.isPresent()
                ? SyncResult.Status.FAILED
                : queue.isCancelled() ? SyncResult.Status.CANCELLED : SyncResult.Status.SUCCEEDED;
        InputState finalState = commits == null ? initialState : commits.current();
        result = new SyncResult(status, counters.snapshot(), failed, finalState, elapsed());
        engineLog(status == SyncResult.Status.SUCCEEDED ? Level.INFO : Level.WARN, "sync " + status.name()
                .toLowerCase(Locale.ROOT) + " after " + result.duration().toMillis() + " ms, "
                + result.recordsCommitted() + " of " + result.recordsEmitted() + " records committed; the queue held"
                + " at most " + ResourceQuantity.describeBytes(queue.peakBytes()) + " of rows (bound "
                + ResourceQuantity.describeBytes(queue.maxBytes()) + ", half the memory budget)");
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return result;
    }

    /** Waits for both threads; gives up on a connector that ignores a stop. Returns whether the caller was interrupted. */
    private boolean waitForThreads() {
        boolean interrupted = false;
        boolean writerInterrupted = false;
        while (!isDone()) {
            long stop = stopRequestedNanos;
            if (stop != 0) {
                long since = System.nanoTime() - stop;
                if (queue.isCancelled() && !writerInterrupted && since > INTERRUPT_WRITER_AFTER_NANOS) {
                    writer.interrupt();
                    writerInterrupted = true;
                }
                if (since > STOP_GRACE_NANOS) {
                    engineLog(Level.WARN, "a connector did not stop within "
                            + TimeUnit.NANOSECONDS.toSeconds(STOP_GRACE_NANOS) + " s; leaving its thread behind");
                    if (commits != null) {
                        commits.close();
                    }
                    break;
                }
            }
            try {
                writerDone.await(50, TimeUnit.MILLISECONDS);
                readerDone.await(1, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
                cancel();
            }
        }
        return interrupted;
    }

    private void recordFailure(Origin origin, Throwable error) {
        if (queue.isCancelled()) {
            return;
        }
        Failure f = Failure.of(origin, error);
        if (failure.compareAndSet(null, f)) {
            LOG.warn("sync failed in the {} ({}): {}", origin, f.kind(), f.message());
            engineLog(Level.ERROR, origin.name().toLowerCase(Locale.ROOT) + " failed (" + f.kind() + "): "
                    + f.message());
            markStopping();
        }
    }

    private void markStopping() {
        if (stopRequestedNanos == 0) {
            stopRequestedNanos = System.nanoTime();
        }
    }

    private void reportProgress() {
        try {
            request.listener().onProgress(progress());
        } catch (RuntimeException e) {
            LOG.warn("sync listener failed on progress", e);
        }
    }

    private void engineLog(Level level, String message) {
        try {
            request.listener().onLog(level, "engine", message);
        } catch (RuntimeException e) {
            LOG.warn("sync listener failed on a log line", e);
        }
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
