package io.bigdatastack.cli;

import io.bigdatastack.support.Json;

import com.google.gson.Gson;
import io.bigdatastack.config.ConfigSource;
import org.yaml.snakeyaml.nodes.MappingNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a project's configuration the way the Pulumi CLI would hand it to the program: {@code Pulumi.<stack>.yaml}
 * values over {@code Pulumi.yaml} defaults, scalars as text and structured values as JSON text.
 *
 * <p>The files are read strictly, as the Pulumi CLI reads them ({@link StackYaml}: YAML 1.2 core schema, bounded
 * aliases): malformed YAML, a top level that is not a map, a stack-file key without its {@code <namespace>:}, a key
 * given twice, a key without a value, a non-finite number are errors naming the file and line
 * ({@link StackFileException}), never a silently ignored or overwritten setting, a hang or a stack trace.
 */
public final class StackFiles {

    private static final Pattern STACK_FILE = Pattern.compile("Pulumi\\.(.+)\\.yaml");
    private static final Gson GSON = Json.COMPACT;

    private StackFiles() {
    }

    /** A stack name without a {@code Pulumi.<stack>.yaml}. */
    public static final class UnknownStackException extends RuntimeException {
        UnknownStackException(String message) {
            super(message);
        }
    }

    /** A project or stack file that is not a well-formed map of unique, valued keys; the message names file and line. */
    public static final class StackFileException extends RuntimeException {
        StackFileException(String message) {
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
        return project(projectDir).name();
    }

    /** What {@code Pulumi.yaml} contributes: the project's name and the defaults its config declares. */
    private record Project(String name, Map<String, String> defaults) {
    }

    private static Project project(Path projectDir) throws IOException {
        var file = projectDir.resolve("Pulumi.yaml");
        var root = document(file);
        var problems = new ArrayList<String>();
        var budget = new StackYaml.Budget();
        String name = null;
        var defaults = new LinkedHashMap<String, String>();
        for (var entry : root == null ? List.<StackYaml.Entry>of() : StackYaml.entries(file, root, "", problems)) {
            if (entry.key().equals("name")) {
                name = StackYaml.scalarText(entry.value());
                if (name == null || name.isBlank() || StackYaml.isNull(entry.value())) {
                    problems.add(file + ":" + entry.line() + ": name: expected the project's name (a single value such as big-data-stack)");
                    name = null;
                }
            } else if (entry.key().equals("config") && entry.value() instanceof MappingNode config) {
                for (var declaration : StackYaml.entries(file, config, "config", problems)) {
                    if (declaration.value() instanceof MappingNode fields) {
                        for (var field : StackYaml.entries(file, fields, "config." + declaration.key(), problems)) {
                            if (field.key().equals("default")) {
                                valueText(file, field, "config." + declaration.key() + ".default", budget, problems)
                                        .ifPresent(text -> defaults.put(declaration.key(), text));
                            }
                        }
                    }
                }
            } else if (entry.key().equals("config") && !StackYaml.isNull(entry.value())) {
                problems.add(file + ":" + entry.line() + ": config: expected a map of key declarations");
            }
        }
        if (name == null && problems.isEmpty()) {
            problems.add(file + ": name: missing; expected the project's name");
        }
        if (!problems.isEmpty()) {
            throw new StackFileException(String.join("\n", problems));
        }
        return new Project(name, defaults);
    }

    /**
     * A stack file read as far as it can be: the values of every key it could read, the problems of the others (each
     * {@code file:line: key: ...}) and those keys, so that the configuration's own checks can still run on the rest and
     * report every problem at once ({@link Planner#load}). {@code onlyValuesRefused}: every problem is a value of one
     * key; otherwise the file's shape is wrong (a duplicate key, a setting outside {@code config}) and what was read
     * of it cannot stand for what was meant.
     */
    public record Read(ConfigSource source, List<String> problems, java.util.Set<String> refusedKeys, boolean onlyValuesRefused) {
    }

    /** The stack's configuration; every problem of the file at once ({@link StackFileException}) when it has any. */
    public static ConfigSource read(Path projectDir, String stack) throws IOException {
        var read = readAsFarAsPossible(projectDir, stack);
        if (!read.problems().isEmpty()) {
            throw new StackFileException(String.join("\n", read.problems()));
        }
        return read.source();
    }

