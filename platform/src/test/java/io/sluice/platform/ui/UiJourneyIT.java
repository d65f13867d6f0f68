package io.sluice.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in Debian's chromium (headless, through chromium-driver): first-run setup, sign out, a
 * wrong password shown beside its field, sign in, the dashboard with the sample connection; at a
 * desktop and at a phone width, with a screenshot of each page under {@code target/screenshots}.
 */
class UiJourneyIT {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String EMAIL = "admin@example.org";
    static final String PASSWORD = "correct horse 1";

    @BeforeAll
    static void needsChromium() {
        UiChromium.requireInstalled();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 900", "390, 844"})
    void setupSignOutWrongPasswordSignInDashboard(int width, int height, @TempDir Path dir) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        try (SluiceServer server = SluiceServer.start(PlatformSettings.fromEnvironment(Map.of())
                .withDataDir(dir.resolve("data")).withPorts(0, 0))) {
            WebDriver driver = chromium(width, height);
            try {
                Journey journey = new Journey(driver, "http://127.0.0.1:" + server.uiPort(), width);
                journey.run();
            } finally {
                driver.quit();
            }
        }
    }

    private static WebDriver chromium(int width, int height) {
        return UiChromium.start(width, height);
    }

    /** One pass through the pages in one browser. */
    private record Journey(WebDriver driver, String base, int width) {
        void run() throws IOException {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            driver.get(base + "/");
            assertThat(driver.getCurrentUrl()).isEqualTo(base + "/setup");
            assertThat(((Number) ((JavascriptExecutor) driver).executeScript("return window.innerWidth")).intValue())
                    .as("viewport width").isEqualTo(width);
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Sluice never sends telemetry anywhere");
            assertEveryInputHasALabel();
            screenshot("1-setup");
            type("adminEmail", EMAIL);
            type("password", PASSWORD);
            type("confirmPassword", PASSWORD);
            type("notificationEmail", "alerts@example.org");
            type("dataResidency", "eu");
            driver.findElement(By.id("usageStatsOn")).click();
            driver.findElement(By.cssSelector("main button[type=submit]")).click();

            wait.until(ExpectedConditions.urlToBe(base + "/"));
            assertThat(driver.findElement(By.tagName("table")).getText()).contains("Sample data \u2192 DuckDB", "active",
                    "never synced");
            assertFitsTheWidth();
            openMenuOnPhone(wait);
            screenshot("2-dashboard");

            driver.findElement(By.cssSelector(".sign-out button")).click();
            wait.until(ExpectedConditions.urlContains("/sign-in"));
            assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("signed out");
            driver.get(base + "/");
            assertThat(driver.getCurrentUrl()).isEqualTo(base + "/sign-in");
            screenshot("3-sign-in");

            type("email", EMAIL);
            type("password", "not the password");
            driver.findElement(By.cssSelector("main button[type=submit]")).click();
            WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-error")));
            assertThat(error.getText()).isEqualTo("Wrong email or password.");
            assertThat(((JavascriptExecutor) driver).executeScript(
                    "return document.getElementById('password').nextElementSibling.id")).isEqualTo("password-error");
            assertThat(driver.findElement(By.id("password")).getAttribute("aria-describedby")).isEqualTo("password-error");
            assertThat(driver.findElements(By.id("email-error"))).isEmpty();
            assertEveryInputHasALabel();
            screenshot("4-wrong-password");

            type("password", PASSWORD);
            driver.findElement(By.cssSelector("main button[type=submit]")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/"));
            assertThat(driver.findElement(By.tagName("table")).getText()).contains("Sample data \u2192 DuckDB");
            screenshot("5-dashboard-again");
        }

        private void type(String id, String text) {
            WebElement input = driver.findElement(By.id(id));
            input.clear();
            input.sendKeys(text);
        }

        /** Every visible input but hidden ones has a {@code <label for>} naming it. */
        private void assertEveryInputHasALabel() {
            UiChromium.assertEveryInputHasALabel(driver);
        }

        private void assertFitsTheWidth() {
            UiChromium.assertFitsTheWidth(driver, width);
        }

        /** At phone width the nav links hide behind the Menu button (Alpine.js); at desktop width they show. */
        private void openMenuOnPhone(WebDriverWait wait) {
            WebElement connections = driver.findElement(By.cssSelector("nav a[href='/connections']"));
            if (width < 640) {
                assertThat(connections.isDisplayed()).isFalse();
                driver.findElement(By.cssSelector("button.menu")).click();
                wait.until(ExpectedConditions.visibilityOf(connections));
            } else {
                assertThat(connections.isDisplayed()).isTrue();
            }
        }

        private void screenshot(String name) throws IOException {
            File shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(width + "px-" + name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
