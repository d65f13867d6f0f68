package io.sluice.connectors.s3.destination;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.Chunk;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.RecordInput;
import io.sluice.cdk.StateAcknowledger;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.StateMessage;
import io.sluice.protocol.StreamDescriptor;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code write} call. Rows are numbered in arrival order; a state that arrives after row n is
 * acknowledged once every file holding a row before n is a completed object: when the open files
 * roll over, when a state has waited {@link WriteTuning#flushInterval()} (the checkpoint then
 * closes the open files), or at the end. A state that covers an OVERWRITE stream waits for the end,
 * when the stream's older files have been deleted; states keep their order, so later ones wait
 * behind it. On a failure the open uploads are aborted and an OVERWRITE stream's new files are
 * deleted (its old ones stay); an APPEND stream keeps its completed files, so rows after the last
 * acknowledged state may be written again by the retry (at-least-once, as for any append).
 */
final class SyncRun {
    private static final Logger LOG = LoggerFactory.getLogger(SyncRun.class);

    private record Waiting(StateMessage state, long afterRow, long sinceNanos) {}

    private final List<StreamFiles> streams;
    private final Set<StreamDescriptor> overwriteStreams;
    private final StateAcknowledger acknowledger;
    private final WriteTuning tuning;
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private long rowCount;

    SyncRun(List<StreamFiles> streams, StateAcknowledger acknowledger, WriteTuning tuning) {
        this.streams = List.copyOf(streams);
        this.acknowledger = requireNonNull(acknowledger, "acknowledger");
        this.tuning = requireNonNull(tuning, "tuning");
        this.overwriteStreams = this.streams.stream()
                .filter(s -> s.mode() == DestinationSyncMode.OVERWRITE)
                .map(StreamFiles::descriptor)
                .collect(Collectors.toSet());
    }

    void run(RecordInput input) {
        try {
            for (Optional<Chunk> next = input.next(); next.isPresent(); next = input.next()) {
                switch (next.get()) {
                    case Chunk.RowBatch batch -> rows(batch);
                    case Chunk.Checkpoint checkpoint -> checkpoint(checkpoint.state());
                }
            }
            for (StreamFiles stream : streams) {
                stream.completeOpenFile();
            }
            for (StreamFiles stream : streams) {
                if (stream.mode() == DestinationSyncMode.OVERWRITE) {
                    stream.deleteEarlierFiles();
                }
            }
            waiting.forEach(w -> acknowledger.acknowledge(w.state()));
            waiting.clear();
            LOG.info("S3 write finished: {}", String.join("; ", streams.stream().map(StreamFiles::summary).toList()));
        } catch (IOException e) {
            abort();
            throw ConnectorException.system("could not write a file to S3: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            abort();
            throw e;
        }
    }

    private void rows(Chunk.RowBatch batch) throws IOException {
        int index = batch.streamIndex();
        if (index < 0 || index >= streams.size()) {
            throw ConnectorException.system("Row batch for unknown stream index " + index, null);
        }
        boolean rolled = streams.get(index).write(batch.rows(), System.currentTimeMillis(), rowCount);
        rowCount += batch.rows().size();
        if (rolled) {
            acknowledgeReady();
        }
    }

    private void checkpoint(StateMessage state) throws IOException {
        waiting.add(new Waiting(state, rowCount, System.nanoTime()));
        acknowledgeReady();
        Waiting head = waiting.peekFirst();
        if (head != null && !waitsForOverwrite(head.state())
                && System.nanoTime() - head.sinceNanos() >= tuning.flushInterval().toNanos()) {
            for (StreamFiles stream : streams) {
                if (stream.hasOpenFile() && stream.openFirstRow() < head.afterRow()) {
                    stream.completeOpenFile();
                }
            }
            acknowledgeReady();
        }
    }

    /** Acknowledges, in order, the states whose rows are all in completed objects. */
    private void acknowledgeReady() {
        long firstOpenRow = Long.MAX_VALUE;
        for (StreamFiles stream : streams) {
            if (stream.hasOpenFile()) {
                firstOpenRow = Math.min(firstOpenRow, stream.openFirstRow());
            }
        }
        while (!waiting.isEmpty()) {
            Waiting head = waiting.peekFirst();
            if (waitsForOverwrite(head.state()) || head.afterRow() > firstOpenRow) {
                return;
            }
            acknowledger.acknowledge(waiting.removeFirst().state());
        }
    }

    private boolean waitsForOverwrite(StateMessage state) {
        if (overwriteStreams.isEmpty()) {
            return false;
        }
        return switch (state.type()) {
            case STREAM -> overwriteStreams.contains(state.stream().orElseThrow().streamDescriptor());
            case GLOBAL, LEGACY -> true;
        };
    }

    /** Aborts open uploads and drops OVERWRITE streams' new files; never throws. */
    private void abort() {
        for (StreamFiles stream : streams) {
            try {
                stream.abort();
            } catch (RuntimeException e) {
                LOG.warn("could not clean up after the failed sync: {}", e.getMessage());
            }
        }
    }
}