    /**
     * As {@link #read}, keeping going past a key it cannot read. A file that is not YAML at all, or not UTF-8, still
     * fails at once ({@link StackFileException}): nothing in it can be trusted.
     */
    public static Read readAsFarAsPossible(Path projectDir, String stack) throws IOException {
        var stacks = stacks(projectDir);
        if (!stacks.contains(stack)) {
            throw new UnknownStackException("unknown stack '" + stack + "': " + (stacks.isEmpty()
                    ? "there is no Pulumi.<stack>.yaml in " + projectDir.toAbsolutePath()
                    : "the stacks here are " + String.join(", ", stacks)));
        }
        var project = project(projectDir);
        var projectName = project.name();
        var values = new HashMap<String, String>();
        var secrets = new java.util.HashSet<String>();
        var locations = new HashMap<String, String>();

        project.defaults().forEach((key, value) -> values.put(qualify(projectName, key), value));
        // Normalized, so that in the default project directory the file's own problems name it Pulumi.qa.yaml:6 (not
        // ./Pulumi.qa.yaml:6), as the configuration's problems do.
        var file = projectDir.resolve("Pulumi." + stack + ".yaml").normalize();
        var root = document(file);
        var problems = new ArrayList<String>();
        var refusedKeys = new java.util.HashSet<String>();
        int valueProblems = 0;
        var budget = new StackYaml.Budget();
        for (var entry : root == null ? List.<StackYaml.Entry>of() : StackYaml.entries(file, root, "", problems)) {
            if (StackYaml.isNull(entry.value())) {
                problems.add(file + ":" + entry.line() + ": key '" + entry.key() + "' has no value; give one, or delete the line");
                continue;
            }
            if (!entry.key().equals("config")) {
                // secretsprovider, encryptedkey, environment...: the CLI's; checked for well-formedness only.
                StackYaml.value(file, entry.value(), entry.key(), budget, problems);
                continue;
            }
            if (!(entry.value() instanceof MappingNode config)) {
                problems.add(file + ":" + entry.line() + ": config: expected a map of <namespace>:<name> keys to values");
                continue;
            }
            for (var setting : StackYaml.entries(file, config, "config", problems)) {
                var key = setting.key();
                if (!QUALIFIED_KEY.matcher(key).matches()) {
                    // Only Pulumi.yaml's project config may leave out the namespace; the CLI refuses it in a stack file.
                    problems.add(file + ":" + setting.line() + ": key '" + key + "': expected <namespace>:<name>, e.g. "
                            + projectName + ":" + (key.isEmpty() ? "azCount" : key.replace(":", "")) + " or aws:region");
                    continue;
                }
                if (StackYaml.isNull(setting.value())) {
                    problems.add(file + ":" + setting.line() + ": key 'config." + key + "' has no value; give one, or delete the line to use the default");
                    refusedKeys.add(key);
                    valueProblems++;
                    continue;
                }
                var secret = new boolean[1];
                int before = problems.size();
                var converted = StackYaml.value(file, setting.value(), key, budget, problems);
                if (problems.size() > before) {
                    refusedKeys.add(key);
                    valueProblems += problems.size() - before;
                    continue;
                }
                locations.put(key, file.getFileName() + ":" + setting.line());
                // A single value reaches the program as written (the CLI keeps its text); a list or map as JSON.
                Object value = setting.value() instanceof org.yaml.snakeyaml.nodes.ScalarNode scalar ? scalar.getValue() : converted;
                value = SecretPlaceholders.substitute(projectName, key, value, () -> secret[0] = true);
                values.put(key, text(value));
                if (secret[0]) {
                    secrets.add(key);
                } else {
                    secrets.remove(key);
                }
            }
        }
        return new Read(ConfigSource.of(projectName, stack, values, secrets, locations), List.copyOf(problems),
                java.util.Set.copyOf(refusedKeys), valueProblems == problems.size());
    }

    /** {@code <namespace>:<name>}, both parts non-empty (Pulumi's config key form). */
    private static final Pattern QUALIFIED_KEY = Pattern.compile("[^:\\s]+:[^:\\s]+");

    private static String qualify(String project, String key) {
        return key.contains(":") ? key : project + ":" + key;
    }

    private static String text(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return GSON.toJson(value);
        }
        return String.valueOf(value);
    }

    /** A declaration's default as the CLI hands it on: a single value's text, a list or map as JSON. */
    private static java.util.Optional<String> valueText(Path file, StackYaml.Entry field, String path, StackYaml.Budget budget, List<String> problems) {
        if (StackYaml.isNull(field.value())) {
            return java.util.Optional.empty();
        }
        int before = problems.size();
        var converted = StackYaml.value(file, field.value(), path, budget, problems);
        if (problems.size() > before) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(field.value() instanceof org.yaml.snakeyaml.nodes.ScalarNode scalar ? scalar.getValue() : text(converted));
    }

    /** The document's top-level map (null for an empty file), read strictly: every problem names file and line. */
    private static MappingNode document(Path file) throws IOException {
        String content;
        try {
            content = Files.readString(file);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new StackFileException(file + ": not UTF-8 text; expected a YAML file saved as UTF-8");
        }
        try {
            return StackYaml.topLevel(file, StackYaml.compose(file, content));
        } catch (StackYaml.Refused e) {
            throw new StackFileException(e.getMessage());
        }
    }

}
