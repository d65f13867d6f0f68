package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector written in Python, speaking the Airbyte protocol on stdout, synced into DuckDB
 * through the engine by {@code sluice run}.
 */
class ExternalConnectorPipelineTest {
    private static final String SOURCE = """
            import json, sys

            CATALOG = {"streams": [{"name": "orders", "json_schema": {"type": "object", "properties": {
                "id": {"type": "integer"}, "amount": {"type": "number"}, "status": {"type": "string"},
                "updated_at": {"type": "string", "format": "date-time", "airbyte_type": "timestamp_with_timezone"}}},
                "supported_sync_modes": ["full_refresh", "incremental"], "source_defined_cursor": True,
                "default_cursor_field": ["updated_at"], "source_defined_primary_key": [["id"]]}]}

            def emit(message):
                print(json.dumps(message), flush=True)

            def arg(name):
                args = sys.argv
                return args[args.index(name) + 1] if name in args else None

            command = sys.argv[1]
            if command == "spec":
                emit({"type": "SPEC", "spec": {"connectionSpecification": {"type": "object",
                      "required": ["rows"], "properties": {"rows": {"type": "integer", "minimum": 1},
                      "crash_after": {"type": "integer"}}}}})
            elif command == "check":
                emit({"type": "CONNECTION_STATUS", "connectionStatus": {"status": "SUCCEEDED"}})
            elif command == "discover":
                emit({"type": "CATALOG", "catalog": CATALOG})
            elif command == "read":
                config = json.load(open(arg("--config")))
                state = json.load(open(arg("--state"))) if arg("--state") else []
                start = 0
                for s in state:
                    start = s["stream"]["stream_state"]["last_id"]
                print("starting the read")  # not JSON: becomes a log line
                for i in range(start + 1, config["rows"] + 1):
                    emit({"type": "RECORD", "record": {"stream": "orders", "emitted_at": 0, "data": {
                        "id": i, "amount": i * 1.5, "status": "paid" if i % 2 else "open",
                        "updated_at": "2024-03-01T10:00:%02dZ" % (i % 60)}}})
                    if i % 10 == 0:
                        emit({"type": "STATE", "state": {"type": "STREAM", "stream": {
                            "stream_descriptor": {"name": "orders"}, "stream_state": {"last_id": i}}}})
                    if config.get("crash_after") == i:
                        print("disk on fire near row %d" % i, file=sys.stderr, flush=True)
                        sys.exit(3)
                emit({"type": "STATE", "state": {"type": "STREAM", "stream": {
                    "stream_descriptor": {"name": "orders"}, "stream_state": {"last_id": config["rows"]}}}})
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private PrintStream originalOut;

    @BeforeEach
    void capture() {
        originalErr = System.err;
        originalOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
        System.setOut(originalOut);
    }

    private Path pipeline(String sourceConfig, String mode) throws Exception {
        Path script = dir.resolve("source.py");
        Files.writeString(script, SOURCE);
        Path file = dir.resolve("orders.yaml");
        Files.writeString(file, """
                source:
                  command: [python3, "%s"]
                  config: %s
                destination:
                  connector: destination-duckdb
                  config: {destination_path: "%s"}
                streams:
                  - {name: orders, sync_mode: incremental, destination_sync_mode: %s}
                """.formatted(script.toString().replace("\\", "/"), sourceConfig,
                dir.resolve("out.duckdb").toString().replace("\\", "/"), mode));
        return file;
    }

    @Test
    void pythonSourceSyncsIntoDuckDbAndResumesFromItsState() throws Exception {
        Path file = pipeline("{rows: 25}", "append");
        assertThat(Main.execute("run", file.toString())).as(err.toString()).isZero();
        assertThat(ids()).hasSize(25).startsWith(1L, 2L).endsWith(25L);
        assertThat(Files.readString(dir.resolve("orders.state.json"))).containsPattern("\"last_id\" ?: ?25");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("out.duckdb"));
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT amount, status, updated_at FROM orders WHERE id = 3")) {
            rs.next();
            assertThat(rs.getDouble(1)).isEqualTo(4.5);
            assertThat(rs.getString(2)).isEqualTo("paid");
            assertThat(rs.getObject(3).toString()).startsWith("2024-03-01");
        }

        pipeline("{rows: 40}", "append");
        assertThat(Main.execute("run", file.toString())).as(err.toString()).isZero();
        assertThat(ids()).hasSize(40).doesNotHaveDuplicates();
    }

    @Test
    void crashMidStreamFailsWithExitCodeAndStderrAndKeepsOnlyAcknowledgedRows() throws Exception {
        Path file = pipeline("{rows: 50, crash_after: 27}", "append");
        assertThat(Main.execute("run", file.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("exited with code 3").contains("disk on fire near row 27");
        // the destination holds exactly the rows the saved state covers (it may commit at a checkpoint
        // or defer commits; either way nothing past the last acknowledged state is kept)
        long covered = savedLastId();
        assertThat(covered).isIn(0L, 10L, 20L);
        assertThat(ids()).hasSize((int) covered);

        // the next run resumes after the saved state and completes without duplicates
        pipeline("{rows: 50}", "append");
        assertThat(Main.execute("run", file.toString())).as(err.toString()).isZero();
        assertThat(ids()).hasSize(50).doesNotHaveDuplicates();
    }

    @Test
    void configThatBreaksTheExternalSpecIsRefused() throws Exception {
        Path file = pipeline("{rows: 0}", "append");
        assertThat(Main.execute("run", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("source.config.rows");
        assertThat(dir.resolve("out.duckdb")).doesNotExist();
    }

    private long savedLastId() throws Exception {
        Path state = dir.resolve("orders.state.json");
        if (!Files.exists(state)) {
            return 0;
        }
        var messages = io.sluice.protocol.MessageCodec.mapper().readTree(Files.readString(state));
        return messages.isEmpty() ? 0 : messages.get(0).at("/stream/stream_state/last_id").asLong();
    }

    private List<Long> ids() throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("out.duckdb"));
                ResultSet rs = c.createStatement().executeQuery("SELECT id FROM orders ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
