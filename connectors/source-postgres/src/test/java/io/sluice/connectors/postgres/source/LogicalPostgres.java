package io.sluice.connectors.postgres.source;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL cluster with {@code wal_level = logical}, made by the installed server's
 * own initdb/pg_ctl in a temporary directory on a free port: the machine's main cluster runs with
 * wal_level = replica and is never reconfigured. Runs as the {@code postgres} OS user when the
 * tests run as root (initdb refuses root). Shared with bench/cdc through the test-jar.
 */
public final class LogicalPostgres implements AutoCloseable {
    public static final String DATABASE = "cdc";
    /** The postgres user's password (scram over TCP); tests also check it never reaches the logs. */
    public static final String PASSWORD = "pw-must-not-leak-7f3a";
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final Path dir;
    private final int port;

    private LogicalPostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static LogicalPostgres start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("sluice-pg-logical");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        run(dir, List.of("chown", "postgres", dir.toString()), false);
        Path passwordFile = dir.resolve("pw");
        java.nio.file.Files.writeString(passwordFile, PASSWORD);
        run(dir, List.of("chown", "postgres", passwordFile.toString()), false);
        // Password authentication over TCP, so the CDC password hand-over to Debezium is exercised.
        run(dir, List.of(BIN.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile=" + passwordFile, "--no-sync",
                "-E", "UTF8"), true);
        run(dir, List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("log").toString(), "-w", "-o", "-p " + port + " -c listen_addresses=127.0.0.1"
                        + " -c wal_level=logical -c fsync=off -c max_replication_slots=10 -c max_wal_senders=10"
                        + " -c unix_socket_directories=" + dir, "start"), true);
        LogicalPostgres server = new LogicalPostgres(dir, port);
        server.sqlIn("postgres", "CREATE DATABASE " + DATABASE);
        return server;
    }

    public int port() {
        return port;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, "postgres", PASSWORD);
    }

    public void sql(String... statements) {
        sqlIn(DATABASE, statements);
    }

    private void sqlIn(String database, String... statements) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database,
                "postgres", PASSWORD); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A source-postgres CDC config for this cluster. */
    public ObjectNode config(String schema, String slot, String publication) {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.put("host", "127.0.0.1").put("port", port).put("database", DATABASE)
                .put("username", "postgres").put("password", PASSWORD);
        config.putArray("schemas").add(schema);
        config.putObject("ssl_mode").put("mode", "disable");
        config.putObject("replication_method").put("method", "CDC").put("replication_slot", slot)
                .put("publication", publication).put("initial_waiting_seconds", 20);
        return config;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(dir, List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                "-w", "stop"), true);
        run(dir, List.of("rm", "-rf", dir.toString()), false);
        Files.deleteIfExists(dir.resolveSibling(dir.getFileName() + ".out"));
    }

    private static void run(Path dir, List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres && "root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(dir.resolveSibling(dir.getFileName() + ".out").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("failed: " + String.join(" ", command) + " (see " + dir + ".out)");
        }
    }
}
