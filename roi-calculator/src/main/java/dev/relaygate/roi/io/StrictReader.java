package dev.relaygate.roi.io;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.relaygate.roi.RoiInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads YAML or JSON into records with every lenient default turned off: unknown fields, duplicate keys,
 * floats for integers and quoted numbers are errors, and each error names the field path and the bad value.
 */
public final class StrictReader {
    private static final Pattern QUOTED = Pattern.compile("\\(\"(.*?)\"\\)");
    private static final Pattern TOKEN = Pattern.compile("from (\\w+) (value|token)");
    private static final ObjectMapper JSON = strict(JsonMapper.builder().build());
    private static final ObjectMapper YAML = strict(new YAMLMapper(new YAMLFactory()));

    private StrictReader() {}

    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // "20" (a quoted string) must not pass for the number 20, nor "" for null
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return mapper;
    }

    /** The shared JSON mapper (strict). */
    public static ObjectMapper json() {
        return JSON;
    }

    /** Reads {@code file} (YAML unless the name ends in .json) into {@code type}; {@code what} names the file kind. */
    public static <T> T read(Path file, Class<T> type, String what) {
        if (!Files.isRegularFile(file)) {
            throw new RoiInputException(what + " must be a readable file, but '" + file + "' does not exist");
        }
        ObjectMapper mapper =
                file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, mapper, type, what + " " + file);
        } catch (NoSuchFileException e) {
            throw new RoiInputException(what + " must be a readable file, but '" + file + "' does not exist", e);
        } catch (IOException e) {
            throw new RoiInputException(what + " " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    /** Reads a stream as YAML into {@code type}; {@code what} prefixes error messages. */
    public static <T> T readYaml(InputStream in, Class<T> type, String what) {
        return read(in, YAML, type, what);
    }

    /** Reads a stream as JSON into {@code type}; {@code what} prefixes error messages. */
    public static <T> T readJson(InputStream in, Class<T> type, String what) {
        return read(in, JSON, type, what);
    }

    private static <T> T read(InputStream in, ObjectMapper mapper, Class<T> type, String what) {
        try {
            T value = mapper.readValue(in, type);
            if (value == null) {
                throw new RoiInputException(what + " must not be empty");
            }
            return value;
        } catch (JsonMappingException e) {
            throw new RoiInputException(what + ": " + describe(e), e);
        } catch (JsonParseException | InputCoercionException e) {
            throw new RoiInputException(
                    what + " is not valid YAML/JSON: " + e.getOriginalMessage() + " at line "
                            + e.getLocation().getLineNr(),
                    e);
        } catch (IOException e) {
            throw new RoiInputException(what + " could not be read: " + e.getMessage(), e);
        }
    }

    /** Turns a Jackson mapping failure into "field.path rule, but was value". */
    static String describe(JsonMappingException e) {
        String path = path(e);
        if (e instanceof UnrecognizedPropertyException u) {
            String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "(top level)";
            String known = u.getKnownPropertyIds() == null
                    ? ""
                    : u.getKnownPropertyIds().stream()
                            .map(Object::toString)
                            .sorted()
                            .collect(Collectors.joining(", ", " (known fields: ", ")"));
            return "unknown field '" + u.getPropertyName() + "' in " + parent + known;
        }
        if (e instanceof InvalidFormatException f) {
            return path + " must be " + expected(f.getTargetType()) + ", but was '" + f.getValue() + "'";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return path + " must be " + expected(m.getTargetType()) + ", but was " + actual(m.getOriginalMessage());
        }
        return path + ": " + e.getOriginalMessage();
    }

    /** The offending value out of Jackson's message: the quoted string, else the kind of token found. */
    private static String actual(String message) {
        Matcher quoted = QUOTED.matcher(message);
        if (quoted.find()) {
            return "'" + quoted.group(1) + "' (a string)";
        }
        Matcher token = TOKEN.matcher(message);
        if (token.find()) {
            return "a" + ("AEIOUaeiou".indexOf(token.group(1).charAt(0)) >= 0 ? "n " : " ")
                    + token.group(1).toLowerCase(Locale.ROOT);
        }
        return message;
    }

    private static String expected(Class<?> type) {
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "a whole number";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == String.class) {
            return "a string";
        }
        return "an object (" + type.getSimpleName() + ")";
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "(top level)" : sb.toString();
    }
}
