package io.sluice.connectors.mysql.source;

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
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway MariaDB server with the binary log on (ROW format, full row metadata), made by the
 * installed server's own mariadb-install-db in a temporary directory on a free port: the machine's
 * shared server (binlog off) is never reconfigured. Runs as the {@code mysql} OS user when the tests
 * run as root. Stopped and deleted on close.
 */
final class BinlogMariaDb implements AutoCloseable {
    static final String DATABASE = "cdc";
    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL = Path.of("/usr/bin/mariadb-install-db");

    private final Path dir;
    private final int port;
    private final Process server;

    private BinlogMariaDb(Path dir, int port, Process server) {
        this.dir = dir;
        this.port = port;
        this.server = server;
    }

    /** Starts a server, or skips the test (with the reason) when MariaDB's binaries are not installed. */
    static BinlogMariaDb start() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(SERVER) && Files.isExecutable(INSTALL),
                "MariaDB server binaries (" + SERVER + ", " + INSTALL + ") are not installed: install mariadb-server");
        Path dir = Files.createTempDirectory("sluice-mariadb-binlog");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(dir, List.of("chown", "mysql", dir.toString()));
        }
        List<String> install = new ArrayList<>(List.of(INSTALL.toString(), "--no-defaults",
                "--datadir=" + dir.resolve("data"), "--auth-root-authentication-method=normal", "--skip-test-db"));
        List<String> start = new ArrayList<>(List.of(SERVER.toString(), "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--socket=" + dir.resolve("sock"), "--pid-file=" + dir.resolve("pid"), "--port=" + freePort(),
                "--bind-address=127.0.0.1", "--log-bin=" + dir.resolve("data").resolve("binlog"), "--binlog-format=ROW",
                "--server-id=1", "--binlog-row-metadata=FULL", "--character-set-server=utf8mb4",
                "--innodb-buffer-pool-size=32M", "--innodb-log-file-size=16M"));
        if (root) {
            install.add("--user=mysql");
            start.add("--user=mysql");
        }
        run(dir, install);
        int port = Integer.parseInt(start.stream().filter(a -> a.startsWith("--port=")).findFirst().orElseThrow()
                .substring("--port=".length()));
        Process server = new ProcessBuilder(start).redirectErrorStream(true)
                .redirectOutput(dir.resolveSibling(dir.getFileName() + ".log").toFile()).start();
        BinlogMariaDb db = new BinlogMariaDb(dir, port, server);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection c = DriverManager.getConnection(db.url(""), "root", "")) {
                break;
            } catch (SQLException e) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    db.close();
                    throw new IOException("the throwaway MariaDB did not start (see " + dir + ".log)", e);
                }
                Thread.sleep(200);
            }
        }
        db.sql("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4");
        return db;
    }

    int port() {
        return port;
    }

    String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(DATABASE), "root", "");
    }

    /** Runs statements as root in the test database. */
    void sql(String... statements) {
        try (Connection c = DriverManager.getConnection(url(""), "root", ""); Statement s = c.createStatement()) {
            if (!statements[0].startsWith("CREATE DATABASE")) {
                s.execute("USE " + DATABASE);
            }
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A source-mysql CDC config for this server, as root. */
    ObjectNode config() {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.put("host", "127.0.0.1").put("port", port).put("database", DATABASE).put("username", "root")
                .put("password", "");
        config.putObject("ssl_mode").put("mode", "preferred");
        config.putObject("replication_method").put("method", "CDC").put("initial_waiting_seconds", 120);
        return config;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.destroy();
        if (!server.waitFor(30, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        run(dir, List.of("rm", "-rf", dir.toString()));
        Files.deleteIfExists(dir.resolveSibling(dir.getFileName() + ".out"));
        Files.deleteIfExists(dir.resolveSibling(dir.getFileName() + ".log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolveSibling(dir.getFileName() + ".out").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("failed: " + String.join(" ", command) + " (see " + dir + ".out)");
        }
    }
}
