package io.sluice.platform.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless chromium through chromium-driver, for the browser ITs of the web UI. */
final class Chromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {}

    /** A browser whose viewport is {@code width} x {@code height}; below 500 px a phone is emulated. */
    static WebDriver start(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height);
        if (width < 500) {
            // headless chromium keeps windows at least 500 px wide: a phone's viewport needs emulation
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", width, "height", height, "pixelRatio", 1.0)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
