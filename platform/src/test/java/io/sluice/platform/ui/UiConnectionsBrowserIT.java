package io.sluice.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The new-connection flow in Debian's headless chromium at a desktop and a phone width: the
 * select-all box (Alpine.js), a sync mode change revealing the cursor, the schedule type
 * switching its fields, creating the connection (checked through the API) and its settings page;
 * screenshots {@code target/screenshots/connections-<page>-<width>.png}.
 */
class UiConnectionsBrowserIT {
    @BeforeAll
    static void needsChromium() {
        UiChromium.requireInstalled();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 900", "390, 844"})
    void createAConnection(int width, int height, @TempDir Path dir) throws IOException {
        Files.createDirectories(UiJourneyIT.SCREENSHOTS);
        try (ConnectionsFixture fixture = new ConnectionsFixture(dir)) {
            WebDriver driver = browser(width, height);
            try {
                new Flow(driver, "http://127.0.0.1:" + fixture.server.uiPort(), width, height, fixture).run();
            } finally {
                driver.quit();
            }
        }
    }

    private static WebDriver browser(int width, int height) {
        return UiChromium.start(width, height);
    }

    private record Flow(WebDriver driver, String base, int width, int height, ConnectionsFixture fixture) {
        void run() throws IOException {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            setUp(wait);
            driver.get(base + "/connections");
            assertThat(driver.findElement(By.id("connections")).getText()).contains("Sample data → DuckDB", "manual");
            checkPage("list");
            driver.findElement(By.id("new-connection")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/connections/new"));
            new Select(driver.findElement(By.id("source"))).selectByValue(fixture.sourceId);
            new Select(driver.findElement(By.id("destination"))).selectByValue(fixture.destinationId);
            checkPage("new");
            driver.findElement(By.id("choose-streams")).click();
            wait.until(ExpectedConditions.urlContains("/connections/new/streams"));

            WebElement selectAll = driver.findElement(By.id("select-all"));
            assertThat(selectAll.isSelected()).isTrue();
            click(selectAll);
            for (String stream : new String[] {"users", "products", "purchases"}) {
                assertThat(driver.findElement(By.id("stream-" + stream + "-selected")).isSelected()).as(stream).isFalse();
            }
            click(selectAll);
            assertThat(driver.findElement(By.id("stream-products-selected")).isSelected()).isTrue();
            click(driver.findElement(By.id("stream-purchases-selected")));

            Select usersMode = new Select(driver.findElement(By.id("stream-users-mode")));
            usersMode.selectByVisibleText("Full refresh | Overwrite");
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("stream-users-cursor-cell")));
            usersMode.selectByVisibleText("Incremental | Append");
            WebElement cursor = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stream-users-cursor-cell")));
            assertThat(cursor.getText()).contains("updated_at", "source-defined");
            assertThat(driver.findElement(By.id("stream-users-pk-cell")).isDisplayed()).isFalse();
            new Select(driver.findElement(By.id("stream-products-mode"))).selectByVisibleText("Full refresh | Overwrite");

            assertThat(driver.findElement(By.id("cronExpression")).isDisplayed()).isFalse();
            new Select(driver.findElement(By.id("scheduleType"))).selectByValue("basic");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("units")));
            new Select(driver.findElement(By.id("scheduleType"))).selectByValue("cron");
            type(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cronExpression"))), "0 2 * * 1-5");
            assertThat(driver.findElement(By.id("units")).isDisplayed()).isFalse();
            type(driver.findElement(By.id("cronTimeZone")), "UTC");
            type(driver.findElement(By.id("name")), "browser " + width);
            checkPage("streams");

            click(driver.findElement(By.id("create-connection")));
            wait.until(ExpectedConditions.urlMatches("/connections/[0-9a-f-]{36}$"));
            String id = driver.getCurrentUrl().substring(driver.getCurrentUrl().lastIndexOf('/') + 1);
            JsonNode connection = fixture.api("connections/get", "{\"connectionId\": \"" + id + "\"}");
            assertThat(connection.path("name").asText()).isEqualTo("browser " + width);
            assertThat(connection.path("scheduleType").asText()).isEqualTo("cron");
            assertThat(connection.at("/scheduleData/cron/cronExpression").asText()).isEqualTo("0 2 * * 1-5");
            Map<String, String> modes = new HashMap<>();
            connection.path("syncCatalog").path("streams").forEach(s -> modes.put(s.at("/stream/name").asText(),
                    s.at("/config/selected").asBoolean() + " " + s.at("/config/syncMode").asText() + " "
                            + s.at("/config/destinationSyncMode").asText()));
            assertThat(modes).containsEntry("users", "true incremental append")
                    .containsEntry("products", "true full_refresh overwrite")
                    .containsEntry("purchases", "false incremental append_dedup");

            driver.get(base + "/connections/" + id + "/settings");
            assertThat(driver.findElement(By.id("cronExpression")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("stream-purchases-selected")).isSelected()).isFalse();
            checkPage("settings");
        }

        private void setUp(WebDriverWait wait) {
            driver.get(base + "/setup");
            type(driver.findElement(By.id("adminEmail")), ConnectionsFixture.EMAIL);
            type(driver.findElement(By.id("password")), ConnectionsFixture.PASSWORD);
            type(driver.findElement(By.id("confirmPassword")), ConnectionsFixture.PASSWORD);
            driver.findElement(By.cssSelector("main button[type=submit]")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/"));
        }

        /** Every visible input and select has its label, the page does not scroll sideways; then a whole-page screenshot. */
        private void checkPage(String name) throws IOException {
            UiChromium.assertEveryInputHasALabel(driver);
            UiChromium.assertFitsTheWidth(driver, width);
            UiChromium.screenshotWholePage(driver, "connections-" + name + "-" + width, width, height);
        }

        /** Clicks through JavaScript's scroll first, so that a narrow screen's table cell is in view. */
        private void click(WebElement element) {
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
            element.click();
        }

        private void type(WebElement input, String text) {
            input.clear();
            input.sendKeys(text);
        }
    }
}
