package dev.relaygate.relay.judge;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Locale;

/**
 * Share of shadow comparisons below {@code min_similarity} against {@code max_dissimilar_share}.
 *
 * @param compared   shadow comparisons in the window
 * @param dissimilar of those, below {@code min_similarity}
 * @param share      dissimilar / compared
 * @param maxShare   {@code max_dissimilar_share}
 * @param pValue     P(at least {@code dissimilar} | true share = maxShare): binomial upper tail
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record QualityResult(
        CheckStatus status, long compared, long dissimilar, double share, double maxShare, double pValue)
        implements CheckResult {

    @Override
    public String name() {
        return QualityCheck.NAME;
    }

    @Override
    public long samples() {
        return compared;
    }

    @Override
    public String numbers() {
        return String.format(
                Locale.ROOT,
                "%d of %d dissimilar = %.3f vs %.3f, p-value %.2e",
                dissimilar,
                compared,
                share,
                maxShare,
                pValue);
    }
}
