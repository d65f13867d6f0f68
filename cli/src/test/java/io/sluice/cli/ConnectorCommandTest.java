package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.protocol.MessageCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
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

/** Built-in connectors behave as Airbyte-protocol connectors: JSON lines in, JSON lines out. */
class ConnectorCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private InputStream originalIn;

    @BeforeEach
    void captureOutput() {
        originalOut = System.out;
        originalIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setIn(originalIn);
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> messages = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                messages.add(MessageCodec.mapper().readTree(line));
            }
        }
        out.reset();
        return messages;
    }

    @Test
    void listNamesTheBuiltInConnectors() {
        assertThat(Main.execute("connector", "list")).isZero();
        assertThat(out.toString()).contains("source-faker").contains("destination-duckdb");
    }

    @Test
    void specCheckDiscoverReadThenWriteIntoDuckDb() throws Exception {
        assertThat(Main.execute("connector", "source-faker", "spec")).isZero();
        JsonNode spec = lines().get(0);
        assertThat(spec.get("type").asText()).isEqualTo("SPEC");
        assertThat(spec.at("/spec/connectionSpecification/properties/count").isMissingNode()).isFalse();

        Path config = dir.resolve("faker.json");
        Files.writeString(config, "{\"count\": 50, \"seed\": 3}");
        assertThat(Main.execute("connector", "source-faker", "check", "--config", config.toString())).isZero();
        assertThat(lines().get(0).at("/connectionStatus/status").asText()).isEqualTo("SUCCEEDED");

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"count\": \"many\"}");
        assertThat(Main.execute("connector", "source-faker", "check", "--config", bad.toString())).isZero();
        JsonNode failed = lines().get(0);
        assertThat(failed.at("/connectionStatus/status").asText()).isEqualTo("FAILED");
        assertThat(failed.at("/connectionStatus/message").asText()).contains("count");

        assertThat(Main.execute("connector", "source-faker", "discover", "--config", config.toString())).isZero();
        JsonNode catalog = lines().get(0).get("catalog");
        JsonNode users = null;
        for (JsonNode s : catalog.get("streams")) {
            if (s.get("name").asText().equals("users")) {
                users = s;
            }
        }
        assertThat(users).isNotNull();
        Path configured = dir.resolve("catalog.json");
        Files.writeString(configured, """
                {"streams": [{"stream": %s, "sync_mode": "incremental", "cursor_field": ["updated_at"],
                  "destination_sync_mode": "append", "primary_key": [["id"]]}]}
                """.formatted(users.toString()));
        assertThat(Main.execute("connector", "source-faker", "read", "--config", config.toString(),
                "--catalog", configured.toString())).isZero();
        String messages = out.toString(StandardCharsets.UTF_8);
        List<JsonNode> read = lines();
        assertThat(read.stream().filter(m -> m.get("type").asText().equals("RECORD")).count()).isEqualTo(50);
        assertThat(read.stream().filter(m -> m.get("type").asText().equals("STATE")).count()).isPositive();

        Path duck = dir.resolve("duck.json");
        Path db = dir.resolve("w.duckdb");
        Files.writeString(duck, "{\"destination_path\": \"" + db.toString().replace("\\", "/") + "\"}");
        System.setIn(new ByteArrayInputStream(messages.getBytes(StandardCharsets.UTF_8)));
        assertThat(Main.execute("connector", "destination-duckdb", "write", "--config", duck.toString(),
                "--catalog", configured.toString())).isZero();
        List<JsonNode> acks = lines();
        assertThat(acks).isNotEmpty().allSatisfy(m -> assertThat(m.get("type").asText()).isEqualTo("STATE"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*), count(DISTINCT id) FROM users")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(50);
            assertThat(rs.getLong(2)).isEqualTo(50);
        }
    }
}
