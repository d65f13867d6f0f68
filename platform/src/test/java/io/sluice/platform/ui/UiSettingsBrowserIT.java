package io.sluice.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.sluice.platform.PlatformSettings;
import io.sluice.platform.SluiceServer;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * The dashboard and every settings section in chromium at a desktop and a phone width: each form
 * sent, its errors beside their fields, the test message through htmx, a token shown once; a
 * screenshot of each page under {@code target/screenshots/settings-<page>-<width>.png}.
 */
class UiSettingsBrowserIT {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String EMAIL = "admin@example.org";
    static final String PASSWORD = "correct horse 1";

    @BeforeAll
    static void needsChromium() {
        UiChromium.requireInstalled();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 900", "390, 844"})
    void dashboardAndEverySettingsSection(int width, int height, @TempDir Path dir) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try (SluiceServer server = SluiceServer.start(PlatformSettings.fromEnvironment(Map.of())
                .withDataDir(dir.resolve("data")).withPorts(0, 0))) {
            WebDriver driver = UiChromium.start(width, height);
            try {
                new Pass(driver, "http://127.0.0.1:" + server.uiPort(), width,
                        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", received).run();
            } finally {
                driver.quit();
            }
        } finally {
            receiver.stop(0);
        }
    }

    /** One pass through the pages in one browser. */
    private record Pass(WebDriver driver, String base, int width, String hook, List<String> received) {
        void run() throws IOException {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            setUp(wait);

            assertThat(driver.findElement(By.id("dashboard-summary")).getText()).isEqualTo("1 connection, 0 failing");
            WebElement table = driver.findElement(By.id("dashboard-connections"));
            assertThat(table.getText()).contains("Sample data \u2192 DuckDB", "never synced", "no successful sync yet",
                    "manual", "no finished syncs yet");
            assertThat(table.findElement(By.linkText("Sample data \u2192 DuckDB")).getAttribute("href"))
                    .startsWith(base + "/connections/");
            page("dashboard");

            driver.get(base + "/settings");
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Default Workspace", "No API tokens.");
            page("overview");

            driver.get(base + "/settings/workspace");
            type("name", "Analytics");
            new Select(driver.findElement(By.id("namespaceDefinition"))).selectByValue("customformat");
            driver.findElement(By.id("namespaceFormat")).clear();
            driver.findElement(By.id("save-workspace")).click();
            WebElement formatError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("namespaceFormat-error")));
            assertThat(driver.findElement(By.id("namespaceFormat")).getAttribute("aria-describedby"))
                    .isEqualTo("namespaceFormat-error");
            assertThat(formatError.getText()).contains("Enter the custom format");
            show(formatError);
            page("workspace-error");
            type("namespaceFormat", "${SOURCE_NAMESPACE}_raw");
            driver.findElement(By.id("save-workspace")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/settings/workspace?saved"));
            assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("saved");
            assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo("Analytics");
            page("workspace");

            driver.get(base + "/settings/notifications");
            type("webhookUrl", hook);
            driver.findElement(By.id("sendOnFailure")).click();
            driver.findElement(By.id("test-notification")).click();
            wait.until(ExpectedConditions.textToBe(By.id("test-result"), "sent"));
            assertThat(driver.getCurrentUrl()).as("htmx answered in place").isEqualTo(base + "/settings/notifications");
            assertThat(received).hasSize(1);
            assertThat(received.get(0)).contains("\"event\":\"test\"");
            show(driver.findElement(By.id("test-result")));
            page("notifications-test");
            driver.findElement(By.id("save-notifications")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/settings/notifications?saved"));
            assertThat(driver.findElement(By.id("sendOnFailure")).isSelected()).isTrue();
            assertThat(driver.findElement(By.id("sendOnSuccess")).isSelected()).isFalse();
            assertThat(driver.findElement(By.id("webhookUrl")).getAttribute("value")).isEqualTo(hook);
            page("notifications");

            driver.get(base + "/settings/resources");
            type("memory_limit", "512MB");
            type("cpu_limit", "1");
            driver.findElement(By.id("save-resources")).click();
            WebElement memoryError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("memory_limit-error")));
            assertThat(memoryError.getText()).contains("512MB");
            assertThat(driver.findElements(By.id("cpu_limit-error"))).isEmpty();
            show(memoryError);
            page("resources-error");
            type("memory_limit", "1Gi");
            driver.findElement(By.id("save-resources")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/settings/resources?saved"));
            page("resources");

            driver.get(base + "/settings/tokens");
            type("tokenName", "grafana");
            driver.findElement(By.id("create-token")).click();
            String token = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-token"))).getText();
            assertThat(token).startsWith("sluice_");
            assertThat(driver.findElement(By.id("new-token-note")).getText()).contains("will not be shown again");
            page("token-created");
            driver.get(base + "/settings/tokens");
            assertThat(driver.findElements(By.id("new-token"))).isEmpty();
            assertThat(driver.getPageSource()).doesNotContain(token);
            assertThat(driver.findElement(By.id("api-tokens")).getText()).contains("grafana");
            page("tokens");
            driver.findElement(By.cssSelector("a[id^='revoke-']")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-revoke")));
            page("token-revoke");
            driver.findElement(By.id("confirm-revoke")).click();
            wait.until(ExpectedConditions.urlContains("/settings/tokens?revoked="));
            assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("grafana is revoked");
            assertThat(driver.findElements(By.id("api-tokens"))).isEmpty();
        }

        private void setUp(WebDriverWait wait) {
            driver.get(base + "/setup");
            type("adminEmail", EMAIL);
            type("password", PASSWORD);
            type("confirmPassword", PASSWORD);
            type("dataResidency", "eu");
            driver.findElement(By.cssSelector("main button[type=submit]")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/"));
        }

        private void type(String id, String text) {
            WebElement input = driver.findElement(By.id(id));
            input.clear();
            input.sendKeys(text);
        }

        /** Scrolls so that the screenshot shows {@code element}. */
        private void show(WebElement element) {
            ((JavascriptExecutor) driver).executeScript(
                    "arguments[0].scrollIntoView({block: 'center'})", element);
        }

        /** The checks every page passes, and its screenshot. */
        private void page(String name) throws IOException {
            UiChromium.assertEveryInputHasALabel(driver);
            UiChromium.assertFitsTheWidth(driver, width);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve("settings-" + name + "-" + width + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
