package io.sluice.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Sources pages in Debian's chromium at a desktop and a phone width: the catalogue's search,
 * the faker form filled, tested and saved, the PostgreSQL form's replication method switched to
 * CDC (its fields appear), and Test connection's answers beside the form; a screenshot of each
 * under {@code target/screenshots/actors-*.png}.
 */
class UiActorsBrowserIT {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @BeforeAll
    static void needsChromium() {
        UiChromium.requireInstalled();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 900", "390, 844"})
    void catalogueFakerFormOneOfSwitchAndTestConnection(int width, int height, @TempDir Path dir) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        try (SluiceServer server = SluiceServer.start(PlatformSettings.fromEnvironment(Map.of())
                .withDataDir(dir.resolve("data")).withPorts(0, 0))) {
            WebDriver driver = chromium(width, height);
            try {
                new Pages(driver, "http://127.0.0.1:" + server.uiPort(), server.apiPort(), width, height).run();
            } finally {
                driver.quit();
            }
        }
    }

    /** As {@code UiJourneyIT} starts it: headless, a phone's viewport emulated below 500 px. */
    private static WebDriver chromium(int width, int height) {
        return UiChromium.start(width, height);
    }

    private record Pages(WebDriver driver, String base, int apiPort, int width, int height) {
        void run() throws IOException {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            setUp(wait);

            driver.get(base + "/sources");
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Sample data (Faker)");
            fits();
            screenshot("sources");
            driver.findElement(By.id("new-source")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/sources/new"));
            WebElement faker = driver.findElement(By.id("connector-source-faker"));
            WebElement postgres = driver.findElement(By.id("connector-source-postgres"));
            type("connector-search", "FAK");
            wait.until(ExpectedConditions.invisibilityOf(postgres));
            assertThat(faker.isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("no-connector")).isDisplayed()).isFalse();
            fits();
            screenshot("catalogue");
            type("connector-search", "no such thing");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-connector")));
            type("connector-search", "faker");
            wait.until(ExpectedConditions.visibilityOf(faker)).click();

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("config-count")));
            assertThat(driver.findElement(By.id("config-count")).getAttribute("value")).isEqualTo("1000");
            everyInputHasALabel();
            type("name", "Browser faker");
            type("config-count", "300");
            driver.findElement(By.id("config-always_updated")).click();
            driver.findElement(By.id("test-connection")).click();
            WebElement outcome = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("check-outcome")));
            assertThat(outcome.getText()).contains("succeeded");
            fits();
            screenshot("faker-form");
            driver.findElement(By.id("save")).click();
            wait.until(ExpectedConditions.urlContains("?created"));
            assertThat(driver.findElement(By.id("notice")).getText()).contains("created");
            JsonNode created = created("Browser faker");
            assertThat(created.path("connectionConfiguration").path("count").asInt()).isEqualTo(300);
            assertThat(created.path("connectionConfiguration").path("always_updated").asBoolean()).isFalse();

            driver.findElement(By.cssSelector(".crumbs a")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/sources"));
            driver.findElement(By.id("new-source")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("connector-source-postgres"))).click();
            WebElement slot = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.id("config-replication_method-CDC-replication_slot")));
            assertThat(slot.isDisplayed()).as("a CDC field before CDC is chosen").isFalse();
            new Select(driver.findElement(By.id("config-replication_method-method"))).selectByValue("CDC");
            wait.until(ExpectedConditions.visibilityOf(slot));
            everyInputHasALabel();
            type("name", "Browser postgres");
            type("config-host", "127.0.0.1");
            type("config-database", "test");
            type("config-username", "postgres");
            new Select(driver.findElement(By.id("config-ssl_mode-mode"))).selectByValue("disable");
            type("config-replication_method-CDC-replication_slot", "browser_slot");
            type("config-replication_method-CDC-publication", "browser_publication");
            screenshot("postgres-cdc");
            new Select(driver.findElement(By.id("config-replication_method-method"))).selectByValue("Standard");
            wait.until(ExpectedConditions.invisibilityOf(slot));
            type("config-port", "1");
            driver.findElement(By.id("test-connection")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-result"), "failed"));
            assertThat(driver.findElement(By.id("check-outcome")).getText()).startsWith("✘ The connection test failed: ")
                    .hasSizeGreaterThan("✘ The connection test failed: ".length() + 5);
            assertThat(((Number) ((JavascriptExecutor) driver).executeScript(
                    "return document.getElementById('check-outcome').getBoundingClientRect().bottom")).doubleValue())
                    .as("the answer is in view").isLessThanOrEqualTo(height + 1.0);
            fits();
            screenshot("check-failed");
            type("config-port", "5432");
            driver.findElement(By.id("test-connection")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-result"), "succeeded"));
            new Select(driver.findElement(By.id("config-replication_method-method"))).selectByValue("CDC");
            driver.findElement(By.id("save")).click();
            wait.until(ExpectedConditions.urlContains("?created"));
            JsonNode config = created("Browser postgres").path("connectionConfiguration");
            assertThat(config.path("replication_method").path("method").asText()).isEqualTo("CDC");
            assertThat(config.path("replication_method").path("replication_slot").asText()).isEqualTo("browser_slot");
            assertThat(config.path("ssl_mode").toString()).isEqualTo("{\"mode\":\"disable\"}");
            assertThat(driver.findElement(By.id("config-replication_method-CDC-replication_slot")).isDisplayed()).isTrue();
            screenshot("postgres-edit");
        }

        private void setUp(WebDriverWait wait) {
            driver.get(base + "/setup");
            type("adminEmail", "admin@example.org");
            type("password", "correct horse 1");
            type("confirmPassword", "correct horse 1");
            type("dataResidency", "eu");
            driver.findElement(By.cssSelector("main button[type=submit]")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/"));
        }

        private JsonNode created(String name) {
            String workspaceId = UiBrowser.api(apiPort, "workspaces/list", "{}").path("workspaces").get(0)
                    .path("workspaceId").asText();
            for (JsonNode source : UiBrowser.api(apiPort, "sources/list", "{\"workspaceId\": \"" + workspaceId + "\"}")
                    .path("sources")) {
                if (source.path("name").asText().equals(name)) {
                    return source;
                }
            }
            throw new AssertionError("no source named " + name);
        }

        private void type(String id, String text) {
            WebElement input = driver.findElement(By.id(id));
            input.clear();
            input.sendKeys(text);
        }

        private void everyInputHasALabel() {
            UiChromium.assertEveryInputHasALabel(driver);
        }

        private void fits() {
            UiChromium.assertFitsTheWidth(driver, width);
        }

        private void screenshot(String page) throws IOException {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve("actors-" + page + "-" + width + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
