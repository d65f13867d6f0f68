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
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureOutput() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private Path pipeline(int count) throws Exception {
        Path file = dir.resolve("faker.yaml");
        Files.writeString(file, """
                name: faker-test
                source:
                  connector: source-faker
                  config: {count: %d, seed: 7, records_per_slice: 100, always_updated: false}
                destination:
                  connector: destination-duckdb
                  config: {destination_path: "%s", schema: main}
                streams:
                  - {name: users, sync_mode: incremental, destination_sync_mode: append_dedup}
                  - {name: products, sync_mode: full_refresh, destination_sync_mode: overwrite}
                  - name: purchases
                namespace: destination
                """.formatted(count, dir.resolve("out.duckdb").toString().replace("\\", "/")));
        return file;
    }

    @Test
    void examplePipelineLoadsTablesAndSecondRunMovesOnlyNewRecords() throws Exception {
        Path file = pipeline(200);
        assertThat(Main.execute("run", file.toString())).as(err.toString()).isZero();
        assertThat(count("users")).isEqualTo(200);
        assertThat(count("_airbyte_raw_users")).isEqualTo(200);
        assertThat(count("products")).isPositive();
        long purchases = count("purchases");
        assertThat(purchases).isPositive();
        assertThat(count("purchases_line_items")).isPositive();
        assertThat(Files.exists(dir.resolve("faker.state.json"))).isTrue();
        assertThat(out.toString()).contains("users").contains("SUCCEEDED");

        // same config again: the incremental streams move nothing new
        assertThat(Main.execute("run", file.toString())).as(err.toString()).isZero();
        assertThat(count("_airbyte_raw_users")).isEqualTo(200);
        assertThat(count("users")).isEqualTo(200);

        // more users: only the new ones move
        pipeline(300);
        assertThat(Main.execute("run", file.toString())).as(err.toString()).isZero();
        assertThat(count("_airbyte_raw_users")).isEqualTo(300);
        assertThat(count("users")).isEqualTo(300);
        assertThat(count("purchases")).isGreaterThanOrEqualTo(purchases);
    }

    @Test
    void badYamlIsRefusedWithItsLineAndNothingIsWritten() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "source:\n  connector: source-faker\n   config: [\n");
        assertThat(Main.execute("run", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("not valid YAML").contains("line");
        assertThat(dir.resolve("out.duckdb")).doesNotExist();
    }

    @Test
    void configThatBreaksTheSpecNamesTheFieldAndWritesNothing() throws Exception {
        Path file = pipeline(0);
        assertThat(Main.execute("run", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("source.config.count");
        assertThat(dir.resolve("out.duckdb")).doesNotExist();
        assertThat(dir.resolve("faker.state.json")).doesNotExist();
    }

    @Test
    void unknownStreamAndModeAreNamed() throws Exception {
        Path file = dir.resolve("streams.yaml");
        Files.writeString(file, """
                source: {connector: source-faker, config: {count: 10, seed: 1}}
                destination: {connector: destination-duckdb, config: {destination_path: "%s"}}
                streams:
                  - {name: nope}
                  - {name: users, sync_mode: sideways}
                """.formatted(dir.resolve("out.duckdb").toString().replace("\\", "/")));
        assertThat(Main.execute("run", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("streams[1].sync_mode").contains("full_refresh, incremental");
        assertThat(dir.resolve("out.duckdb")).doesNotExist();
    }

    @Test
    void aStreamListedTwiceIsRefused() throws Exception {
        Path file = dir.resolve("twice.yaml");
        Files.writeString(file, """
                source: {connector: source-faker, config: {count: 10, seed: 1}}
                destination: {connector: destination-duckdb, config: {destination_path: "%s"}}
                streams: [users, products, users]
                """.formatted(dir.resolve("out.duckdb").toString().replace("\\", "/")));
        assertThat(Main.execute("run", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("streams[2].name").contains("more than once");
        assertThat(dir.resolve("out.duckdb")).doesNotExist();
    }

    @Test
    void anUnreadableStateFileIsBadInput() throws Exception {
        Path file = pipeline(10);
        Files.createDirectories(dir.resolve("faker.state.json"));
        assertThat(Main.execute("run", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("state_file");
        assertThat(dir.resolve("out.duckdb")).doesNotExist();
    }

    @Test
    void continuousMustBeTrueOrFalse() throws Exception {
        Path file = pipeline(10);
        Files.writeString(file, Files.readString(file) + "continuous: always\n");
        assertThat(Main.execute("run", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("continuous: must be true or false");
        assertThat(dir.resolve("out.duckdb")).doesNotExist();
    }

    @Test
    void aContinuousPipelineWhoseSourceIsNotCdcEndsWhenTheSourceDoes() throws Exception {
        Path file = dir.resolve("continuous.yaml");
        Files.writeString(file, """
                source:
                  connector: source-faker
                  config: {count: 50, seed: 7, always_updated: false}
                destination:
                  connector: destination-duckdb
                  config: {destination_path: "%s", schema: main}
                streams:
                  - {name: users, sync_mode: incremental, destination_sync_mode: append_dedup}
                continuous: true
                """.formatted(dir.resolve("out.duckdb").toString().replace("\\", "/")));
        assertThat(Main.execute("run", file.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("continuously until Ctrl-C").contains("SUCCEEDED");
    }

    @Test
    void unknownConnectorIsNamed() throws Exception {
        Path file = dir.resolve("unknown.yaml");
        Files.writeString(file, """
                source: {connector: source-nothing}
                destination: {connector: destination-duckdb, config: {destination_path: x.duckdb}}
                """);
        assertThat(Main.execute("run", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("source.connector").contains("source-faker");
    }

    private long count(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("out.duckdb"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM main." + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
