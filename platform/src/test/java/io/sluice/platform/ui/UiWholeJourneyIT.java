package io.sluice.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.platform.PlatformSettings;
import io.sluice.platform.SluiceServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole web UI journey in Debian's chromium, as a new user makes it: first-run setup, sign out and
 * in, a faker source and a DuckDB destination created from their spec forms (the destination tested
 * first), a connection between them through the stream table, Sync now, the history turning
 * succeeded by itself, the chart drawn, the job's log; then the rows in the DuckDB file. A
 * whole-page screenshot of each step goes to {@code target/screenshots/journey-<step>-<width>.png}.
 */
class UiWholeJourneyIT {
    private static final Pattern ID = Pattern.compile("/(?:sources|destinations|connections)/([0-9a-f-]{36})");
    private static final int USERS = 300;

    @BeforeAll
    static void needsChromium() {
        UiChromium.requireInstalled();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 900", "390, 844"})
    void setupToSyncedRowsThroughThePages(int width, int height, @TempDir Path dir) throws Exception {
        try (SluiceServer server = SluiceServer.start(PlatformSettings.fromEnvironment(Map.of())
                .withDataDir(dir.resolve("data")).withPorts(0, 0))) {
            WebDriver driver = UiChromium.start(width, height);
            try {
                new Journey(driver, new WebDriverWait(driver, Duration.ofSeconds(60)),
                        "http://127.0.0.1:" + server.uiPort(), server.apiPort(), width, height,
                        dir.resolve("journey.duckdb")).run();
            } finally {
                driver.quit();
            }
        }
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("journey.duckdb"));
                Statement s = duckdb.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT id) FROM main.users")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).as("users rows in DuckDB").isEqualTo(USERS);
            assertThat(rs.getLong(2)).isEqualTo(USERS);
        }
    }

    private record Journey(WebDriver driver, WebDriverWait until, String base, int apiPort, int width, int height,
            Path duckdb) {
        void run() {
            setUpSignOutSignIn();
            String sourceId = createFakerSource();
            String destinationId = createDuckDbDestination();
            String connectionId = createConnection(sourceId, destinationId);
            long jobId = syncNow(connectionId);
            readTheLog(connectionId, jobId);
            driver.get(base + "/");
            until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection-" + connectionId),
                    "succeeded"));
            shot("9-dashboard");
        }

        private void setUpSignOutSignIn() {
            driver.get(base + "/");
            until.until(ExpectedConditions.urlToBe(base + "/setup"));
            shot("1-setup");
            type("adminEmail", "owner@example.org");
            type("password", "journey password 1");
            type("confirmPassword", "journey password 1");
            driver.findElement(By.cssSelector("main button[type=submit]")).click();
            until.until(ExpectedConditions.urlToBe(base + "/"));
            openMenuOnPhone();
            driver.findElement(By.cssSelector(".sign-out button")).click();
            until.until(ExpectedConditions.urlContains("/sign-in"));
            type("email", "owner@example.org");
            type("password", "journey password 1");
            shot("2-sign-in");
            driver.findElement(By.cssSelector("main button[type=submit]")).click();
            until.until(ExpectedConditions.urlToBe(base + "/"));
        }

        private String createFakerSource() {
            driver.get(base + "/sources");
            click("new-source");
            until.until(ExpectedConditions.urlToBe(base + "/sources/new"));
            type("connector-search", "faker");
            until.until(ExpectedConditions.invisibilityOfElementLocated(By.id("connector-source-postgres")));
            shot("3-source-catalogue");
            click("connector-source-faker");
            until.until(ExpectedConditions.visibilityOfElementLocated(By.id("config-count")));
            type("name", "Journey faker");
            type("config-count", String.valueOf(USERS));
            shot("4-source-form");
            click("save");
            until.until(ExpectedConditions.urlContains("?created"));
            assertThat(driver.findElement(By.id("notice")).getText()).isNotBlank();
            String id = idIn(driver.getCurrentUrl());
            JsonNode source = UiBrowser.api(apiPort, "sources/get", "{\"sourceId\": \"" + id + "\"}");
            assertThat(source.path("name").asText()).isEqualTo("Journey faker");
            assertThat(source.path("connectionConfiguration").path("count").asInt()).isEqualTo(USERS);
            return id;
        }

        private String createDuckDbDestination() {
            driver.get(base + "/destinations");
            click("new-destination");
            until.until(ExpectedConditions.urlToBe(base + "/destinations/new"));
            type("connector-search", "duck");
            click("connector-destination-duckdb");
            until.until(ExpectedConditions.visibilityOfElementLocated(By.id("config-destination_path")));
            type("name", "Journey DuckDB");
            type("config-destination_path", duckdb.toString());
            click("test-connection");
            until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-result"), "succeeded"));
            shot("5-destination-tested");
            click("save");
            until.until(ExpectedConditions.urlContains("?created"));
            return idIn(driver.getCurrentUrl());
        }

        private String createConnection(String sourceId, String destinationId) {
            driver.get(base + "/connections");
            click("new-connection");
            until.until(ExpectedConditions.urlToBe(base + "/connections/new"));
            new Select(driver.findElement(By.id("source"))).selectByValue(sourceId);
            new Select(driver.findElement(By.id("destination"))).selectByValue(destinationId);
            click("choose-streams");
            until.until(ExpectedConditions.visibilityOfElementLocated(By.id("stream-users-mode")));
            WebElement users = driver.findElement(By.id("stream-users-selected"));
            if (!users.isSelected()) {
                click("stream-users-selected");
            }
            new Select(driver.findElement(By.id("stream-users-mode"))).selectByValue("full_refresh:overwrite");
            type("name", "Journey connection");
            shot("6-streams");
            click("create-connection");
            until.until(ExpectedConditions.urlMatches(base + "/connections/[0-9a-f-]{36}$"));
            String id = idIn(driver.getCurrentUrl());
            JsonNode connection = UiBrowser.api(apiPort, "connections/get", "{\"connectionId\": \"" + id + "\"}");
            assertThat(connection.path("name").asText()).isEqualTo("Journey connection");
            assertThat(connection.path("sourceId").asText()).isEqualTo(sourceId);
            assertThat(connection.path("destinationId").asText()).isEqualTo(destinationId);
            return id;
        }

        /** Sync now, and the history turns succeeded without a reload; the chart is drawn. */
        private long syncNow(String connectionId) {
            click("sync-now");
            until.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sync-runs li")));
            JsonNode jobs = UiBrowser.api(apiPort, "jobs/list", "{\"configTypes\": [\"sync\"], \"configId\": \""
                    + connectionId + "\"}").path("jobs");
            assertThat(jobs).hasSize(1);
            long jobId = jobs.get(0).path("job").path("id").asLong();
            until.until(ExpectedConditions.attributeToBe(By.id("job-" + jobId), "data-status", "succeeded"));
            assertThat(driver.getCurrentUrl()).startsWith(base + "/connections/" + connectionId);
            JsonNode job = UiBrowser.api(apiPort, "jobs/get", "{\"id\": " + jobId + "}");
            long committed = job.path("attempts").get(0).path("attempt").path("totalStats").path("recordsCommitted")
                    .asLong();
            assertThat(committed).isGreaterThanOrEqualTo(USERS);
            assertThat(driver.findElement(By.id("job-" + jobId)).getText()).contains(String.format("%,d", committed));
            WebElement canvas = until.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#sync-chart canvas")));
            assertThat(canvas.getSize().getWidth()).isPositive();
            assertThat(canvas.getSize().getHeight()).isPositive();
            shot("7-connection-synced");
            return jobId;
        }

        private void readTheLog(String connectionId, long jobId) {
            WebElement link = driver.findElement(By.cssSelector("#job-" + jobId + " a.run-link"));
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "arguments[0].scrollIntoView({block: 'center'})", link);
            link.click();
            until.until(ExpectedConditions.urlToBe(base + "/connections/" + connectionId + "/jobs/" + jobId));
            JsonNode lines = UiBrowser.api(apiPort, "jobs/get", "{\"id\": " + jobId + "}").path("attempts").get(0)
                    .path("logs").path("logLines");
            assertThat(lines.size()).isGreaterThan(3);
            String log = until.until(ExpectedConditions.visibilityOfElementLocated(By.id("job-log"))).getText();
            assertThat(log).contains(lines.get(0).asText().strip(), lines.get(lines.size() - 1).asText().strip());
            shot("8-job-log");
        }

        private static String idIn(String url) {
            Matcher m = ID.matcher(url);
            assertThat(m.find()).as("an id in " + url).isTrue();
            return m.group(1);
        }

        private void type(String id, String text) {
            WebElement input = driver.findElement(By.id(id));
            input.clear();
            input.sendKeys(text);
        }

        private void click(String id) {
            WebElement element = driver.findElement(By.id(id));
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "arguments[0].scrollIntoView({block: 'center'})", element);
            element.click();
        }

        private void openMenuOnPhone() {
            if (width < 640) {
                driver.findElement(By.cssSelector("button.menu")).click();
            }
        }

        /** The checks every page passes (labels, no sideways scrolling), then its whole-page screenshot. */
        private void shot(String step) {
            UiChromium.assertEveryInputHasALabel(driver);
            UiChromium.assertFitsTheWidth(driver, width);
            UiChromium.screenshotWholePage(driver, "journey-" + step + "-" + width, width, height);
        }
    }
}
