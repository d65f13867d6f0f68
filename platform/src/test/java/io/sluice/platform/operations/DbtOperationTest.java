package io.sluice.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorRegistry;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.InputState;
import io.sluice.engine.NamespaceMapping;
import io.sluice.engine.SyncResult;
import io.sluice.platform.jobs.AttemptLog;
import io.sluice.platform.jobs.PreparedSync;
import io.sluice.platform.jobs.SyncLimits;
import io.sluice.protocol.ConfiguredCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt operations against a stand-in {@code dbt} executable (src/test/resources/dbt-stand-in.sh, first
 * on the child's PATH) that records its arguments, the profiles.yml and the project: real dbt is
 * not installed here and is not run by these tests.
 */
class DbtOperationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ConnectorRegistry CONNECTORS = ConnectorRegistry.load();
    private static final SyncResult SYNCED = new SyncResult(SyncResult.Status.SUCCEEDED, Map.of(), Optional.empty(),
            InputState.empty(), Duration.ofSeconds(2));

    @TempDir
    Path dir;
    Path record;
    Path work;
    Path project;
    Path logFile;

    @BeforeEach
    void standIn() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        try (InputStream script = DbtOperationTest.class.getResourceAsStream("/dbt-stand-in.sh")) {
            Files.copy(script, bin.resolve("dbt"));
        }
        Files.setPosixFilePermissions(bin.resolve("dbt"), PosixFilePermissions.fromString("rwx------"));
        record = Files.createDirectories(dir.resolve("record"));
        work = Files.createDirectories(dir.resolve("work"));
        project = Files.createDirectories(dir.resolve("analytics"));
        Files.writeString(project.resolve("dbt_project.yml"), "name: analytics\nprofile: 'acme'\n");
        logFile = dir.resolve("attempt-1.log");
    }

    private Map<String, String> path(String path) {
        return Map.of("PATH", path, "SLUICE_TEST_RECORD", record.toString());
    }

    private Map<String, String> standInFirst() {
        return path(dir.resolve("bin") + ":/usr/bin:/bin");
    }

    private static ObjectNode postgres() {
        return JSON.createObjectNode().put("host", "127.0.0.1").put("port", 5432).put("database", "test")
                .put("schema", "analytics").put("username", "postgres").put("password", "pg-Secret-42")
                .set("ssl_mode", JSON.createObjectNode().put("mode", "disable"));
    }

    private static JsonNode dbt(String url, String arguments) {
        ObjectNode dbt = JSON.createObjectNode().put("gitRepoUrl", url).put("dbtArguments", arguments)
                .put("dockerImage", "fishtownanalytics/dbt:1.0.0");
        return JSON.createObjectNode().put("operatorType", "dbt").set("dbt", dbt);
    }

    private SyncResult run(Map<String, String> environment, String destination, JsonNode config, JsonNode operator,
            SyncResult synced) {
        return run(environment, destination, config, operator, synced, () -> false);
    }

    private SyncResult run(Map<String, String> environment, String destination, JsonNode config, JsonNode operator,
            SyncResult synced, java.util.function.BooleanSupplier cancelled) {
        PreparedSync plan = new PreparedSync(CONNECTORS.source("source-faker").orElseThrow(),
                JSON.createObjectNode(), CONNECTORS.destination(destination).orElseThrow(), config,
                new ConfiguredCatalog(List.of()), NamespaceMapping.sourceDefault(),
                List.of(new ConnectionOperation("transform", operator)), SyncLimits.DEFAULT);
        try (AttemptLog log = AttemptLog.open(logFile)) {
            return new PostSyncOperations(environment, work).afterSync(plan, synced, log, cancelled);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String recorded(String name) throws IOException {
        return Files.readString(record.resolve(name));
    }

    @Test
    void runsDbtWithTheArgumentsAPrivateProfileAndTheRawSchemaAsVars() throws IOException {
        SyncResult result = run(standInFirst(), "destination-postgres", postgres(),
                dbt(project.toString(), "run --select stg_customers"), SYNCED);

        assertThat(result.status()).isEqualTo(SyncResult.Status.SUCCEEDED);
        String profiles = recorded("profiles.dir").strip();
        assertThat(recorded("args").lines()).containsExactly("run", "--select", "stg_customers",
                "--profiles-dir", profiles, "--project-dir", project.toString(),
                "--vars", "{\"airbyte_raw_database\":\"test\",\"airbyte_raw_schema\":\"analytics\"}");
        assertThat(recorded("profiles.yml")).isEqualTo("""
                # written by Sluice for one dbt run; deleted when it ends
                "acme":
                  target: sluice
                  outputs:
                    sluice:
                      type: "postgres"
                      host: "127.0.0.1"
                      port: 5432
                      user: "postgres"
                      password: "pg-Secret-42"
                      dbname: "test"
                      schema: "analytics"
                      sslmode: "disable"
                      threads: 1
                """);
        assertThat(recorded("profiles.mode").strip()).isEqualTo("600");
        assertThat(recorded("folder.mode").strip()).isEqualTo("700");
        assertThat(Path.of(profiles)).doesNotExist();
        assertThat(recorded("cwd").strip()).isEqualTo(project.toString());
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).isEmpty();
        }

        List<String> log = AttemptLog.lines(logFile);
        assertThat(log).anyMatch(l -> l.endsWith("operation - operation 1 of 1 'transform' (dbt) started"))
                .anyMatch(l -> l.endsWith("operation - dockerImage fishtownanalytics/dbt:1.0.0 is ignored: Sluice "
                        + "runs the dbt installed on this worker"))
                .anyMatch(l -> l.endsWith("operation - dbt: 1 of 1 OK created sql view model analytics.stg_customers"))
                .anyMatch(l -> l.endsWith("operation - dbt: profile says       password: \"**********\""))
                .anyMatch(l -> l.endsWith("operation - operation 1 of 1 'transform' succeeded"));
        assertThat(String.join("\n", log)).doesNotContain("pg-Secret-42").doesNotContain(profiles);
    }

    @Test
    void aFailingDbtRunFailsTheAttemptWithItsLastLines() throws IOException {
        SyncResult result = run(standInFirst(), "destination-postgres", postgres(),
                dbt("file://" + project, "run --select fail_me"), SYNCED);

        assertThat(result.status()).isEqualTo(SyncResult.Status.FAILED);
        SyncResult.Failure failure = result.failure().orElseThrow();
        assertThat(failure.origin()).isEqualTo(SyncResult.Origin.OPERATION);
        assertThat(failure.kind()).isEqualTo(FailureKind.CONFIG);
        assertThat(failure.message()).startsWith("dbt run --select fail_me exited with code 1: ")
                .contains("Database Error in model fail_me").contains("relation \"analytics.nope\" does not exist")
                .doesNotContain("pg-Secret-42");
        assertThat(AttemptLog.lines(logFile)).anyMatch(l -> l.endsWith("operation - dbt: Database Error in model "
                + "fail_me (models/fail_me.sql)"));
        assertThat(recorded("args")).contains("fail_me");
    }

    @Test
    void withoutDbtOnThePathTheOperationFailsSayingSo() {
        SyncResult result = run(path(""), "destination-postgres", postgres(), dbt(project.toString(), "run"), SYNCED);

        assertThat(result.status()).isEqualTo(SyncResult.Status.FAILED);
        assertThat(result.failure().orElseThrow().message()).startsWith("dbt is not installed on this worker");
        assertThat(result.failure().orElseThrow().kind()).isEqualTo(FailureKind.CONFIG);
        assertThat(record.resolve("args")).doesNotExist();
    }

    @Test
    void cancellingTheJobStopsDbt() {
        long started = System.nanoTime();
        SyncResult result = run(standInFirst(), "destination-postgres", postgres(),
                dbt(project.toString(), "run --select slow_me"), SYNCED,
                () -> System.nanoTime() - started > TimeUnit.SECONDS.toNanos(1));

        assertThat(result.status()).isEqualTo(SyncResult.Status.CANCELLED);
        assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(20));
        assertThat(AttemptLog.lines(logFile)).anyMatch(l -> l.endsWith("operation - dbt: taking my time"))
                .noneMatch(l -> l.contains("1 of 1 OK"));
    }

    @Test
    void aFailedSyncRunsNoOperation() {
        SyncResult failed = new SyncResult(SyncResult.Status.FAILED, Map.of(), Optional.of(new SyncResult.Failure(
                FailureKind.TRANSIENT, SyncResult.Origin.SOURCE, "source went away", "")), InputState.empty(),
                Duration.ofSeconds(1));
        assertThat(run(standInFirst(), "destination-postgres", postgres(), dbt(project.toString(), "run"), failed))
                .isSameAs(failed);
        assertThat(record.resolve("args")).doesNotExist();
    }

    @Test
    void aGitRepositoryIsClonedAtItsBranch() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        git(repo, "init", "--quiet", "-b", "main");
        Files.writeString(repo.resolve("dbt_project.yml"), "name: from_main\n");
        git(repo, "add", ".");
        git(repo, "commit", "--quiet", "-m", "main");
        git(repo, "checkout", "--quiet", "-b", "feature");
        Files.writeString(repo.resolve("dbt_project.yml"), "name: from_feature\n");
        git(repo, "commit", "--quiet", "-am", "feature");
        git(dir, "clone", "--quiet", "--bare", repo.toString(), dir.resolve("analytics.git").toString());
        ObjectNode operator = (ObjectNode) dbt("file://" + dir.resolve("analytics.git"), "run");
        ((ObjectNode) operator.get("dbt")).put("gitRepoBranch", "feature");
        Path duckdb = dir.resolve("warehouse.duckdb");

        SyncResult result = run(standInFirst(), "destination-duckdb",
                JSON.createObjectNode().put("destination_path", duckdb.toString()), operator, SYNCED);

        assertThat(result.failure()).isEmpty();
        assertThat(recorded("dbt_project.yml")).isEqualTo("name: from_feature\n");
        assertThat(recorded("cwd").strip()).startsWith(work.toString()).endsWith("dbt-project");
        assertThat(recorded("args").lines()).contains("--profile", "sluice")
                .contains("{\"airbyte_raw_database\":\"warehouse\",\"airbyte_raw_schema\":\"main\"}");
        assertThat(recorded("profiles.yml")).contains("\"sluice\":\n").contains("      type: \"duckdb\"\n")
                .contains("      path: \"" + duckdb + "\"\n").contains("      schema: \"main\"\n");
        assertThat(AttemptLog.lines(logFile)).anyMatch(l -> l.endsWith("operation - cloning file://"
                + dir.resolve("analytics.git") + " (branch feature)"));
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).isEmpty();
        }

        ((ObjectNode) operator.get("dbt")).put("gitRepoBranch", "no-such-branch");
        SyncResult missing = run(standInFirst(), "destination-duckdb",
                JSON.createObjectNode().put("destination_path", duckdb.toString()), operator, SYNCED);
        assertThat(missing.failure().orElseThrow().message()).startsWith("could not clone the dbt project file://"
                + dir.resolve("analytics.git") + " (branch no-such-branch): ").contains("no-such-branch");
        assertThat(missing.failure().orElseThrow().kind()).isEqualTo(FailureKind.CONFIG);
    }

    private static void git(Path in, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.name=Sluice Test",
                "-c", "user.email=test@sluice.invalid"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
