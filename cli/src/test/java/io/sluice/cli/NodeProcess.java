package io.sluice.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code sluice up} in a JVM of its own, started with this test's classpath: its output goes to a
 * file (kept for a failing test to read) and is searched for the lines that say it is up.
 */
final class NodeProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path output;
    private final List<String> lines = new ArrayList<>();

    private NodeProcess(String name, Process process, Path output) {
        this.name = name;
        this.process = process;
        this.output = output;
        Thread reader = new Thread(this::read, "node-output-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code sluice up <args>} with the environment added to this one's. */
    static NodeProcess start(String name, Path dir, Map<String, String> env, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "up"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("SLUICE_NODE_NAME", name);
        Files.createDirectories(dir);
        return new NodeProcess(name, builder.start(), dir.resolve(name + ".out"));
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                }
                Files.writeString(output, line + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            // the process died (a test kills one on purpose)
        }
    }

    /** The first group of the first output line that matches, waiting for it (and failing if the process exits). */
    String await(Pattern pattern, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        int seen = 0;
        while (Instant.now().isBefore(deadline)) {
            synchronized (lines) {
                for (; seen < lines.size(); seen++) {
                    Matcher m = pattern.matcher(lines.get(seen));
                    if (m.find()) {
                        return m.groupCount() > 0 ? m.group(1) : m.group();
                    }
                }
            }
            if (!process.isAlive() && seen == lines.size()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            sleep(100);
        }
        throw new AssertionError(name + " printed no line matching " + pattern + " within " + limit + ":\n" + tail());
    }

    String name() {
        return name;
    }

    /** Kills the JVM as {@code kill -9} does: no shutdown hook runs. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String tail() {
        synchronized (lines) {
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException(name + " did not stop", e));
        }
    }
}
