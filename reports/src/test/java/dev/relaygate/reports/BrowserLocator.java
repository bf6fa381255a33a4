package dev.relaygate.reports;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds an installed Chrome or Chromium and its chromedriver, in this order: the {@code CHROME_BIN} and
 * {@code CHROMEDRIVER} variables, the PATH, Debian's and snap's places, then the macOS application bundles
 * and Homebrew. The browser test always hands Selenium these explicit paths, so Selenium Manager never
 * downloads a driver (nothing may download at run time).
 */
final class BrowserLocator {

    static final List<String> BROWSER_COMMANDS =
            List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome");
    static final List<String> DRIVER_COMMANDS = List.of("chromedriver", "chromium.chromedriver");

    /** A browser and its driver, both executable. */
    record Browser(Path binary, Path driver) {}

    private final Map<String, String> env;
    private final Path root;
    private final Path home;
    private final Predicate<Path> executable;

    /**
     * @param root the file system root the fixed places are under ("/" on a real machine; a temp folder in
     *             tests)
     */
    BrowserLocator(Map<String, String> env, Path root, Path home, Predicate<Path> executable) {
        this.env = env;
        this.root = root;
        this.home = home;
        this.executable = executable;
    }

    /** The locator of this machine. */
    static BrowserLocator here() {
        return new BrowserLocator(
                System.getenv(),
                Path.of("/"),
                Path.of(System.getProperty("user.home")),
                p -> Files.isRegularFile(p) && Files.isExecutable(p));
    }

    /** The browser found, or empty; {@link #tried()} then says where it looked. */
    Optional<Browser> find() {
        Optional<Path> binary = first(browserCandidates());
        Optional<Path> driver = first(driverCandidates());
        return binary.isPresent() && driver.isPresent()
                ? Optional.of(new Browser(binary.get(), driver.get()))
                : Optional.empty();
    }

    /** Every place looked at, for the message of a build that requires the browser. */
    String tried() {
        return "looked for a browser at CHROME_BIN, then " + String.join(", ", BROWSER_COMMANDS)
                + " on the PATH, then " + join(fixedBrowserPlaces()) + "; for a driver at CHROMEDRIVER, then "
                + String.join(", ", DRIVER_COMMANDS) + " on the PATH, then " + join(fixedDriverPlaces());
    }

    List<Path> browserCandidates() {
        List<Path> candidates = new ArrayList<>();
        fromEnv("CHROME_BIN", candidates);
        onPath(BROWSER_COMMANDS, candidates);
        candidates.addAll(fixedBrowserPlaces());
        return candidates;
    }

    private List<Path> fixedBrowserPlaces() {
        List<Path> candidates = new ArrayList<>();
        for (String fixed : List.of(
                "usr/bin/chromium",
                "usr/lib/chromium/chromium",
                "usr/bin/google-chrome",
                "snap/bin/chromium",
                "Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
                "Applications/Chromium.app/Contents/MacOS/Chromium")) {
            candidates.add(root.resolve(fixed));
        }
        candidates.add(home.resolve("Applications/Google Chrome.app/Contents/MacOS/Google Chrome"));
        candidates.add(home.resolve("Applications/Chromium.app/Contents/MacOS/Chromium"));
        return candidates;
    }

    List<Path> driverCandidates() {
        List<Path> candidates = new ArrayList<>();
        fromEnv("CHROMEDRIVER", candidates);
        onPath(DRIVER_COMMANDS, candidates);
        candidates.addAll(fixedDriverPlaces());
        return candidates;
    }

    private List<Path> fixedDriverPlaces() {
        List<Path> candidates = new ArrayList<>();
        for (String fixed : List.of(
                "usr/bin/chromedriver",
                "usr/lib/chromium/chromedriver",
                "snap/bin/chromium.chromedriver",
                "opt/homebrew/bin/chromedriver",
                "usr/local/bin/chromedriver")) {
            candidates.add(root.resolve(fixed));
        }
        return candidates;
    }

    private void fromEnv(String variable, List<Path> candidates) {
        String value = env.get(variable);
        if (value != null && !value.isBlank()) {
            candidates.add(Path.of(value));
        }
    }

    private void onPath(List<String> commands, List<Path> candidates) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String command : commands) {
                candidates.add(Path.of(dir, command));
            }
        }
    }

    private Optional<Path> first(List<Path> candidates) {
        return candidates.stream().filter(executable).findFirst();
    }

    private static String join(List<Path> paths) {
        return String.join(", ", paths.stream().map(Path::toString).distinct().toList());
    }
}
