package dev.relaygate.gates.relays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

final class PortkeyConfigTest {

    private static final Upstreams UPSTREAMS =
            new Upstreams("http://127.0.0.1:41001/v1", "sk-blue", "http://127.0.0.1:41002/v1", "sk-green");

    private final PortkeyConfig config = new PortkeyConfig(UPSTREAMS);

    @Test
    void ninetyTenIsALoadbalanceOverTwoOpenAiTargetsWeightedByTheirPercentages() {
        assertThat(config.header(90, 10))
                .isEqualTo("{\"strategy\":{\"mode\":\"loadbalance\"},\"targets\":["
                        + "{\"provider\":\"openai\",\"custom_host\":\"http://127.0.0.1:41001/v1\","
                        + "\"api_key\":\"sk-blue\",\"weight\":90},"
                        + "{\"provider\":\"openai\",\"custom_host\":\"http://127.0.0.1:41002/v1\","
                        + "\"api_key\":\"sk-green\",\"weight\":10}]}");
    }

    @Test
    void hundredZeroKeepsBothTargetsAndGivesGreenWeightZeroWhichPortkeyHonours() throws Exception {
        JsonNode header = new ObjectMapper().readTree(config.header(100, 0));

        assertThat(header.path("strategy").path("mode").asText()).isEqualTo("loadbalance");
        assertThat(header.path("targets")).hasSize(2);
        JsonNode blue = header.path("targets").get(0);
        JsonNode green = header.path("targets").get(1);
        assertThat(blue.path("custom_host").asText()).isEqualTo("http://127.0.0.1:41001/v1");
        assertThat(blue.path("weight").isInt()).isTrue();
        assertThat(blue.path("weight").asInt()).isEqualTo(100);
        assertThat(green.path("custom_host").asText()).isEqualTo("http://127.0.0.1:41002/v1");
        assertThat(green.path("api_key").asText()).isEqualTo("sk-green");
        // present and 0, not left out: a missing weight would count as 1
        assertThat(green.has("weight")).isTrue();
        assertThat(green.path("weight").asInt()).isZero();
    }

    @Test
    void zeroHundredSendsEverythingToGreen() throws Exception {
        JsonNode targets = new ObjectMapper().readTree(config.header(0, 100)).path("targets");

        assertThat(targets.get(0).path("weight").asInt()).isZero();
        assertThat(targets.get(1).path("weight").asInt()).isEqualTo(100);
    }

    @Test
    void weightsThatDoNotSumToAHundredOrAreNegativeAreRejected() {
        assertThatThrownBy(() -> config.header(90, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sum to 100")
                .hasMessageContaining("blue 90 and green 20");
        assertThatThrownBy(() -> config.header(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.header(110, -10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.header(-10, 110)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyOrUrlWithQuotesIsEscapedNotSpliced() throws Exception {
        PortkeyConfig odd = new PortkeyConfig(
                new Upstreams("http://127.0.0.1:1/v1", "k\"ey\\", "http://127.0.0.1:2/v1", "sk-green"));

        JsonNode header = new ObjectMapper().readTree(odd.header(50, 50));

        assertThat(header.path("targets").get(0).path("api_key").asText()).isEqualTo("k\"ey\\");
    }
}
