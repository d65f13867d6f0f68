package io.sluice.platform.operations;

import io.sluice.cdk.ConnectorException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs a program (never through a shell) with exactly the environment given, in a folder, and hands
 * each line it prints (standard output and error together) to a consumer, from a reader thread,
 * while the calling thread waits; stops it when {@code cancelled} turns true.
 */
final class ChildProcess {
    private static final int KEPT_LINES = 5;

    private ChildProcess() {}

    /** How the program ended: its exit code and its last lines (for an error message). */
    record Outcome(int exitCode, List<String> lastLines) {}

    static Outcome run(List<String> command, Path folder, Map<String, String> environment, Consumer<String> lines,
            BooleanSupplier cancelled) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw ConnectorException.config("cannot start " + Path.of(command.get(0)).getFileName() + ": "
                    + e.getMessage());
        }
        Deque<String> last = new ArrayDeque<>();
        Thread pump = Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    synchronized (last) {
                        last.addLast(line);
                        if (last.size() > KEPT_LINES) {
                            last.removeFirst();
                        }
                    }
                    lines.accept(line);
                }
            } catch (IOException e) {
                lines.accept("(output no longer readable: " + e.getMessage() + ")");
            }
        });
        try {
            while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
                if (cancelled.getAsBoolean()) {
                    process.descendants().forEach(ProcessHandle::destroy);
                    process.destroy();
                    throw ConnectorException.config("stopped: the job was cancelled");
                }
            }
            pump.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw ConnectorException.system("interrupted while " + command.get(0) + " ran", e);
        }
        synchronized (last) {
            return new Outcome(process.exitValue(), last.stream().filter(l -> !l.isBlank()).toList());
        }
    }
}
