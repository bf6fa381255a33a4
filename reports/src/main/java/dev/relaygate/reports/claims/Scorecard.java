package dev.relaygate.reports.claims;

import dev.relaygate.reports.input.RoiResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The claims part of a report: no claims file, a file that cannot be judged (with its errors), or every claim
 * judged with the scenario results behind them.
 */
public sealed interface Scorecard permits Scorecard.NoFile, Scorecard.Invalid, Scorecard.Judged {

    Path file();

    /** One line for the banner and the console; null when there is no claims file. */
    String tally();

    record NoFile(Path file) implements Scorecard {
        @Override
        public String tally() {
            return null;
        }
    }

    record Invalid(Path file, List<String> errors) implements Scorecard {
        public Invalid {
            errors = List.copyOf(errors);
        }

        @Override
        public String tally() {
            return "Claims: not judged, the claims file is invalid (" + errors.size()
                    + (errors.size() == 1 ? " error)" : " errors)");
        }
    }

    record Judged(Path file, List<ClaimOutcome> outcomes, Map<Path, RoiResult> scenarios) implements Scorecard {
        public Judged {
            outcomes = List.copyOf(outcomes);
            scenarios = Map.copyOf(scenarios);
        }

        @Override
        public String tally() {
            return ClaimJudge.tally(outcomes);
        }
    }
}
