package dev.relaygate.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the browser test looks for a browser, on fake installs under a temporary root. */
final class BrowserLocatorTest {

    @TempDir
    Path root;

    @Test
    void theVariablesComeFirst() throws IOException {
        Path chrome = install("opt/custom/chrome");
        Path driver = install("opt/custom/chromedriver");
        install("usr/bin/chromium");
        install("usr/bin/chromedriver");

        Optional<BrowserLocator.Browser> found = locator(
                        Map.of("CHROME_BIN", chrome.toString(), "CHROMEDRIVER", driver.toString()))
                .find();

        assertThat(found).contains(new BrowserLocator.Browser(chrome, driver));
    }

    @Test
    void thePathComesBeforeTheFixedPlaces() throws IOException {
        Path bin = root.resolve("home/me/bin");
        Path chrome = install("home/me/bin/google-chrome");
        Path driver = install("home/me/bin/chromedriver");
        install("usr/bin/chromium");

        Optional<BrowserLocator.Browser> found =
                locator(Map.of("PATH", "/nowhere" + File.pathSeparator + bin)).find();

        assertThat(found).contains(new BrowserLocator.Browser(chrome, driver));
    }

    @Test
    void debiansPackagesAreFound() throws IOException {
        Path chromium = install("usr/bin/chromium");
        Path driver = install("usr/bin/chromedriver");

        assertThat(locator(Map.of()).find()).contains(new BrowserLocator.Browser(chromium, driver));
    }

    @Test
    void aMacOsChromeBundleWithHomebrewsDriverIsFound() throws IOException {
        Path chrome = install("Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
        Path driver = install("opt/homebrew/bin/chromedriver");

        assertThat(locator(Map.of()).find()).contains(new BrowserLocator.Browser(chrome, driver));
    }

    @Test
    void aBrowserWithoutItsDriverIsNotEnoughAndTheMessageSaysWhereItLooked() throws IOException {
        install("usr/bin/chromium");
        BrowserLocator locator = locator(Map.of("CHROMEDRIVER", "/opt/missing/chromedriver"));

        assertThat(locator.find()).isEmpty();
        assertThat(locator.driverCandidates()).startsWith(Path.of("/opt/missing/chromedriver"));
        assertThat(locator.tried())
                .contains("for a driver at CHROMEDRIVER, then chromedriver, chromium.chromedriver on the PATH")
                .contains(root.resolve("usr/bin/chromedriver").toString())
                .contains(root.resolve("opt/homebrew/bin/chromedriver").toString());
    }

    @Test
    void aFileThatIsNotExecutableIsNotABrowser() throws IOException {
        Path chromium = root.resolve("usr/bin/chromium");
        Files.createDirectories(chromium.getParent());
        Files.writeString(chromium, "not a program");
        install("usr/bin/chromedriver");

        assertThat(BrowserLocatorTest.this.locator(Map.of()).find()).isEmpty();
    }

    private BrowserLocator locator(Map<String, String> env) {
        return new BrowserLocator(
                env, root, root.resolve("home/me"), p -> Files.isRegularFile(p) && Files.isExecutable(p));
    }

    private Path install(String relative) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        assertThat(file.toFile().setExecutable(true)).isTrue();
        return file;
    }
}
