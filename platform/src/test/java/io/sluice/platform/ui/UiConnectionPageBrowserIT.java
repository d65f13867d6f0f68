package io.sluice.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.platform.PlatformSettings;
import io.sluice.platform.SluiceServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The connection pages in Debian's headless chromium at 1280x900 and 390x844: Sync now and the
 * history turning succeeded without a reload, the chart drawn, the log page of a running sync
 * receiving lines as they are written, and the Transformations page; screenshots under
 * {@code target/screenshots/connection-*.png}.
 */
class UiConnectionPageBrowserIT {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Enough faker records that a sync runs for a few seconds, long enough to watch it. */
    private static final int SLOW_COUNT = 100_000;

    @BeforeAll
    static void needsChromium() {
        UiChromium.requireInstalled();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 900", "390, 844"})
    void syncNowHistoryChartLogAndTransformations(int width, int height, @TempDir Path dir) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        try (SluiceServer server = SluiceServer.start(PlatformSettings.fromEnvironment(Map.of())
                .withDataDir(dir.resolve("data")).withPorts(0, 0))) {
            UiBrowser api = new UiBrowser(server.uiPort());
            String workspaceId = api.api("workspaces/list", "{}").path("workspaces").get(0).path("workspaceId").asText();
            JsonNode connection = api.api("connections/list", "{\"workspaceId\": \"" + workspaceId + "\"}")
                    .path("connections").get(0);
            slowDown(api, connection.path("sourceId").asText());
            WebDriver driver = UiChromium.start(width, height);
            try {
                new Visit(driver, "http://127.0.0.1:" + server.uiPort(), width,
                        "/connections/" + connection.path("connectionId").asText()).run();
            } finally {
                driver.quit();
            }
        }
    }

    private static void slowDown(UiBrowser api, String sourceId) {
        JsonNode source = api.api("sources/get", "{\"sourceId\": \"" + sourceId + "\"}");
        ObjectNode update = io.sluice.platform.api.ApiJson.MAPPER.createObjectNode().put("sourceId", sourceId)
                .put("name", source.path("name").asText());
        update.set("connectionConfiguration", ((ObjectNode) source.path("connectionConfiguration").deepCopy())
                .put("count", SLOW_COUNT));
        api.api("sources/update", update.toString());
    }

