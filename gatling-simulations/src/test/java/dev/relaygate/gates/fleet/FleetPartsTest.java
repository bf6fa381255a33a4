package dev.relaygate.gates.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class FleetPartsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theRollbackIsReadFromTheStatusRolloutSection() throws Exception {
        var status = JSON.readTree(
                "{\"rollout\":{\"phase\":\"ROLLED_BACK\",\"rollback\":{\"at_millis\":1796380000123,"
                        + "\"automatic\":true,\"reason\":\"error_rate breached\",\"verdict\":{\"breached_check\":\"error_rate\"}}}}");

        assertThat(RollbackView.of(status))
                .isEqualTo(new RollbackView(1796380000123L, true, "error_rate", "error_rate breached"));
    }

    @Test
    void aStatusWithoutRollbackOrWithANullOneHasNone() throws Exception {
        assertThat(RollbackView.of(JSON.readTree("{\"rollout\":{\"phase\":\"CANARY\",\"rollback\":null}}")))
                .isNull();
        assertThat(RollbackView.of(JSON.readTree("{}"))).isNull();
    }

    @Test
    void aShareOfOneInFourLetsEveryFourthUserSend() {
        LoadShare share = new LoadShare();
        share.oneIn(4);

        long sent = IntStream.range(0, 400).filter(i -> share.next()).count();
        share.oneIn(1);

        assertThat(sent).isEqualTo(100);
        assertThat(IntStream.range(0, 10).filter(i -> share.next()).count()).isEqualTo(10);
    }
}
