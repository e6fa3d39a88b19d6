package io.bigdatastack.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration reference of docs/configuration.md, generated from the key declarations ({@link ConfigKeys#ALL}):
 * one table row per key with its type, default and description, in declaration order. The {@code readme} command
 * writes it between the page's {@code config:keys} markers and {@code ReadmeTest} fails when the page differs, so
 * the reference cannot drift from what {@link StackConfig} reads.
 */
public final class ConfigReference {

    /** The name of the generated block in docs/configuration.md. */
    public static final String BLOCK = "config:keys";

    private ConfigReference() {
    }

    /** The markdown table of every key of {@code keys}. */
    public static String table(List<ConfigKey> keys) {
        var sb = new StringBuilder("| Key | Type | Default | Description |\n|---|---|---|---|\n");
        for (var key : keys) {
            sb.append("| `").append(key.name()).append("` | ").append(typeName(key.type())).append(" | ")
                    .append(defaultText(key)).append(" | ").append(cell(key.description())).append(" |\n");
        }
        return sb.toString();
    }

    /** The table of every project key. */
    public static String table() {
        return table(ConfigKeys.ALL);
    }

    private static String typeName(ConfigKey.Type type) {
        return type.yamlName == null ? "list of maps" : type.yamlName;
    }

    private static String defaultText(ConfigKey key) {
        var value = key.defaultValue();
        if (value == null) {
            return "(unset)";
        }
        if (value instanceof List<?> list) {
            return "`[" + list.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ")) + "]`";
        }
        if (value instanceof String s && s.isEmpty()) {
            return "`\"\"`";
        }
        return "`" + value + "`";
    }

    /** A description as one table cell: a pipe would end the cell early. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
