package dev.relaygate.relay.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads {@link RelayConfig} from YAML: parse to a tree, substitute {@code ${ENV}} references,
 * bind to the records (snake_case names, unknown fields rejected), then validate. Every problem
 * is reported with the field's full path, the rule and the bad value.
 */
public final class ConfigLoader {

    private static final ObjectMapper YAML =
            configure(YAMLMapper.builder(new YAMLFactory()).build());
    private static final ObjectMapper JSON = configure(JsonMapper.builder().build());

    private ConfigLoader() {}

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /** The snake_case JSON mapper the admin API binds request bodies with (same records as the YAML). */
    public static ObjectMapper jsonMapper() {
        return JSON;
    }

    public static RelayConfig load(Path file) {
        return load(file, System::getenv);
    }

    public static RelayConfig load(Path file, Function<String, String> env) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("config file " + file + " must be readable, but was not: " + e.getMessage());
        }
        return parse(text, env);
    }

    public static RelayConfig parse(String yaml) {
        return parse(yaml, System::getenv);
    }

    public static RelayConfig parse(String yaml, Function<String, String> env) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ConfigException("config must be valid YAML, but was not: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ConfigException("config must not be empty, but was");
        }
        if (!root.isObject()) {
            throw new ConfigException("config must be a mapping of sections, but was " + root.getNodeType());
        }
        List<ConfigProblem> envProblems = new EnvSubstitution(env).apply(root);
        if (!envProblems.isEmpty()) {
            throw ConfigException.of(envProblems);
        }
        RelayConfig config = bind(YAML, root, RelayConfig.class, "");
        List<ConfigProblem> problems = ConfigValidator.validate(config);
        if (!problems.isEmpty()) {
            throw ConfigException.of(problems);
        }
        return config;
    }

    /**
     * Binds a tree to a config record, turning Jackson's errors into messages that name the field
     * (prefixed by {@code pathPrefix}), the rule and the bad value. The {@link ConfigException} carries
     * that same field path as {@link ConfigException#field()}.
     */
    public static <T> T bind(ObjectMapper mapper, JsonNode node, Class<T> type, String pathPrefix) {
        try {
            return mapper.treeToValue(node, type);
        } catch (ValueInstantiationException e) {
            // The records validate in their constructors with messages that already name the full field
            // (e.g. "traffic_shift.increment must be in [1,100], but was 140"): pass those through.
            Throwable cause = e.getCause();
            if (cause instanceof InvalidValueException invalid) {
                throw new ConfigException(invalid.field(), invalid.getMessage());
            }
            if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
                throw new ConfigException(cause.getMessage());
            }
            String path = path(pathPrefix, e);
            throw new ConfigException(path, path + " is invalid: " + e.getOriginalMessage());
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null
                    ? ""
                    : e.getKnownPropertyIds().stream()
                            .map(String::valueOf)
                            .sorted()
                            .collect(Collectors.joining(", ", " (known: ", ")"));
            String path = path(pathPrefix, e);
            throw new ConfigException(path, path + " must be a known field" + known + ", but was unknown");
        } catch (InvalidFormatException e) {
            String path = path(pathPrefix, e);
            throw new ConfigException(
                    path, path + " must be " + describe(e.getTargetType()) + ", but was " + quote(e.getValue()));
        } catch (MismatchedInputException e) {
            String path = path(pathPrefix, e);
            throw new ConfigException(
                    path,
                    path + " must be " + describe(e.getTargetType()) + ", but was "
                            + e.getOriginalMessage().replaceAll("\\s+", " "));
        } catch (JsonMappingException e) {
            String path = path(pathPrefix, e);
            throw new ConfigException(path, path + " is invalid: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ConfigException(
                    pathPrefix.isEmpty() ? null : pathPrefix, pathPrefix + " is invalid: " + e.getOriginalMessage());
        }
    }

    private static String path(String prefix, JsonMappingException e) {
        StringBuilder out = new StringBuilder(prefix);
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "config" : out.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == Secret.class) {
            return "a string";
        }
        if (java.util.List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "a mapping";
        }
        return "a mapping of " + type.getSimpleName().replace("Config", "").toLowerCase() + " fields";
    }

    private static String quote(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
