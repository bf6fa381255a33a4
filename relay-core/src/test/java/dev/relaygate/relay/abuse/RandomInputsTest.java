package dev.relaygate.relay.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaygate.relay.RelayServer;
import dev.relaygate.relay.support.RawHttp;
import dev.relaygate.relay.support.RelayFixture;
import dev.relaygate.relay.support.ScriptedUpstream;
import dev.relaygate.relay.time.Clock;
import dev.relaygate.relay.time.RandomSource;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random request bodies, header sets and paths against one real relay whose upstream answers everything 200 and
 * records each target it receives. Whatever a client sends, the relay answers 2xx, or 4xx in the OpenAI error
 * shape, never a 5xx of its own making and never a hang (every read gives up after 10 s), and no target with a dot
 * segment ever reaches the upstream.
 *
 * <p>The inputs come from a seeded generator: each run draws a new seed unless {@code -Drelaygate.inputs.seed=N}
 * repeats one; the value is in every test's name. Outcome counts per kind of input are printed at the end.
 */
@Tag("abuse")
final class RandomInputsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int INPUTS = 400;
    private static final long SEED = Long.getLong("relaygate.inputs.seed", System.nanoTime());
    private static final String ANSWER =
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[],\"usage\":{\"total_tokens\":1}}";
    /** Framing and connection headers: random values there test the HTTP parser, which has tests of its own. */
    private static final Set<String> FRAMING =
            Set.of("content-length", "transfer-encoding", "host", "connection", "expect", "upgrade", "te", "trailer");

    private static final String[] PATH_SEGMENTS = {
        ".",
        "..",
        "%2e",
        "%2E%2e",
        ".%2e",
        "..;",
        "..;x=1",
        "%2f",
        "%2F..",
        "%5c",
        "\\",
        "..\\",
        "models",
        "chat",
        "completions",
        "files",
        "%41",
        "%",
        "%g1",
        "a;b",
        "...",
        "",
        "~",
        "%00",
        "%7f",
        "%c3%a9",
        ".well-known"
    };
    private static final String[] QUERIES = {"", "?a=1", "?next=/../..", "?x=%2e%2e", "#frag"};
    private static final String[] HEADER_NAMES = {
        "X-Route-Policy",
        "Authorization",
        "X-Request-ID",
        "Cookie",
        "X-Forwarded-For",
        "X-Relay-Environment",
        "traceparent",
        "Content-Type",
        "Accept-Encoding",
        "api-key"
    };
    private static final String TOKEN_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~";

    private static final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private static final Queue<String> forwarded = new ConcurrentLinkedQueue<>();
    private static ScriptedUpstream upstream;
    private static RelayServer relay;

    @BeforeAll
    static void start() {
        upstream = ScriptedUpstream.start(request -> {
            forwarded.add(request.uri());
            request.response().putHeader("Content-Type", "application/json").end(ANSWER);
        });
        relay = RelayServer.start(
                RelayFixture.baseConfig(upstream.baseUrl(), upstream.baseUrl()),
                Clock.system(),
                RandomSource.seeded(1));
    }

    @AfterAll
    static void stop() {
        relay.close();
        upstream.close();
        System.out.println("random inputs (seed " + SEED + "): " + new TreeMap<>(outcomes));
    }

    @ParameterizedTest(name = "seed " + "{0} body #{1}")
    @MethodSource("bodies")
    void anyBodyIsAnsweredWithoutAFaultOfTheRelays(long seed, int index, String body) throws IOException {
        RawHttp.Response r = exchange("POST /v1/chat/completions", Map.of("Content-Type", "application/json"), body);
        count("body " + statusClass(r));
        assertAnsweredCleanly(r, body);
    }

    @ParameterizedTest(name = "seed {0} headers #{1}")
    @MethodSource("headerSets")
    void anyHeaderSetIsAnsweredWithoutAFaultOfTheRelays(long seed, int index, Map<String, String> headers)
            throws IOException {
        RawHttp.Response r = exchange("POST /v1/chat/completions", headers, "{\"model\":\"m\",\"messages\":[]}");
        count("headers " + statusClass(r));
        assertAnsweredCleanly(r, headers.toString());
    }

    @ParameterizedTest(name = "seed {0} path #{1}: {2}")
    @MethodSource("paths")
    void anyPathIsAnsweredWithoutAFaultAndNoDotSegmentIsForwarded(long seed, int index, String path)
            throws IOException {
        forwarded.clear();
        RawHttp.Response r = exchange("GET " + path, Map.of(), "");
        count("path " + statusClass(r) + (forwarded.isEmpty() ? " not forwarded" : " forwarded"));
        assertAnsweredCleanly(r, path);
        for (String target : forwarded) {
            assertThat(hasDotSegment(target))
                    .as("forwarded %s for %s", target, path)
                    .isFalse();
        }
    }

    static Stream<Arguments> bodies() {
        SplittableRandom random = new SplittableRandom(SEED);
        return IntStream.range(0, INPUTS).mapToObj(i -> Arguments.of(SEED, i, body(random)));
    }

    static Stream<Arguments> headerSets() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        return IntStream.range(0, INPUTS).mapToObj(i -> Arguments.of(SEED, i, headers(random)));
    }

    static Stream<Arguments> paths() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        return IntStream.range(0, INPUTS).mapToObj(i -> Arguments.of(SEED, i, path(random)));
    }

    private static RawHttp.Response exchange(String requestLine, Map<String, String> headers, String body)
            throws IOException {
        StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        headers.forEach(
                (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        request.append("Content-Length: ").append(bytes.length).append("\r\nConnection: close\r\n\r\n");
        try (RawHttp connection = RawHttp.connect(relay.port())) {
            connection.send(request + new String(bytes, StandardCharsets.ISO_8859_1));
            return connection.readResponse();
        }
    }

    /** 2xx, or 4xx; a 4xx the relay answered itself (no environment named) is in the OpenAI error shape. */
    private static void assertAnsweredCleanly(RawHttp.Response r, String input) throws IOException {
        assertThat(r.status() / 100).as("%s for %s", r.body(), input).isIn(2, 4);
        if (r.status() >= 400 && r.header("x-relay-environment") == null) {
            JsonNode error = JSON.readTree(r.body()).path("error");
            assertThat(error.path("message").isTextual()).as(r.body()).isTrue();
            assertThat(error.path("type").isTextual()).as(r.body()).isTrue();
        }
    }

    private static String statusClass(RawHttp.Response r) {
        return r.status() / 100 + "xx";
    }

    private static void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    /**
     * Whether an upstream could read a dot segment in {@code target}: percent-decoded once, backslashes as
     * slashes, {@code ;params} cut from each segment. Independent of the relay's own check, on purpose.
     */
    static boolean hasDotSegment(String target) {
        String path = target.split("[?#]", 2)[0];
        String decoded;
        try {
            decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            decoded = path;
        }
        for (String segment : decoded.replace('\\', '/').split("/", -1)) {
            String name = segment.split(";", 2)[0];
            if (name.equals(".") || name.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static String body(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> chat(random);
            case 1 -> {
                int depth = 1 + random.nextInt(20_000);
                yield "{\"model\":\"m\",\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
            }
            case 2 -> "[{\"a\":".repeat(1 + random.nextInt(20_000));
            case 3 -> text(random, 0, 0xffff, random.nextInt(300));
            case 4 -> {
                String chat = chat(random);
                yield chat.substring(0, random.nextInt(chat.length() + 1));
            }
            default -> pick(random, "", "{", "}", "\"", "null", "[]", "{\"model\":\"m\"}", "{\"stream\":true}");
        };
    }

    private static String chat(SplittableRandom random) {
        String model = switch (random.nextInt(3)) {
            case 0 -> jsonString(text(random, 0x20, 0x7e, random.nextInt(40)));
            case 1 -> String.valueOf(random.nextInt());
            default -> pick(random, "null", "true", "[]", "{}");
        };
        String stream = pick(random, "true", "false", "\"yes\"", "1", "null", "{}");
        String messages = pick(
                random, "[]", "[{\"role\":\"user\",\"content\":\"hi\"}]", "\"hi\"", "null", "[{\"content\":[1,2,{}]}]");
        return "{\"model\":" + model + ",\"stream\":" + stream + ",\"messages\":" + messages + "}";
    }

    private static Map<String, String> headers(SplittableRandom random) {
        Map<String, String> headers = new LinkedHashMap<>();
        int count = random.nextInt(31);
        for (int i = 0; i < count; i++) {
            String name = random.nextBoolean()
                    ? pick(random, HEADER_NAMES)
                    : text(random, TOKEN_CHARS, 1 + random.nextInt(30));
            if (!FRAMING.contains(name.toLowerCase(Locale.ROOT))) {
                headers.putIfAbsent(
                        name, text(random, 0x20, 0x7e, random.nextInt(200)).strip());
            }
        }
        return headers;
    }

    private static String path(SplittableRandom random) {
        StringBuilder path = new StringBuilder("/v1/");
        int segments = random.nextInt(7);
        for (int i = 0; i < segments; i++) {
            if (i > 0) {
                path.append('/');
            }
            path.append(
                    random.nextInt(4) == 0 ? text(random, '!', '~', random.nextInt(12)) : pick(random, PATH_SEGMENTS));
        }
        return path.append(pick(random, QUERIES)).toString();
    }

    private static String text(SplittableRandom random, int from, int to, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) (from + random.nextInt(to - from + 1)));
        }
        return out.toString();
    }

    private static String text(SplittableRandom random, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String jsonString(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
