package dev.relaygate.reports;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class that needs a real browser ({@link BrowserLocator}). Without one it is skipped, said once
 * per build: "browser check not run: no Chromium found; CI runs it". With {@code -Pbrowser} (system property
 * {@value Condition#REQUIRED}, which .ci/run sets) a missing browser fails the build instead, naming every
 * place looked at, so CI can never pass a page no browser checked.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresBrowser.Condition.class)
@interface RequiresBrowser {

    final class Condition implements ExecutionCondition {

        static final String REQUIRED = "relaygate.browser.required";
        static final String NOT_RUN = "browser check not run: no Chromium found; CI runs it";
        private static final AtomicBoolean SAID = new AtomicBoolean();

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            ConditionEvaluationResult result = evaluate(BrowserLocator.here(), Boolean.getBoolean(REQUIRED));
            if (result.isDisabled() && SAID.compareAndSet(false, true)) {
                System.out.println("relaygate reports: " + NOT_RUN);
            }
            return result;
        }

        static ConditionEvaluationResult evaluate(BrowserLocator locator, boolean required) {
            if (locator.find().isPresent()) {
                return ConditionEvaluationResult.enabled("browser found");
            }
            if (required) {
                throw new IllegalStateException("the browser profile (-Pbrowser) needs Chrome or Chromium and"
                        + " chromedriver; set CHROME_BIN and CHROMEDRIVER, or install them (Debian: apt-get install"
                        + " chromium chromium-driver). " + locator.tried());
            }
            return ConditionEvaluationResult.disabled(NOT_RUN);
        }
    }
}
