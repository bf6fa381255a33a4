package dev.relaygate.gates.relays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

final class RelayHeadersTest {

    private static final Upstreams MOCKS =
            new Upstreams("http://127.0.0.1:1001/v1", "sk-b", "http://127.0.0.1:1002/v1", "sk-g");

    @Test
    void aJsonValueKeepsItsCommasAndTheNextHeaderStartsAfterOne() {
        Map<String, String> headers = RelayHeaders.parse(
                "x-portkey-config:{\"strategy\":{\"mode\":\"loadbalance\"},\"targets\":[{\"weight\":1}]}, X-Team : gates");

        assertThat(headers)
                .containsExactly(
                        Map.entry(
                                "x-portkey-config",
                                "{\"strategy\":{\"mode\":\"loadbalance\"},\"targets\":[{\"weight\":1}]}"),
                        Map.entry("X-Team", "gates"));
    }

    @Test
    void anEntryWithoutAHeaderNameIsRejectedNamingIt() {
        assertThatThrownBy(() -> RelayHeaders.parse("no colon here"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'no colon here'");
    }

    @Test
    void anExternalRelayNamingTheMocksAndWeightsIsSteeredThroughItsHeaders() {
        Map<String, String> template =
                RelayHeaders.parse("x-route:{blue_url}={blue_weight};{green_url}={green_weight}");
        ExternalRelay relay = ExternalRelay.of("http://127.0.0.1:9/v1", "k", template, MOCKS);

        assertThat(relay.headers()).containsEntry("x-route", MOCKS.blueUrl() + "=100;" + MOCKS.greenUrl() + "=0");
        relay.setWeights(90, 10);

        assertThat(relay.headers()).containsEntry("x-route", MOCKS.blueUrl() + "=90;" + MOCKS.greenUrl() + "=10");
        assertThat(relay.baseUrl()).isEqualTo("http://127.0.0.1:9");
        assertThat(ExternalRelay.spec(template).capabilities().weights()).isEqualTo(WeightControl.PER_REQUEST_CONFIG);
        assertThat(ExternalRelay.spec(template).usesHarnessUpstreams()).isTrue();
    }

    @Test
    void anExternalRelayWithPlainHeadersCannotBeSteeredAndCannotRunWhatNeedsIt() {
        Map<String, String> template = RelayHeaders.parse("X-Team:gates");
        ExternalRelay relay = ExternalRelay.of("http://127.0.0.1:9", "k", template, MOCKS);
        RelaySpec spec = ExternalRelay.spec(template);

        assertThatThrownBy(() -> relay.setWeights(90, 10)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Need.unsupportedReason(spec, java.util.Set.of(Need.TRAFFIC_WEIGHTS)))
                .startsWith("not supported by external: needs blue/green weights set by the harness");
        assertThat(Need.unsupportedReason(spec, java.util.Set.of(Need.STREAMING)))
                .isNull();
        assertThat(Need.unsupportedReason(BundledRelaygate.SPEC, java.util.Set.of(Need.values())))
                .isNull();
    }
}
