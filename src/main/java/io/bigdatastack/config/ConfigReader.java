package io.bigdatastack.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads typed values from a {@link ConfigSource}, falling back to each key's default and collecting every problem
 * instead of stopping at the first one.
 */
final class ConfigReader {

    private final ConfigSource source;
    private final List<String> problems = new ArrayList<>();

    ConfigReader(ConfigSource source) {
        this.source = source;
    }

    List<String> problems() {
        return problems;
    }

    String qualified(ConfigKey key) {
        return source.project() + ":" + key.name();
    }

    Optional<String> raw(ConfigKey key) {
        return source.get(qualified(key));
    }

    String string(ConfigKey key) {
        return raw(key).orElse((String) key.defaultValue()).trim();
    }

    int integer(ConfigKey key) {
        var raw = raw(key);
        if (raw.isEmpty()) {
            return (Integer) key.defaultValue();
        }
        try {
            return Integer.parseInt(raw.get().trim());
        } catch (NumberFormatException e) {
            reject(key, raw.get(), "a whole number");
            return (Integer) key.defaultValue();
        }
    }

    boolean bool(ConfigKey key) {
        var raw = raw(key);
        if (raw.isEmpty()) {
            return (Boolean) key.defaultValue();
        }
        return switch (raw.get().trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                reject(key, raw.get(), "true or false");
                yield (Boolean) key.defaultValue();
            }
        };
    }

    /** Arrays arrive as JSON text (the Pulumi CLI serializes structured stack values that way). */
    @SuppressWarnings("unchecked")
    List<String> list(ConfigKey key) {
        var raw = raw(key);
        if (raw.isEmpty()) {
            return (List<String>) key.defaultValue();
        }
        try {
            JsonArray array = JsonParser.parseString(raw.get()).getAsJsonArray();
            var values = new ArrayList<String>();
            for (var element : array) {
                if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
                    throw new IllegalStateException("not a string: " + element);
                }
                values.add(element.getAsString().trim());
            }
            return List.copyOf(values);
        } catch (JsonParseException | IllegalStateException e) {
            reject(key, raw.get(), "a list of strings, e.g. [\"a\", \"b\"]");
            return (List<String>) key.defaultValue();
        }
    }

    /** Applies a {@link Validators} check; records a problem when it fails. Returns whether the value is valid. */
    boolean check(ConfigKey key, String value, Function<String, Optional<String>> validator) {
        var expected = validator.apply(value);
        expected.ifPresent(e -> reject(key, value, e));
        return expected.isEmpty();
    }

    /** Applies the key's own single-value check ({@link ConfigKey#check}); records a problem when it fails. */
    boolean check(ConfigKey key, String value) {
        return check(key, value, key::check);
    }

    /** Applies the key's own single-value check to every element of a list value. */
    boolean checkEach(ConfigKey key, List<String> values) {
        return checkEach(key, values, key::check);
    }

    /** Applies a check to every element of a list value. */
    boolean checkEach(ConfigKey key, List<String> values, Function<String, Optional<String>> validator) {
        boolean allValid = true;
        for (var value : values) {
            allValid &= check(key, value, validator);
        }
        return allValid;
    }

    void reject(ConfigKey key, Object value, String expected) {
        // A secret's value never reaches a message (messages end up in CI logs and the update's diagnostics).
        if (source.isSecret(qualified(key))) {
            var text = String.valueOf(value);
            problem(qualified(key) + ": got '[secret]', expected " + (text.isEmpty() ? expected : expected.replace(text, "[secret]")));
            return;
        }
        problem(qualified(key) + ": got '" + value + "', expected " + expected);
    }

    boolean isSecret(ConfigKey key) {
        return source.isSecret(qualified(key));
    }

    /**
     * Records a problem. Config values reach messages verbatim, so control characters are escaped: a newline or an
     * ANSI escape sequence in a value must not forge extra lines or recolour the terminal.
     */
    void problem(String message) {
        problems.add(escapeControlCharacters(located(message)));
    }

    /**
     * {@code file:line: } before a message about a key the stack file set (the longest key the message starts with,
     * e.g. {@code big-data-stack:teams} for {@code big-data-stack:teams[1].name: ...}), as the CLI's own errors do.
     */
    private String located(String message) {
        return source.qualifiedKeys().stream()
                .filter(key -> message.startsWith(key) && message.length() > key.length() && ":[.".indexOf(message.charAt(key.length())) >= 0)
                .max(java.util.Comparator.comparingInt(String::length))
                .flatMap(source::location)
                .map(where -> where + ": " + message)
                .orElse(message);
    }

    /** {@code \n}, {@code \t}, {@code \r} by name; every other control character as {@code \}{@code uXXXX}. */
    static String escapeControlCharacters(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
