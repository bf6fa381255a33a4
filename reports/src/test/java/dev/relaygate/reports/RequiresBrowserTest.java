package dev.relaygate.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.io.TempDir;

/** A machine without a browser: the check is skipped with one sentence, unless the browser profile needs it. */
final class RequiresBrowserTest {

    @TempDir
    Path emptyRoot;

    @Test
    void withoutTheProfileAMissingBrowserSkipsTheCheckSayingCiRunsIt() {
        ConditionEvaluationResult result = RequiresBrowser.Condition.evaluate(nothingInstalled(), false);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).contains("browser check not run: no Chromium found; CI runs it");
    }

    @Test
    void withTheProfileAMissingBrowserFailsNamingWhereItLooked() {
        assertThatThrownBy(() -> RequiresBrowser.Condition.evaluate(nothingInstalled(), true))
                .hasMessageStartingWith("the browser profile (-Pbrowser) needs Chrome or Chromium and chromedriver")
                .hasMessageContaining(emptyRoot.resolve("usr/bin/chromium").toString());
    }

    private BrowserLocator nothingInstalled() {
        return new BrowserLocator(Map.of("PATH", ""), emptyRoot, emptyRoot.resolve("home"), p -> false);
    }
}
