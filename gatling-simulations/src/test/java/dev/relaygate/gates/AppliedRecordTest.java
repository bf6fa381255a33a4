package dev.relaygate.gates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

final class AppliedRecordTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theAppliedListIsReadInTheOrderTheMemberAppliedItEvenWhenAVersionCameBack() throws Exception {
        var body = JSON.readTree("{\"applied\":["
                + "{\"version\":52,\"applied_at_ms\":1000,\"green_weight\":10,\"phase\":\"CANARY\"},"
                + "{\"version\":52,\"applied_at_ms\":3000,\"green_weight\":10,\"phase\":\"CANARY\"},"
                + "{\"version\":53,\"applied_at_ms\":2000,\"green_weight\":0,\"phase\":\"ROLLED_BACK\"}]}");

        assertThat(AppliedRecord.parse(body))
                .extracting(AppliedRecord::appliedAtMs)
                .containsExactly(1000L, 2000L, 3000L);
    }

    @Test
    void theAppliedListIsReadWithItsRollbackRecordsRecognised() throws Exception {
        var body = JSON.readTree("{\"member_id\":\"127.0.0.1:5801\",\"applied\":["
                + "{\"version\":13,\"applied_at_ms\":1796380000300,\"green_weight\":0,\"phase\":\"ROLLED_BACK\"},"
                + "{\"version\":12,\"applied_at_ms\":1796380000123,\"green_weight\":10,\"phase\":\"CANARY\"}]}");

        var records = AppliedRecord.parse(body);

        assertThat(records)
                .containsExactly(
                        new AppliedRecord(12, 1796380000123L, 10, "CANARY"),
                        new AppliedRecord(13, 1796380000300L, 0, "ROLLED_BACK"));
        assertThat(records.get(1).rolledBack()).isTrue();
        assertThat(records.get(0).rolledBack()).isFalse();
    }

    @Test
    void anAnswerWithoutTheAppliedArrayIsAnErrorNotAnEmptyList() throws Exception {
        assertThatThrownBy(() -> AppliedRecord.parse(JSON.readTree("{\"error\":\"not clustered\"}")))
                .hasMessageContaining("without an 'applied' array");
    }
}
