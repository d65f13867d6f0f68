package io.sluice.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless chromium through chromium-driver at a given viewport, and checks every page should pass. */
final class UiChromium {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private UiChromium() {}

    /** Fails, saying how to install them, when chromium or its driver is missing. */
    static void requireInstalled() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("the browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "); run bin/services (it installs them with apt-get through bin/browser)");
        }
    }

    /** A browser whose viewport is {@code width} x {@code height} (a phone's is emulated: headless windows are 500 px at least). */
    static WebDriver start(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height);
        if (width < 500) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", width, "height", height, "pixelRatio", 1.0)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Every visible input has exactly one {@code <label for>} naming it. */
    static void assertEveryInputHasALabel(WebDriver driver) {
        for (WebElement input : driver.findElements(By.cssSelector("input:not([type=hidden]), select, textarea"))) {
            String id = input.getAttribute("id");
            assertThat(id).as("an input without an id on " + driver.getCurrentUrl()).isNotBlank();
            assertThat(driver.findElements(By.cssSelector("label[for='" + id + "']"))).as("label of " + id).hasSize(1);
        }
    }

    /** The page does not scroll sideways. */
    static void assertFitsTheWidth(WebDriver driver, int width) {
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).longValue()).as("horizontal overflow at " + width + " px on "
                + driver.getCurrentUrl()).isLessThanOrEqualTo(0);
    }

    /**
     * Saves a screenshot of the whole page (not only the viewport) as {@code target/screenshots/<name>.png}:
     * the viewport is stretched to the page's height for the shot and put back after it.
     */
    static void screenshotWholePage(WebDriver driver, String name, int width, int height) {
        ChromeDriver chrome = (ChromeDriver) driver;
        Number pageHeight = (Number) chrome.executeScript("return document.documentElement.scrollHeight");
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", Math.max(height, pageHeight.intValue()), "deviceScaleFactor", 1, "mobile", width < 500));
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(chrome.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                    "height", height, "deviceScaleFactor", 1, "mobile", width < 500));
        }
    }
}