    private record Visit(WebDriver driver, String base, int width, String page) {
        void run() throws IOException {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
            signUp(wait);
            driver.get(base + page);
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sample data \u2192 DuckDB");
            assertThat(driver.findElement(By.id("no-syncs")).getText()).contains("No sync yet");
            assertFitsTheWidth();

            driver.findElement(By.id("sync-now")).click();
            wait.until(ExpectedConditions.urlContains("notice=sync"));
            markThePage();
            WebElement first = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sync-runs li")));
            String jobId = first.getAttribute("id");
            wait.ignoring(StaleElementReferenceException.class)
                    .until(d -> "succeeded".equals(d.findElement(By.id(jobId)).getAttribute("data-status")));
            assertThat(driver.findElement(By.id(jobId + "-status")).getText()).contains("succeeded");
            assertNotReloaded();
            WebElement canvas = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sync-chart canvas")));
            Dimension size = canvas.getSize();
            assertThat(size.getWidth()).as("chart width").isGreaterThan(0).isLessThanOrEqualTo(width);
            assertThat(size.getHeight()).as("chart height").isGreaterThan(0);
            assertThat(driver.findElements(By.id("cancel-sync"))).isEmpty();
            assertFitsTheWidth();
            screenshot("status");
            ((JavascriptExecutor) driver).executeScript("document.getElementById('sync-chart').scrollIntoView();");
            screenshot("chart");

            // a reset clears the cursor, so the next sync reads everything again and runs long enough to watch
            new UiBrowser(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)))
                    .api("connections/reset", "{\"connectionId\": \"" + page.substring(page.lastIndexOf('/') + 1) + "\"}");
            driver.get(base + page);
            driver.findElement(By.id("sync-now")).click();
            wait.until(ExpectedConditions.urlContains("notice=sync"));
            // the history is replaced every 2 s while the job runs: look rows up afresh
            String runningId = (String) wait.until(d -> ((JavascriptExecutor) d).executeScript(
                    "var skip = arguments[0]; var li = Array.from(document.querySelectorAll('#sync-runs li')).find(function (li) {"
                            + " return li.id !== skip && /pending|running/.test(li.dataset.status); });"
                            + " return li ? li.id : null;", jobId));
            assertThat((String) ((JavascriptExecutor) driver).executeScript(
                    "return document.getElementById(arguments[0]).dataset.status;", runningId)).isIn("pending", "running");
            screenshot("running");
            wait.ignoring(StaleElementReferenceException.class).until(d -> {
                d.findElement(By.cssSelector("#" + runningId + " a.run-link")).click();
                return true;
            });
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("job-log")));
            markThePage();
            int shown = driver.findElements(By.cssSelector("#job-log li")).size();
            assertThat(driver.findElement(By.id("log-follow")).getAttribute("data-active"))
                    .as("the page follows the running attempt's log").isEqualTo("true");
            wait.until(d -> d.findElements(By.cssSelector("#job-log li")).size() > shown);
            wait.until(d -> "false".equals(d.findElement(By.id("log-follow")).getAttribute("data-active")));
            assertThat(driver.findElement(By.id("job-status")).getText()).contains("succeeded");
            assertThat(driver.findElement(By.id("attempts")).getText()).as("the attempts as they ended")
                    .contains("succeeded").doesNotContain("running");
            assertThat(driver.findElement(By.id("job-log")).getText()).contains("emitted " + SLOW_COUNT + " records");
            assertNotReloaded();
            Object atBottom = ((JavascriptExecutor) driver).executeScript("var b = document.getElementById('job-log');"
                    + " return b.scrollTop + b.clientHeight >= b.scrollHeight - 30;");
            assertThat(atBottom).as("the log box stays at its bottom").isEqualTo(true);
            assertFitsTheWidth();
            screenshot("job-log");

            driver.get(base + page + "/transformations");
            assertThat(driver.findElement(By.id("no-operations")).getText()).contains("No steps");
            assertEveryInputHasALabel();
            driver.findElement(By.id("sql-name")).sendKeys("broken");
            driver.findElement(By.id("sql-save")).click();
            WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sql-statements-error")));
            assertThat(error.getText()).isNotBlank();
            assertThat(driver.findElement(By.id("sql-statements")).getAttribute("aria-describedby"))
                    .isEqualTo("sql-statements-error");
            assertFitsTheWidth();
            screenshot("transformations");
        }

        private void signUp(WebDriverWait wait) {
            driver.get(base + "/setup");
            type("adminEmail", "admin@example.org");
            type("password", "correct horse 1");
            type("confirmPassword", "correct horse 1");
            type("dataResidency", "auto");
            driver.findElement(By.cssSelector("main button[type=submit]")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/"));
        }

        private void type(String id, String text) {
            WebElement input = driver.findElement(By.id(id));
            input.clear();
            input.sendKeys(text);
        }

        /** A mark that a reload would wipe: the history and the log change without one. */
        private void markThePage() {
            ((JavascriptExecutor) driver).executeScript("window.sluiceMark = 'still here';");
        }

        private void assertNotReloaded() {
            assertThat(((JavascriptExecutor) driver).executeScript("return window.sluiceMark;"))
                    .as("the page was not reloaded").isEqualTo("still here");
        }

        private void assertEveryInputHasALabel() {
            UiChromium.assertEveryInputHasALabel(driver);
        }

        private void assertFitsTheWidth() {
            UiChromium.assertFitsTheWidth(driver, width);
        }

        private void screenshot(String name) throws IOException {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve("connection-" + name + "-" + width + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
