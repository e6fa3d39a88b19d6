package io.bigdatastack.plan;

import com.google.gson.Gson;
import io.bigdatastack.config.ConfigSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a project's configuration the way the Pulumi CLI would hand it to the program: {@code Pulumi.<stack>.yaml}
 * values over {@code Pulumi.yaml} defaults, scalars as text and structured values as JSON text.
 */
public final class StackFiles {

    private static final Pattern STACK_FILE = Pattern.compile("Pulumi\\.(.+)\\.yaml");
    private static final Gson GSON = new Gson();

    private StackFiles() {
    }

    /** A stack name without a {@code Pulumi.<stack>.yaml}. */
    public static final class UnknownStackException extends RuntimeException {
        UnknownStackException(String message) {
            super(message);
        }
    }

    /** Stack names that have a stack file in {@code projectDir}, sorted. */
    public static List<String> stacks(Path projectDir) throws IOException {
        try (var files = Files.list(projectDir)) {
            return files.map(p -> STACK_FILE.matcher(p.getFileName().toString()))
                    .filter(java.util.regex.Matcher::matches)
                    .map(m -> m.group(1))
                    .sorted()
                    .toList();
        }
    }

    /** The project's name from {@code Pulumi.yaml}. */
    public static String projectName(Path projectDir) throws IOException {
        return String.valueOf(load(projectDir.resolve("Pulumi.yaml")).get("name"));
    }

    public static ConfigSource read(Path projectDir, String stack) throws IOException {
        var stacks = stacks(projectDir);
        if (!stacks.contains(stack)) {
            throw new UnknownStackException("unknown stack '" + stack + "': " + (stacks.isEmpty()
                    ? "there is no Pulumi.<stack>.yaml in " + projectDir.toAbsolutePath()
                    : "the stacks here are " + String.join(", ", stacks)));
        }
        var project = load(projectDir.resolve("Pulumi.yaml"));
        var projectName = String.valueOf(project.get("name"));
        var values = new HashMap<String, String>();

        for (var entry : section(project, "config").entrySet()) {
            if (entry.getValue() instanceof Map<?, ?> declaration && declaration.containsKey("default")) {
                values.put(qualify(projectName, entry.getKey()), text(declaration.get("default")));
            }
        }
        var stackFile = load(projectDir.resolve("Pulumi." + stack + ".yaml"));
        for (var entry : section(stackFile, "config").entrySet()) {
            values.put(qualify(projectName, entry.getKey()), text(entry.getValue()));
        }
        return ConfigSource.of(projectName, stack, values);
    }

    private static String qualify(String project, String key) {
        return key.contains(":") ? key : project + ":" + key;
    }

    private static String text(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return GSON.toJson(value);
        }
        return String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> document, String key) {
        var section = document.get(key);
        return section instanceof Map<?, ?> ? (Map<String, Object>) section : Map.of();
    }

    private static Map<String, Object> load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return document == null ? Map.of() : document;
        }
    }
}
