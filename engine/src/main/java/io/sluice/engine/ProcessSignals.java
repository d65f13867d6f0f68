package io.sluice.engine;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends STOP and CONT to processes. Java has no call for them, and starting {@code kill} ten times
 * a second would cost more than the throttling saves, so one small shell runs beside the connector
 * and reads {@code <signal> <pid>...} lines; {@code read} and {@code kill} are shell built-ins, so
 * a signal costs no new process.
 */
final class ProcessSignals implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessSignals.class);
    private static final String LOOP = "while read -r s p; do kill -s \"$s\" $p 2>/dev/null; done";

    private final Process shell;
    private final Writer commands;

    private ProcessSignals(Process shell) {
        this.shell = shell;
        this.commands = new OutputStreamWriter(shell.getOutputStream(), StandardCharsets.US_ASCII);
    }

    /** Starts the helper shell; throws IOException when there is no {@code sh}. */
    static ProcessSignals start() throws IOException {
        Process shell = new ProcessBuilder("sh", "-c", LOOP)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new ProcessSignals(shell);
    }

    /** Sends {@code signal} ({@code STOP}, {@code CONT}) to each of {@code pids}; gone ones are skipped. */
    synchronized void send(String signal, List<Long> pids) {
        if (pids.isEmpty()) {
            return;
        }
        try {
            commands.write(signal + " " + pids.stream().map(String::valueOf).collect(Collectors.joining(" ")) + "\n");
            commands.flush();
        } catch (IOException e) {
            LOG.warn("cannot send {} to processes {}: {}", signal, pids, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        try {
            commands.close();
        } catch (IOException e) {
            LOG.debug("closing the signal shell: {}", e.getMessage());
        }
        shell.destroy();
    }
}
