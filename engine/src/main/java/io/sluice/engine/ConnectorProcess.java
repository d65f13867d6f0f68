package io.sluice.engine;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.protocol.TraceMessage.ErrorTrace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of an external connector executable: its stderr drained on a thread of its own (the last
 * lines kept for error messages), the last error trace it printed, how it exited. Closing it kills
 * the process if it still runs (destroy, then destroy forcibly after a few seconds).
 */
final class ConnectorProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorProcess.class);
    private static final int STDERR_LINES_KEPT = 20;
    private static final long DESTROY_GRACE_SECONDS = 3;
    private static final long EXIT_WAIT_SECONDS = 60;

    private final String role;
    private final String name;
    private final Process process;
    private final Thread stderrDrainer;
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final Optional<ProcessLimiter> limiter;
    private volatile ErrorTrace lastError;
    private volatile boolean closed;

    private ConnectorProcess(String role, String name, Process process, ResourceRequirements resources) {
        this.role = role;
        this.name = name;
        this.process = process;
        this.limiter = ProcessLimiter.start(role, name, process, resources);
        this.stderrDrainer = ContextThreads.create("sluice-" + name + "-stderr", this::drainStderr);
        this.stderrDrainer.start();
    }

    /**
     * Starts {@code command} followed by {@code arguments}.
     *
     * @param role {@code "source"} or {@code "destination"}, for messages
     * @param resources the limits its process tree is held to (see {@link ProcessLimiter})
     */
    static ConnectorProcess start(String role, String name, List<String> command, List<String> arguments,
            ResourceRequirements resources) {
        List<String> full = new ArrayList<>(command);
        full.addAll(arguments);
        try {
            Process process = new ProcessBuilder(full).start();
            LOG.debug("started {} {} ({} {}), pid {}", role, name, command, arguments.get(0), process.pid());
            return new ConnectorProcess(role, name, process, resources);
        } catch (IOException e) {
            throw new ConnectorException(FailureKind.CONFIG,
                    "cannot start " + role + " " + name + " (" + String.join(" ", command) + "): " + e.getMessage(), e);
        }
    }

    InputStream stdout() {
        return process.getInputStream();
    }

    OutputStream stdin() {
        return process.getOutputStream();
    }

    void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            LOG.debug("closing stdin of {}: {}", name, e.getMessage());
        }
    }

    void rememberError(ErrorTrace error) {
        lastError = error;
    }

    /**
     * Destroys the process when {@code owner} is interrupted (a blocking read from a pipe does not
     * notice interrupts). Runs until the process ends or this is closed.
     */
    void killWhenInterrupted(Thread owner) {
        Thread watchdog = ContextThreads.create("sluice-" + name + "-watchdog", () -> {
            while (!closed && process.isAlive()) {
                if (owner.isInterrupted()) {
                    LOG.debug("{} {} interrupted; stopping its process", role, name);
                    destroy();
                    return;
                }
                try {
                    process.waitFor(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watchdog.start();
    }

    /** Waits for the process to exit (killing it after a minute) and returns its exit code. */
    int waitForExit() {
        try {
            if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("{} {} closed its output but did not exit; killing it", role, name);
                destroy();
            }
            if (!process.waitFor(2 * DESTROY_GRACE_SECONDS, TimeUnit.SECONDS)) {
                throw io.sluice.cdk.ConnectorException.system(role + " " + name + " could not be stopped", null);
            }
            int code = process.exitValue();
            stderrDrainer.join(TimeUnit.SECONDS.toMillis(DESTROY_GRACE_SECONDS));
            return code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroy();
            throw new io.sluice.cdk.SyncCancelledException();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * The failure for a non-zero exit: killed over its memory limit (CONFIG), else the kind from
     * the last error trace, else SYSTEM.
     */
    ConnectorException exitFailure(int exitCode) {
        Optional<ConnectorException> overMemory = memoryFailure();
        if (overMemory.isPresent()) {
            return overMemory.get();
        }
        ErrorTrace error = lastError;
        String detail = error != null ? error.message() : stderrSummary();
        FailureKind kind = error != null && error.failureType().isPresent()
                ? FailureKind.fromProtocol(error.failureType().get())
                : FailureKind.SYSTEM;
        return new ConnectorException(kind, role + " exited with code " + exitCode + ": " + detail);
    }

    /** Present when the process was killed for going over its memory limit. */
    Optional<ConnectorException> memoryFailure() {
        return limiter.flatMap(ProcessLimiter::memoryFailure);
    }

    /** The failure an error trace reports even though the process exited with 0. */
    Optional<ConnectorException> traceFailure() {
        ErrorTrace error = lastError;
        if (error == null) {
            return Optional.empty();
        }
        FailureKind kind = error.failureType().map(FailureKind::fromProtocol).orElse(FailureKind.SYSTEM);
        return Optional.of(new ConnectorException(kind, role + " " + name + " reported an error: " + error.message()));
    }

    /** The last lines the process wrote to stderr, one per line. */
    String stderrSummary() {
        synchronized (stderrTail) {
            return stderrTail.isEmpty() ? "(nothing on stderr)" : String.join("\n", stderrTail);
        }
    }

    /** Stops the process: a polite signal first, then a forced kill. */
    void destroy() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(DESTROY_GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(DESTROY_GRACE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        limiter.ifPresent(ProcessLimiter::close);
        closeStdin();
        destroy();
        limiter.ifPresent(ProcessLimiter::removeCgroup);
    }

    private void drainStderr() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                LOG.info("[{} stderr] {}", name, line);
                synchronized (stderrTail) {
                    if (stderrTail.size() == STDERR_LINES_KEPT) {
                        stderrTail.removeFirst();
                    }
                    stderrTail.addLast(line);
                }
            }
        } catch (IOException e) {
            LOG.debug("stderr of {} closed: {}", name, e.getMessage());
        }
    }
}
