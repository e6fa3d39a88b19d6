package io.bigdatastack.cli;

import io.bigdatastack.support.Json;

import com.google.gson.Gson;
import io.bigdatastack.config.ConfigSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a project's configuration the way the Pulumi CLI would hand it to the program: {@code Pulumi.<stack>.yaml}
 * values over {@code Pulumi.yaml} defaults, scalars as text and structured values as JSON text.
 *
 * <p>The files are read strictly, as the Pulumi CLI reads them: malformed YAML, a top level that is not a map, a key
 * given twice and a key without a value are errors naming the file and line ({@link StackFileException}), never a
 * silently ignored or overwritten setting.
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
        var secrets = new java.util.HashSet<String>();

        for (var entry : section(project, "config").entrySet()) {
            if (entry.getValue() instanceof Map<?, ?> declaration && declaration.containsKey("default")) {
                values.put(qualify(projectName, entry.getKey()), text(declaration.get("default")));
            }
        }
        var stackFile = load(projectDir.resolve("Pulumi." + stack + ".yaml"));
        for (var entry : section(stackFile, "config").entrySet()) {
            var key = qualify(projectName, entry.getKey());
            var secret = new boolean[1];
            var value = SecretPlaceholders.substitute(projectName, key, entry.getValue(), () -> secret[0] = true);
            values.put(key, text(value));
            if (secret[0]) {
                secrets.add(key);
            } else {
                secrets.remove(key);
            }
        }
        return ConfigSource.of(projectName, stack, values, secrets);
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path file) throws IOException {
        var text = Files.readString(file);
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        var constructor = new NodeConstructor(options);
        Node root;
        try {
            root = new Yaml(constructor).compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new StackFileException(at(file, mark) + "malformed YAML: " + e.getProblem()
                    + (e.getContext() != null ? " (" + e.getContext() + ")" : ""));
        } catch (YAMLException e) {
            throw new StackFileException(file + ": malformed YAML: " + e.getMessage());
        }
        if (root == null) {
            return Map.of();
        }
        if (!(root instanceof MappingNode)) {
            throw new StackFileException(at(file, root.getStartMark()) + "the top level must be a map of keys (such as config:), got a "
                    + (root instanceof SequenceNode ? "list" : "single value"));
        }
        var problems = new ArrayList<String>();
        checkNode(file, root, "", problems);
        if (!problems.isEmpty()) {
            throw new StackFileException(String.join("\n", problems));
        }
        try {
            // Built from the node tree just checked: the file is parsed once, not again by Yaml.load.
            return (Map<String, Object>) constructor.construct(root);
        } catch (YAMLException e) {
            throw new StackFileException(file + ": " + e.getMessage());
        }
    }

    /** SnakeYAML's safe constructor, applied to an already composed node tree. */
    private static final class NodeConstructor extends SafeConstructor {
        NodeConstructor(LoaderOptions options) {
            super(options);
        }

        Object construct(Node node) {
            return constructDocument(node);
        }
    }

    /** Duplicate keys and null values anywhere in the document, each with its line. */
    private static void checkNode(Path file, Node node, String path, List<String> problems) {
        if (node instanceof MappingNode mapping) {
            var seen = new HashMap<String, Integer>();
            for (var tuple : mapping.getValue()) {
                var keyNode = tuple.getKeyNode();
                var key = keyNode instanceof ScalarNode scalar ? scalar.getValue() : keyNode.toString();
                var qualified = path.isEmpty() ? key : path + "." + key;
                var line = keyNode.getStartMark().getLine() + 1;
                var first = seen.putIfAbsent(key, line);
                if (first != null) {
                    problems.add(file + ":" + line + ": duplicate key '" + qualified + "' (first given on line " + first
                            + "); only one value can apply, remove the other");
                }
                var value = tuple.getValueNode();
                if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
                    problems.add(file + ":" + line + ": key '" + qualified + "' has no value; give one, or delete the line to use the default");
                } else {
                    checkNode(file, value, qualified, problems);
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                var item = sequence.getValue().get(i);
                if (item instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
                    problems.add(file + ":" + (item.getStartMark().getLine() + 1) + ": item " + i + " of '" + path + "' has no value");
                } else {
                    checkNode(file, item, path + "[" + i + "]", problems);
                }
            }
        }
    }

    private static String at(Path file, Mark mark) {
        return mark == null ? file + ": " : file + ":" + (mark.getLine() + 1) + ": ";
    }
}
