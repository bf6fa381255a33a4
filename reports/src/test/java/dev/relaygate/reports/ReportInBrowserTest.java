package dev.relaygate.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Opens the rendered fixture report, with a claims scorecard, in headless Chrome or Chromium from disk, as
 * a reader would. The browser is found where it is installed ({@link BrowserLocator}); without one the class
 * is skipped unless the {@code browser} profile requires it (.ci/run does).
 */
@RequiresBrowser
final class ReportInBrowserTest {

    static final Path TARGET = Path.of("target").toAbsolutePath();
    static final Path SCREENSHOT = TARGET.resolve("report-screenshot.png");
    static final Path COMPARISON_SCREENSHOT = TARGET.resolve("report-comparison-screenshot.png");

    static ChromeDriver driver;
    static ChromeDriverService service;
    static Path profile;
    static List<LogEntry> consoleAfterLoad;
    static Path page;

    @BeforeAll
    static void openTheReport() throws IOException {
        BrowserLocator.Browser browser = BrowserLocator.here()
                .find()
                .orElseThrow(() -> new IllegalStateException("no browser, though the condition found one"));
        // kept under target/ so the page behind the screenshot can be opened by hand
        Path root = TARGET.resolve("browser-test");
        Fixtures.copyFull(root);
        page = Fixtures.render(Fixtures.inputs(root).withClaims(Fixtures.resource("claims/claims.yaml"), ""))
                .indexHtml();

        profile = Files.createTempDirectory("relaygate-chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.binary().toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, Level.ALL.getName()));
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(browser.driver().toString()))
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.get(page.toUri().toString());
        consoleAfterLoad = driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    @AfterAll
    static void closeTheBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            try (var paths = Files.walk(profile)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void pageLoadsWithoutConsoleErrors() {
        assertThat(driver.getTitle()).isEqualTo("relaygate report: FAILED");
        assertThat(consoleAfterLoad)
                .filteredOn(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .isEmpty();
    }

    @Test
    void everyChartHasRenderedMarks() {
        List<WebElement> charts = driver.findElements(By.cssSelector("svg.chart-svg"));
        assertThat(charts).hasSize(11);
        for (WebElement chart : charts) {
            List<WebElement> marks = chart.findElements(By.cssSelector("rect.mark, circle.mark"));
            assertThat(marks).as("marks of %s", chart.getAttribute("id")).isNotEmpty();
            for (WebElement mark : marks) {
                Map<?, ?> box = (Map<?, ?>) js(
                        "const r = arguments[0].getBoundingClientRect();" + " return {w: r.width, h: r.height};", mark);
                assertThat(((Number) box.get("w")).doubleValue() * ((Number) box.get("h")).doubleValue())
                        .as("rendered area of %s in %s", mark.getAttribute("data-key"), chart.getAttribute("id"))
                        .isPositive();
            }
        }
    }

    @Test
    void stylesheetColoursTheMarks() {
        WebElement p99 = driver.findElement(By.cssSelector("svg#chart-latency rect.mark.q2"));
        assertThat(js("return getComputedStyle(arguments[0]).fill;", p99)).isEqualTo("rgb(8, 81, 156)");
        WebElement failBanner = driver.findElement(By.cssSelector("section#verdict"));
        assertThat(js("return getComputedStyle(arguments[0]).backgroundColor;", failBanner))
                .isEqualTo("rgb(252, 232, 230)");
    }

    @Test
    void pageAndEverySectionFitTheirWidth() {
        Number scrollWidth = (Number) js("return document.documentElement.scrollWidth;");
        Number innerWidth = (Number) js("return window.innerWidth;");
        assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(innerWidth.intValue());
        for (WebElement section : driver.findElements(By.cssSelector("section, footer"))) {
            Number overflow = (Number) js("return arguments[0].scrollWidth - arguments[0].clientWidth;", section);
            assertThat(overflow.intValue())
                    .as("horizontal overflow of #%s", section.getAttribute("id"))
                    .isLessThanOrEqualTo(0);
        }
    }

    @Test
    void aComparisonBuildsRelaysSectionRendersAndEachOfItsLinksFindsItsSection() throws IOException {
        Path root = TARGET.resolve("browser-test-comparison");
        Fixtures.copyComparison(root);
        try {
            driver.get(
                    Fixtures.render(Fixtures.inputs(root)).indexHtml().toUri().toString());
            WebElement section = driver.findElement(By.cssSelector("section#relays"));
            assertThat(section.isDisplayed()).isTrue();
            List<WebElement> links = section.findElements(By.cssSelector("a[href^='#']"));
            assertThat(links).hasSizeGreaterThan(20);
            for (WebElement link : links) {
                String id = link.getDomAttribute("href").substring(1);
                assertThat(js("return document.getElementById(arguments[0]) !== null;", id))
                        .as(id)
                        .isEqualTo(true);
            }
            assertThat(((Number) js("return arguments[0].scrollWidth - arguments[0].clientWidth;", section)).intValue())
                    .isLessThanOrEqualTo(0);
            assertThat(screenshot(COMPARISON_SCREENSHOT)).isGreaterThan(1000);
        } finally {
            driver.get(page.toUri().toString());
        }
    }

    @Test
    void theClaimsScorecardIsTheFirstSectionAfterTheVerdictAndEachOfItsLinksFindsItsEvidence() {
        List<String> sections = driver.findElements(By.cssSelector("main > section")).stream()
                .map(s -> s.getAttribute("id"))
                .toList();
        assertThat(sections.subList(0, 2)).containsExactly("verdict", "claims");
        WebElement claims = driver.findElement(By.cssSelector("section#claims"));
        assertThat(claims.isDisplayed()).isTrue();
        assertThat(claims.findElements(By.cssSelector("tr.claim-row"))).hasSize(11);
        assertThat(driver.findElement(By.cssSelector("section#verdict .verdict-claims"))
                        .getText())
                .startsWith("Claims: 3 hold, 4 refuted, 3 not tested, 1 untestable on loopback");
        List<WebElement> links =
                driver.findElements(By.cssSelector("section#verdict a[href^='#'], section#claims a[href^='#']"));
        assertThat(links).hasSizeGreaterThan(10);
        for (WebElement link : links) {
            String id = link.getDomAttribute("href").substring(1);
            assertThat(js("return document.getElementById(arguments[0]) !== null;", id))
                    .as(id)
                    .isEqualTo(true);
        }
        // a refuted claim's row is marked as such, in colour
        WebElement refuted = driver.findElement(By.cssSelector("tr#claim-refuted-p99 .badge.refuted"));
        assertThat(refuted.getText()).isEqualTo("refuted");
        assertThat(js("return getComputedStyle(arguments[0]).color;", refuted)).isEqualTo("rgb(179, 38, 30)");
    }

    @Test
    void savesAFullPageScreenshot() throws IOException {
        assertThat(screenshot(SCREENSHOT)).isGreaterThan(3000);
    }

    /** Saves the whole page as a PNG; returns its height in CSS pixels. */
    private static double screenshot(Path file) throws IOException {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<?, ?> size = (Map<?, ?>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = ((Number) size.get("height")).doubleValue();
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
        Files.createDirectories(file.getParent());
        Files.write(file, png);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        return height;
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
