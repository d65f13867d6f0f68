package io.sluice.cli;

import io.sluice.engine.StreamStats;
import io.sluice.engine.SyncListener;
import io.sluice.engine.SyncProgress;
import io.sluice.protocol.LogMessage;
import io.sluice.protocol.StreamDescriptor;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * Shows a running sync on the terminal: one live line (records, records/s, bytes, records committed) rewritten in place
 * on a TTY, or a plain line every few seconds when the output is a file or a pipe.
 */
final class ProgressPrinter implements SyncListener {
    private static final Duration PLAIN_EVERY = Duration.ofSeconds(5);

    private final PrintStream out;
    private final boolean tty;
    private long lastPlainMillis;
    private boolean lineOpen;

    ProgressPrinter(PrintStream out, boolean tty) {
        this.out = out;
        this.tty = tty;
    }

    @Override
    public synchronized void onProgress(SyncProgress progress) {
        long records = 0;
        long bytes = 0;
        for (StreamStats stats : progress.streams().values()) {
            records += stats.recordsEmitted();
            bytes += stats.bytesEmitted();
        }
        double seconds = Math.max(progress.elapsed().toMillis() / 1000.0, 0.001);
        String line = String.format("%s records  %s records/s  %s  %s committed  %ss",
                Format.count(records), Format.count(Math.round(records / seconds)), Format.bytes(bytes),
                Format.count(progress.recordsCommitted()), Format.seconds(progress.elapsed()));
        if (tty) {
            out.print("\r\033[K" + line);
            out.flush();
            lineOpen = true;
        } else if (progress.elapsed().toMillis() - lastPlainMillis >= PLAIN_EVERY.toMillis()) {
            lastPlainMillis = progress.elapsed().toMillis();
            out.println(line);
        }
    }

    @Override
    public synchronized void onLog(LogMessage.Level level, String origin, String message) {
        if (level == LogMessage.Level.ERROR || level == LogMessage.Level.FATAL || level == LogMessage.Level.WARN) {
            endLine();
            out.println(origin + " " + level + ": " + message);
        }
    }

    /** Ends the live line so that what follows starts on a fresh line. */
    synchronized void endLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }

    /** One row per stream: name, records and bytes committed. */
    void summary(Map<StreamDescriptor, StreamStats> streams, Map<StreamDescriptor, String> modes) {
        endLine();
        int width = Math.max(6, streams.keySet().stream().mapToInt(d -> d.toString().length()).max().orElse(6));
        out.printf("%-" + width + "s  %-28s %14s %12s%n", "stream", "mode", "records", "bytes");
        streams.forEach((stream, stats) -> out.printf("%-" + width + "s  %-28s %14s %12s%n", stream,
                modes.getOrDefault(stream, ""), Format.count(stats.recordsCommitted()),
                Format.bytes(stats.bytesCommitted())));
    }
}
