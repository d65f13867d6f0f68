package io.sluice.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.platform.PlatformSettings;
import io.sluice.platform.SluiceServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection pages over plain HTTP on a server whose first start made the sample faker →
 * DuckDB connection: Sync now, the history and its chart data, the job's log and the log fragment
 * after an offset, Cancel, Disable, Reset, and the Transformations page with an SQL step that the
 * next sync runs in the DuckDB file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UiConnectionPageIT {
    private static final Pattern JOB_LOG = Pattern.compile("<ol id=\"job-log\"[^>]*>(.*?)</ol>", Pattern.DOTALL);
    private static final Pattern LINE = Pattern.compile("<li>(.*?)</li>", Pattern.DOTALL);

    SluiceServer server;
    UiBrowser browser;
    String connectionId;
    String page;
    long firstJob;
    Path dataDir;

    @BeforeAll
    void start(@TempDir Path dir) {
        dataDir = dir.resolve("data");
        server = SluiceServer.start(PlatformSettings.fromEnvironment(Map.of()).withDataDir(dataDir).withPorts(0, 0));
        browser = UiBrowser.afterSetup(server.uiPort(), "admin@example.org", "correct horse 1");
        String workspaceId = browser.api("workspaces/list", "{}").path("workspaces").get(0).path("workspaceId").asText();
        connectionId = browser.api("connections/list", "{\"workspaceId\": \"" + workspaceId + "\"}")
                .path("connections").get(0).path("connectionId").asText();
        page = "/connections/" + connectionId;
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void thePageShowsWhatTheConnectionLinksAndItsSchedule() {
        JsonNode connection = connection();
        HttpResponse<String> response = browser.get(page);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Sample data \u2192 DuckDB",
                "href=\"/sources/" + connection.path("sourceId").asText() + "\">Sample data (Faker)</a>",
                "href=\"/destinations/" + connection.path("destinationId").asText() + "\">Local DuckDB</a>",
                "Enabled", "Manual: syncs only when started", "id=\"sync-now\"", "id=\"reset\"",
                "id=\"toggle-enabled\"", "href=\"" + page + "/settings\"", "href=\"" + page + "/transformations\"",
                "No sync yet").doesNotContain("id=\"cancel-sync\"");
        assertThat(browser.get("/connections/" + java.util.UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(browser.get("/connections/not-an-id").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void syncNowRunsAJobThatTheHistoryShowsSucceededWithItsRecordCount() {
        HttpResponse<String> started = browser.post(page + "/sync", Map.of("_csrf", csrf()));
        assertThat(started.statusCode()).isEqualTo(303);
        assertThat(UiBrowser.location(started)).isEqualTo(page + "?notice=sync");
        assertThat(browser.get(UiBrowser.location(started)).body()).contains("The sync has started");
        firstJob = latestJob().path("job").path("id").asLong();
        String history = awaitHistory(body -> body.contains("id=\"job-" + firstJob + "\" data-status=\"succeeded\""));
        JsonNode job = browser.api("jobs/get", "{\"id\": " + firstJob + "}");
        long records = 0;
        long bytes = 0;
        for (JsonNode attempt : job.path("attempts")) {
            records += attempt.path("attempt").path("recordsSynced").asLong();
            bytes += attempt.path("attempt").path("bytesSynced").asLong();
        }
        assertThat(records).isGreaterThan(0);
        assertThat(history).contains("🟢 succeeded", String.format(java.util.Locale.ROOT, "%,d records", records),
                SyncDisplay.bytes(bytes), "href=\"" + page + "/jobs/" + firstJob + "\"")
                .doesNotContain("hx-trigger").contains("\"records\":[" + records + "]");
        assertThat(history).contains("<table id=\"sync-chart-table\"", "<td>" + firstJob + "</td>");
    }

    @Test
    @Order(3)
    void theJobPageShowsTheLogThatJobsGetReturnsAndTheFragmentOnlyTheLinesAfterAnOffset() {
        JsonNode attempts = browser.api("jobs/get", "{\"id\": " + firstJob + "}").path("attempts");
        JsonNode last = attempts.get(attempts.size() - 1);
        int number = last.path("attempt").path("id").asInt();
        List<String> apiLines = new ArrayList<>();
        last.path("logs").path("logLines").forEach(l -> apiLines.add(l.asText()));
        assertThat(apiLines).hasSizeGreaterThan(3);

        HttpResponse<String> jobPage = browser.get(page + "/jobs/" + firstJob);
        assertThat(jobPage.statusCode()).isEqualTo(200);
        assertThat(jobPage.body()).contains("Sync " + firstJob, "🟢 succeeded", "id=\"attempt-" + number + "\"",
                "This is the whole log");
        assertThat(logLines(jobPage.body())).isEqualTo(apiLines);

        int k = 2;
        long offset = 0;
        for (String line : apiLines.subList(0, k)) {
            offset += line.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        String fragment = browser.get(page + "/jobs/" + firstJob + "/log?attempt=" + number + "&offset=" + offset)
                .body();
        assertThat(fragmentLines(fragment)).isEqualTo(apiLines.subList(k, apiLines.size()));
        Matcher next = Pattern.compile("hx-get=\"([^\"]+)\"").matcher(fragment);
        assertThat(next.find()).as("the fragment asks once more after lines").isTrue();
        String end = browser.get(next.group(1).replace("&amp;", "&")).body();
        assertThat(fragmentLines(end)).isEmpty();
        assertThat(end).doesNotContain("hx-get").contains("This is the whole log",
                "<div id=\"job-facts\" hx-swap-oob=\"true\">", "🟢 succeeded");
        assertThat(browser.get(page + "/jobs/999999").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void aRunningJobCanBeCancelledAndAResetMeanwhileIsRefusedWithItsReason() {
        JsonNode sample = browser.api("sources/get", "{\"sourceId\": \"" + connection().path("sourceId").asText() + "\"}");
        String bigSource = browser.api("sources/create", """
                {"sourceDefinitionId": "%s", "workspaceId": "%s", "name": "big faker",
                 "connectionConfiguration": {"count": 5000000, "seed": 7, "records_per_slice": 1000, "always_updated": false}}
                """.formatted(sample.path("sourceDefinitionId").asText(), sample.path("workspaceId").asText()))
                .path("sourceId").asText();
        String big = browser.api("connections/create", """
                {"sourceId": "%s", "destinationId": "%s", "name": "big sync"}
                """.formatted(bigSource, connection().path("destinationId").asText())).path("connectionId").asText();
        String bigPage = "/connections/" + big;
        assertThat(browser.post(bigPage + "/sync", Map.of("_csrf", csrf())).statusCode()).isEqualTo(303);
        long job = browser.api("jobs/list", "{\"configId\": \"" + big + "\"}").path("jobs").get(0).path("job")
                .path("id").asLong();
        String running = awaitPage(bigPage, body -> body.contains("data-status=\"running\""));
        assertThat(running).contains("id=\"cancel-sync\"", "name=\"jobId\" value=\"" + job + "\"",
                "hx-trigger=\"every 2s\"", "🟡 running");

        HttpResponse<String> reset = browser.post(bigPage + "/reset", Map.of("_csrf", csrf()));
        assertThat(reset.statusCode()).isEqualTo(409);
        assertThat(reset.body()).contains("id=\"connection-error\"", "is pending or running; cancel it before a reset");

        HttpResponse<String> cancel = browser.post(bigPage + "/cancel", Map.of("_csrf", csrf(), "jobId", "" + job));
        assertThat(cancel.statusCode()).isEqualTo(303);
        assertThat(browser.api("jobs/get", "{\"id\": " + job + "}").path("job").path("status").asText())
                .isEqualTo("cancelled");
        assertThat(browser.get(bigPage + "/history").body()).contains("⚪ cancelled").doesNotContain("id=\"cancel-sync\"");
        browser.api("connections/delete", "{\"connectionId\": \"" + big + "\"}");
    }

    @Test
    @Order(5)
    void disableThenEnable() {
        HttpResponse<String> disabled = browser.post(page + "/toggle-enabled", Map.of("_csrf", csrf(), "status", "inactive"));
        assertThat(disabled.statusCode()).isEqualTo(303);
        assertThat(connection().path("status").asText()).isEqualTo("inactive");
        assertThat(browser.get(page).body()).contains("Disabled", ">Enable</button>", "none: the connection is disabled");
        browser.post(page + "/toggle-enabled", Map.of("_csrf", csrf(), "status", "active"));
        assertThat(connection().path("status").asText()).isEqualTo("active");
    }

    @Test
    @Order(6)
    void resetRunsAResetJob() {
        HttpResponse<String> reset = browser.post(page + "/reset", Map.of("_csrf", csrf()));
        assertThat(reset.statusCode()).isEqualTo(303);
        JsonNode job = latestJob().path("job");
        assertThat(job.path("configType").asText()).isEqualTo("reset_connection");
        assertThat(browser.get(UiBrowser.location(reset)).body()).contains("The reset ran",
                "Reset " + job.path("id").asLong());
    }

    @Test
    @Order(7)
    void aBadSqlStepShowsItsFieldErrorAndCheckSaysWhy() {
        String transformations = page + "/transformations";
        assertThat(browser.get(transformations).body()).contains("No steps", "id=\"sql-statements\"",
                "id=\"dbt-gitRepoUrl\"", "id=\"dbt-dbtArguments\"");
        HttpResponse<String> empty = browser.post(transformations, Map.of("_csrf", csrf(), "kind", "sql",
                "name", "nothing", "statements", "  ", "action", "save"));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("id=\"sql-statements-error\"", "aria-describedby=\"sql-statements-error\"",
                "aria-invalid=\"true\"");
        assertThat(connection().path("operationIds")).isEmpty();

        HttpResponse<String> dbt = browser.post(transformations, Map.of("_csrf", csrf(), "kind", "dbt", "name", "d",
                "gitRepoUrl", "not a url", "dbtArguments", "run --profiles-dir /x", "action", "check"));
        assertThat(dbt.body()).contains("Check failed", "id=\"dbt-gitRepoUrl-error\"", "id=\"dbt-dbtArguments-error\"");
        HttpResponse<String> good = browser.post(transformations, Map.of("_csrf", csrf(), "kind", "sql", "name", "x",
                "statements", "select 1", "action", "check"));
        assertThat(good.body()).contains("id=\"sql-check-result\"", "Check passed");
    }

    @Test
    @Order(8)
    void anSqlStepAddedOnThePageRunsAfterTheNextSync() throws SQLException {
        String transformations = page + "/transformations";
        HttpResponse<String> added = browser.post(transformations, Map.of("_csrf", csrf(), "kind", "sql",
                "name", "answer table", "statements", "create or replace table ui_answer as select 42 as answer;",
                "action", "save"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
        JsonNode operationIds = connection().path("operationIds");
        assertThat(operationIds).hasSize(1);
        String operationId = operationIds.get(0).asText();
        assertThat(browser.get(transformations).body()).contains("answer table", "id=\"edit-" + operationId + "\"");

        browser.post(page + "/sync", Map.of("_csrf", csrf()));
        long job = latestJob().path("job").path("id").asLong();
        awaitHistory(body -> body.contains("id=\"job-" + job + "\" data-status=\"succeeded\""));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dataDir.resolve("sample.duckdb"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select answer from main.ui_answer")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }

        String edit = transformations + "/" + operationId;
        assertThat(browser.get(edit).body()).contains("value=\"answer table\"", "create or replace table ui_answer");
        HttpResponse<String> renamed = browser.post(edit, Map.of("_csrf", csrf(), "kind", "sql", "name", "the answer",
                "statements", "create or replace table ui_answer as select 43 as answer", "action", "save"));
        assertThat(renamed.statusCode()).isEqualTo(303);
        assertThat(browser.api("operations/get", "{\"operationId\": \"" + operationId + "\"}").path("name").asText())
                .isEqualTo("the answer");
        assertThat(browser.post(edit + "/delete", Map.of("_csrf", csrf())).statusCode()).isEqualTo(303);
        assertThat(connection().path("operationIds")).isEmpty();
    }

    private String csrf() {
        return browser.csrf(page);
    }

    private JsonNode connection() {
        return browser.api("connections/get", "{\"connectionId\": \"" + connectionId + "\"}");
    }

    private JsonNode latestJob() {
        return browser.api("jobs/list", "{\"configId\": \"" + connectionId + "\"}").path("jobs").get(0);
    }

    /** Polls the history fragment, as the page does, until it shows what the test waits for. */
    private String awaitHistory(Predicate<String> done) {
        return awaitPage(page + "/history", done);
    }

    private String awaitPage(String path, Predicate<String> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            String body = browser.get(path).body();
            if (done.test(body)) {
                return body;
            }
            assertThat(Instant.now()).as("waiting on " + path + ": " + body).isBefore(deadline);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<String> logLines(String page) {
        Matcher log = JOB_LOG.matcher(page);
        assertThat(log.find()).as("the log box").isTrue();
        return lines(log.group(1));
    }

    private static List<String> fragmentLines(String fragment) {
        Matcher oob = Pattern.compile("<ol hx-swap-oob=\"beforeend:#job-log\">(.*?)</ol>", Pattern.DOTALL)
                .matcher(fragment);
        return oob.find() ? lines(oob.group(1)) : List.of();
    }

    private static List<String> lines(String html) {
        List<String> lines = new ArrayList<>();
        Matcher line = LINE.matcher(html);
        while (line.find()) {
            lines.add(line.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", "\"")
                    .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&"));
        }
        return lines;
    }
}
