package io.bigdatastack.cli;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Pulumi project and stack files read as the Pulumi CLI reads them. The CLI's YAML library follows YAML 1.2, whose
 * core schema (https://yaml.org/spec/1.2.2/#103-core-schema) differs from SnakeYAML's YAML 1.1 defaults: {@code yes},
 * {@code no}, {@code on}, {@code off} are strings, not booleans, {@code 1:30} is a string, not a base-60 number,
 * {@code 010} is ten, and there are no implicit timestamps. SnakeYAML parses; {@link CoreSchemaResolver} gives plain
 * scalars their 1.2 types; {@link #value} turns a node into the value the CLI hands the program (a structured value
 * becomes JSON, which has no infinity or NaN, so non-finite numbers are refused).
 *
 * <p>A small file must not hang {@code plan} or exhaust memory: alias uses (of collections and scalars), the size a
 * value reaches once aliases are expanded, and nesting are bounded; a recursive alias is refused. Every problem names
 * file, line and key path.
 */
final class StackYaml {

    /** Alias uses per file; a hand-written stack file needs a handful. */
    static final int MAX_ALIASES = 100;
    /** Nodes a file's values may reach with aliases expanded. */
    static final int MAX_EXPANDED_NODES = 50_000;
    /** Characters of scalars a file's values may reach with aliases expanded (Pulumi config is small). */
    static final int MAX_EXPANDED_CHARACTERS = 1_000_000;
    /** Nesting of lists and maps. */
    static final int MAX_NESTING = 40;
    /** The largest file read (a stack file is a few kilobytes). */
    static final int MAX_CODE_POINTS = 1_000_000;

    private StackYaml() {
    }

    /** YAML 1.2 core schema tag resolution for plain scalars (SnakeYAML's default is YAML 1.1's). */
    static final class CoreSchemaResolver extends Resolver {
        static final Pattern CORE_BOOL = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
        static final Pattern CORE_INT = Pattern.compile("^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$");
        static final Pattern CORE_FLOAT = Pattern.compile(
                "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
        static final Pattern CORE_NULL = Pattern.compile("^(?:~|null|Null|NULL)$");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, CORE_BOOL, "tTfF");
            // int before float: "10" matches both patterns, and the first match wins.
            addImplicitResolver(Tag.INT, CORE_INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, CORE_FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, CORE_NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }

    /** A file that is not a well-formed document; the message names file and line. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** Parses {@code text} into its node tree (aliases resolved to shared nodes); null for an empty document. */
    static Node compose(Path file, String text) {
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CODE_POINTS);
        // Merge keys (<<) as the CLI's YAML library applies them, resolved while composing.
        options.setMergeOnCompose(true);
        try {
            return new Yaml(new SafeConstructor(options), new org.yaml.snakeyaml.representer.Representer(new org.yaml.snakeyaml.DumperOptions()),
                    new org.yaml.snakeyaml.DumperOptions(), options, new CoreSchemaResolver()).compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new Refused((mark == null ? file + ": " : file + ":" + (mark.getLine() + 1) + ": ") + "malformed YAML: " + e.getProblem()
                    + (e.getContext() != null ? " (" + e.getContext() + ")" : ""));
        } catch (YAMLException e) {
            throw new Refused(file + ": " + explain(e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            // SnakeYAML's own limits cover what is known; anything else it throws is still a file it cannot read.
            throw new Refused(file + ": malformed YAML: " + e.getClass().getSimpleName());
        }
    }

    private static String explain(String message) {
        if (message != null && message.contains("aliases")) {
            return "more than " + MAX_ALIASES + " aliases; expected a stack file that repeats itself less (aliases are expanded in full)";
        }
        if (message != null && message.contains("code points")) {
            return "larger than " + MAX_CODE_POINTS + " characters; expected a stack file of a few kilobytes";
        }
        if (message != null && message.contains("Nesting Depth")) {
            return "nested deeper than " + MAX_NESTING + " levels of lists and maps";
        }
        return "malformed YAML: " + message;
    }

    /** The line of a node, 1-based. */
    static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /** A scalar's text as written (what the CLI keeps for a top-level config value), or null for another node. */
    static String scalarText(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    /**
     * Converts a value node as the CLI would hand it on: maps and lists of strings, numbers and booleans by the YAML
     * 1.2 core schema. Problems are added to {@code problems} (as {@code file:line: path: ...}); the budget is shared by
     * every value of one file, so aliases spread over many keys are bounded too.
     */
    static Object value(Path file, Node node, String path, Budget budget, List<String> problems) {
        try {
            return convert(file, node, path, budget, problems, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        } catch (OverBudget e) {
            problems.add(file + ":" + line(node) + ": " + path + ": " + e.getMessage());
            return null;
        }
    }

    /** What the values of one file may add up to with aliases expanded. */
    static final class Budget {
        private final Set<Node> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        private int aliases;
        private long nodes;
        private long characters;

        private void visit(Node node) {
            if (!seen.add(node)) {
                if (++aliases > MAX_ALIASES) {
                    throw new OverBudget("more than " + MAX_ALIASES + " alias uses; expected a stack file that repeats itself less");
                }
            }
            if (++nodes > MAX_EXPANDED_NODES) {
                throw new OverBudget("expands (with its aliases) to more than " + MAX_EXPANDED_NODES
                        + " values; expected a configuration value of ordinary size");
            }
            if (node instanceof ScalarNode scalar && (characters += scalar.getValue().length()) > MAX_EXPANDED_CHARACTERS) {
                throw new OverBudget("expands (with its aliases) to more than " + MAX_EXPANDED_CHARACTERS
                        + " characters; expected a configuration value of ordinary size");
            }
        }
    }

    private static final class OverBudget extends RuntimeException {
        OverBudget(String message) {
            super(message, null, false, false);
        }
    }

    private static final Set<Tag> CORE_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ);

    private static Object convert(Path file, Node node, String path, Budget budget, List<String> problems, Set<Node> visiting) {
        var at = file + ":" + line(node) + ": " + path;
        if (!visiting.add(node)) {
            problems.add(at + ": a recursive alias (a value that contains itself); expected a value that ends");
            return null;
        }
        try {
            budget.visit(node);
            if (!CORE_TAGS.contains(node.getTag())) {
                problems.add(at + ": the tag " + node.getTag() + " is not supported; expected a plain string, number, boolean, list or map");
                return null;
            }
            if (node instanceof MappingNode mapping) {
                var map = new LinkedHashMap<String, Object>();
                for (var tuple : mapping.getValue()) {
                    var keyText = scalarText(tuple.getKeyNode());
                    if (keyText == null) {
                        problems.add(file + ":" + line(tuple.getKeyNode()) + ": " + path + ": a key that is a list or map; expected a plain text key");
                        continue;
                    }
                    budget.visit(tuple.getKeyNode());
                    var child = path + "." + keyText;
                    if (map.containsKey(keyText)) {
                        problems.add(file + ":" + line(tuple.getKeyNode()) + ": duplicate key '" + child + "'; only one value can apply, remove the other");
                        continue;
                    }
                    if (isNull(tuple.getValueNode())) {
                        problems.add(file + ":" + line(tuple.getKeyNode()) + ": key '" + child + "' has no value; give one, or delete the line");
                        continue;
                    }
                    map.put(keyText, convert(file, tuple.getValueNode(), child, budget, problems, visiting));
                }
                return map;
            }
            if (node instanceof SequenceNode sequence) {
                var list = new ArrayList<Object>();
                for (int i = 0; i < sequence.getValue().size(); i++) {
                    var item = sequence.getValue().get(i);
                    if (isNull(item)) {
                        problems.add(file + ":" + line(item) + ": item " + i + " of '" + path + "' has no value");
                        continue;
                    }
                    list.add(convert(file, item, path + "[" + i + "]", budget, problems, visiting));
                }
                return list;
            }
            return scalar(at, (ScalarNode) node, problems);
        } finally {
            visiting.remove(node);
        }
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    /** A typed scalar; null (with a problem) for one that JSON cannot carry or its tag does not fit. */
    static Object scalar(String at, ScalarNode node, List<String> problems) {
        var text = node.getValue();
        var tag = node.getTag();
        if (tag.equals(Tag.BOOL)) {
            if (CoreSchemaResolver.CORE_BOOL.matcher(text).matches()) {
                return Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT));
            }
            problems.add(at + ": got '" + text + "' tagged !!bool; expected true or false");
            return null;
        }
        if (tag.equals(Tag.INT)) {
            var number = integer(text);
            if (number == null) {
                problems.add(at + ": got '" + text + "' tagged !!int; expected a whole number (decimal, 0o octal or 0x hex)");
            }
            return number;
        }
        if (tag.equals(Tag.FLOAT)) {
            var number = finite(text);
            if (number == null) {
                problems.add(at + ": got '" + text + "', a number that is not finite (infinity, NaN, or beyond a double's range);"
                        + " expected a finite number (configuration reaches the program as JSON, which has no such numbers)");
            }
            return number;
        }
        return text;
    }

    /** A YAML 1.2 core integer: decimal with a sign, {@code 0o} octal or {@code 0x} hexadecimal. */
    static Number integer(String text) {
        try {
            BigInteger value;
            if (text.startsWith("0o")) {
                value = new BigInteger(text.substring(2), 8);
            } else if (text.startsWith("0x")) {
                value = new BigInteger(text.substring(2), 16);
            } else {
                value = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
            }
            return value.bitLength() < 64 ? (Number) value.longValue() : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A finite YAML 1.2 core float, or null for infinity, NaN, overflow or text that is no number. */
    static Double finite(String text) {
        if (text.toLowerCase(java.util.Locale.ROOT).contains("inf") || text.toLowerCase(java.util.Locale.ROOT).contains("nan")) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The top-level map of a document, or a refusal naming what the top level is. */
    static MappingNode topLevel(Path file, Node root) {
        if (root == null) {
            return null;
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new Refused(file + ":" + line(root) + ": the top level must be a map of keys (such as config:), got a "
                    + (root instanceof SequenceNode ? "list" : "single value"));
        }
        return mapping;
    }

    /** One key of a map: its text as written, its node (for the line) and its value node. */
    record Entry(String key, Node keyNode, Node value) {
        int line() {
            return StackYaml.line(keyNode);
        }
    }

    /** The entries of a map node, refusing keys that are not text and keys given twice (each with its line). */
    static List<Entry> entries(Path file, MappingNode mapping, String path, List<String> problems) {
        var entries = new ArrayList<Entry>();
        var seen = new java.util.HashMap<String, Integer>();
        for (var tuple : mapping.getValue()) {
            var key = scalarText(tuple.getKeyNode());
            var line = line(tuple.getKeyNode());
            if (key == null) {
                problems.add(file + ":" + line + ": " + (path.isEmpty() ? "" : path + ": ") + "a key that is a list or map; expected a plain text key");
                continue;
            }
            var qualified = path.isEmpty() ? key : path + "." + key;
            var first = seen.putIfAbsent(key, line);
            if (first != null) {
                problems.add(file + ":" + line + ": duplicate key '" + qualified + "' (first given on line " + first
                        + "); only one value can apply, remove the other");
                continue;
            }
            entries.add(new Entry(key, tuple.getKeyNode(), tuple.getValueNode()));
        }
        return entries;
    }
}
