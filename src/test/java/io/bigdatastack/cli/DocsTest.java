package io.bigdatastack.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.bigdatastack.config.ConfigKeys;
import io.bigdatastack.insight.PlanInsight;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README.md and docs/ as a user meets them on a fresh clone: every command of their {@code bash}/{@code sh} blocks is
 * checked against the code it drives (the CLI's usage, the declared config keys, the stack outputs the program
 * exports, the policy pack's scripts, the files of the repository); every relative link resolves; nothing points
 * outside the repository; the README stays short.
 */
class DocsTest {

    private static final Path ROOT = TestStacks.PROJECT_DIR;
    private static final Pattern FENCE = Pattern.compile("(?ms)^```(bash|sh)\\n(.*?)^```");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final String JAR = "target/big-data-stack.jar";
    /** How the design notes outside the repository were referred to (spelled in parts so this file is not one). */
    private static final List<String> OUTSIDE = List.of(".." + "/shared", "shared/" + "DESIGN", "DESIGN" + ".md");

    /** Markdown pages by path relative to the project. */
    private static Map<String, String> pages;
    /** Every simple command of every shell block, with where it came from. */
    private static List<Command> commands;

    record Command(String page, List<String> words) {
        @Override
        public String toString() {
            return page + ": " + String.join(" ", words);
        }
    }

    @BeforeAll
    static void readPages() throws IOException {
        pages = new LinkedHashMap<>();
        pages.put("README.md", Files.readString(ROOT.resolve("README.md")));
        pages.put("policy/README.md", Files.readString(ROOT.resolve("policy/README.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            for (var file : docs.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                pages.put(ROOT.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        commands = new ArrayList<>();
        pages.forEach((page, text) -> {
            var blocks = FENCE.matcher(text);
            while (blocks.find()) {
                for (var line : blocks.group(2).replace("\\\n", " ").split("\n")) {
                    for (var words : simpleCommands(line)) {
                        commands.add(new Command(page, words));
                    }
                }
            }
        });
        assertTrue(commands.size() > 30, "the pages' commands were found: " + commands.size());
    }

    /**
     * The simple commands of one shell line, as words: comments dropped, split at {@code &&}, {@code ||}, {@code ;}
     * and {@code |}; quoted text and {@code $(...)} stay one word, and the commands inside {@code $(...)} are returned
     * too.
     */
    static List<List<String>> simpleCommands(String line) {
        var result = new ArrayList<List<String>>();
        var words = new ArrayList<String>();
        var word = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                int end = line.indexOf(c, i + 1);
                while (c == '"' && end > 0 && line.charAt(end - 1) == '\\') {
                    end = line.indexOf(c, end + 1);
                }
                end = end < 0 ? line.length() - 1 : end;
                word.append(line, i + 1, end);
                for (var inner : substitutions(line.substring(i + 1, end))) {
                    result.addAll(simpleCommands(inner));
                }
                i = end;
            } else if (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '(') {
                int depth = 0;
                int j = i + 1;
                for (; j < line.length(); j++) {
                    depth += line.charAt(j) == '(' ? 1 : line.charAt(j) == ')' ? -1 : 0;
                    if (depth == 0) {
                        break;
                    }
                }
                result.addAll(simpleCommands(line.substring(i + 2, Math.min(j, line.length()))));
                word.append(line, i, Math.min(j + 1, line.length()));
                i = j;
            } else if (c == '#' && word.isEmpty()) {
                break;
            } else if (c == ' ' || c == '\t') {
                flush(words, word);
            } else if (c == ';' || c == '|' || c == '&') {
                flush(words, word);
                if (!words.isEmpty()) {
                    result.add(List.copyOf(words));
                }
                words.clear();
            } else {
                word.append(c);
            }
        }
        flush(words, word);
        if (!words.isEmpty()) {
            result.add(List.copyOf(words));
        }
        return result;
    }

    private static List<String> substitutions(String quoted) {
        var inner = new ArrayList<String>();
        var m = Pattern.compile("\\$\\(([^()]*)\\)").matcher(quoted);
        while (m.find()) {
            inner.add(m.group(1));
        }
        return inner;
    }

    private static void flush(List<String> words, StringBuilder word) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private static List<Command> commandsStartingWith(String... prefix) {
        return commands.stream().filter(c -> c.words().size() >= prefix.length
                && c.words().subList(0, prefix.length).equals(List.of(prefix))).toList();
    }

    @Test
    void theSplitterKeepsQuotesAndSubstitutionsTogether() {
        assertEquals(List.of(List.of("pulumi", "stack", "output", "EksConfigCommand", "-s", "dev"),
                        List.of("$(pulumi stack output EksConfigCommand -s dev)")),
                simpleCommands("$(pulumi stack output EksConfigCommand -s dev)   # comment"));
        assertEquals(List.of(List.of("mkdir", "-p", "plans"), List.of("cp", "target/plan/*.json", "plans/")),
                simpleCommands("mkdir -p plans && cp target/plan/*.json plans/"));
        assertEquals(List.of(List.of("pulumi", "config", "set", "--path", "studioGroups[0]", "Data Engineers:intermediate")),
                simpleCommands("pulumi config set --path 'studioGroups[0]' 'Data Engineers:intermediate'"));
    }

    /** The jar's commands, checked against the usage text the CLI prints ({@link PlanCommand#USAGE}). */
    @Test
    void everyJarCommandFollowsTheCliUsage() throws IOException {
        var grammar = new LinkedHashMap<String, Map<String, Boolean>>(); // command -> option -> takes a value
        var positional = new LinkedHashMap<String, Boolean>();           // command -> takes <stack>|--all
        for (var line : PlanCommand.USAGE.split("\n")) {
            var usage = line.substring(line.indexOf(JAR) + JAR.length()).trim().split(" ", 2);
            var options = new LinkedHashMap<String, Boolean>();
            var rest = usage.length > 1 ? usage[1] : "";
            var brackets = Pattern.compile("\\[(--[a-z-]+)( [^\\]]+)?\\]").matcher(rest);
            while (brackets.find()) {
                options.put(brackets.group(1), brackets.group(2) != null);
            }
            grammar.put(usage[0], options);
            positional.put(usage[0], rest.startsWith("<stack>|--all"));
        }
        assertEquals(Set.of("plan", "readme"), grammar.keySet(), PlanCommand.USAGE);

        var jarCommands = commands.stream().filter(c -> c.words().contains(JAR)).toList();
        assertTrue(jarCommands.size() >= 8, jarCommands.toString());
        var wrong = new ArrayList<String>();
        for (var command : jarCommands) {
            var words = command.words();
            var args = words.subList(words.indexOf(JAR) + 1, words.size());
            if (args.size() == 1 && List.of("--help", "-h", "help").contains(args.get(0))) {
                continue; // the usage itself (Commands)
            }
            if (args.isEmpty() || !grammar.containsKey(args.get(0))) {
                wrong.add(command + ": no such command");
                continue;
            }
            int i = 1;
            if (positional.get(args.get(0))) {
                if (args.size() < 2) {
                    wrong.add(command + ": needs <stack> or --all");
                    continue;
                }
                var stack = args.get(1);
                if (!stack.equals("--all") && !Files.isRegularFile(ROOT.resolve("Pulumi." + stack + ".yaml"))
                        && !stacksTheDocsCreate().contains(stack)) {
                    wrong.add(command + ": no stack file Pulumi." + stack + ".yaml");
                }
                i = 2;
            }
            for (; i < args.size(); i++) {
                var option = args.get(i);
                var takesValue = grammar.get(args.get(0)).get(option);
                if (takesValue == null) {
                    wrong.add(command + ": unknown option " + option);
                } else if (takesValue) {
                    i++;
                }
            }
            if (i > args.size()) {
                wrong.add(command + ": an option without its value");
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** A fresh clone has nothing in ~/.m2 for an offline build: no page tells a user to run {@code ./mvnw -o}. */
    @Test
    void noMavenCommandRunsOffline() {
        var maven = commandsStartingWith("./mvnw");
        assertFalse(maven.isEmpty());
        var offline = maven.stream().filter(c -> c.words().contains("-o") || c.words().contains("--offline")
                || c.words().stream().anyMatch(w -> w.matches("-[A-Za-z]*o[A-Za-z]*") && !w.startsWith("--"))).toList();
        assertEquals(List.of(), offline);
    }

    /** Stack files a docs page creates for an offline example ({@code cp Pulumi.dev.yaml Pulumi.<stack>.yaml}). */
    private Set<String> stacksTheDocsCreate() {
        var created = new TreeSet<String>();
        var copy = Pattern.compile("\\bcp Pulumi\\.[\\w-]+\\.yaml Pulumi\\.([\\w-]+)\\.yaml");
        for (var page : pages.values()) {
            var m = copy.matcher(page);
            while (m.find()) {
                created.add(m.group(1));
            }
        }
        return created;
    }

    @Test
    void everyConfigKeySetIsDeclared() {
        var declared = ConfigKeys.ALL.stream().map(k -> k.name()).collect(Collectors.toSet());
        var sets = commandsStartingWith("pulumi", "config", "set");
        sets = new ArrayList<>(sets);
        sets.addAll(commandsStartingWith("pulumi", "config", "rm"));
        assertTrue(sets.size() >= 5, sets.toString());
        var unknown = new ArrayList<String>();
        for (var command : sets) {
            var key = command.words().subList(3, command.words().size()).stream().filter(w -> !w.startsWith("-")).findFirst().orElse("");
            // `pulumi config set` takes the key with or without the project's namespace.
            var name = key.replaceFirst("^big-data-stack:", "").replaceAll("[\\[.].*$", "");
            if (!declared.contains(name) && !name.startsWith("aws:")) {
                unknown.add(command + ": " + name);
            }
        }
        assertEquals(List.of(), unknown);
    }

    @Test
    void everyStackOutputReadIsExported() {
        var exported = new TreeSet<>(TestStacks.planStackFile("dev").outputs().keySet());
        exported.addAll(TestStacks.plan(Map.of("studioEndpoint", "true")).outputs().keySet()); // StudioEndpointId
        exported.addAll(TestStacks.planStackFile("prod").outputs().keySet()); // CostReports (costReports: true)
        var reads = commandsStartingWith("pulumi", "stack", "output");
        assertTrue(reads.size() >= 5, reads.toString());
        var unknown = reads.stream().map(c -> c.words().get(3)).filter(name -> !exported.contains(name)).toList();
        assertEquals(List.of(), unknown, "stack outputs the program does not export: " + exported);
    }

    @Test
    void everyPolicyPackScriptExists() throws IOException {
        var scripts = JsonParser.parseString(Files.readString(ROOT.resolve("policy/package.json"))).getAsJsonObject()
                .getAsJsonObject("scripts").keySet();
        var runs = commandsStartingWith("npm", "--prefix", "policy", "run");
        assertTrue(runs.size() >= 2, "the README's and the pack's check commands: " + runs);
        var unknown = runs.stream().map(c -> c.words().get(4)).filter(s -> !scripts.contains(s)).toList();
        assertEquals(List.of(), unknown);
    }

    /** Paths of the repository a command names (scripts, policy files, docs) exist; {@code target/} is built. */
    @Test
    void everyRepositoryPathACommandNamesExists() {
        var missing = new ArrayList<String>();
        for (var command : commands) {
            for (var word : command.words()) {
                var path = word.replaceFirst("^file://", "").replaceFirst("^\\$f$", "");
                if (path.matches("(docs|bench|policy|src|\\.ci)/[^$<>]*")) {
                    var existing = path.contains("*") ? path.substring(0, path.lastIndexOf('/')) : path;
                    if (!Files.exists(ROOT.resolve(existing))) {
                        missing.add(command + ": " + path);
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyRelativeLinkResolves() {
        var broken = new ArrayList<String>();
        pages.forEach((page, text) -> {
            var links = LINK.matcher(text);
            while (links.find()) {
                var target = links.group(1);
                if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
                    continue;
                }
                var file = target.replaceFirst("#.*$", "");
                var resolved = ROOT.resolve(page).getParent() == null ? ROOT.resolve(file) : ROOT.resolve(page).getParent().resolve(file);
                if (!Files.exists(resolved)) {
                    broken.add(page + " -> " + target);
                }
            }
        });
        assertEquals(List.of(), broken);
    }

    /** The project stands alone: no file points at the design notes it was built from, outside the repository. */
    @Test
    void nothingPointsOutsideTheRepository() throws IOException {
        var offenders = new TreeSet<String>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                var relative = ROOT.relativize(file).toString().replace('\\', '/');
                if (relative.matches("(target|\\.git|policy/node_modules|policy/dist|\\.mvn)(/.*)?")
                        || !relative.matches(".*\\.(md|java|ts|json|xml|yaml|yml|sh|txt)|\\.ci/run")) {
                    continue;
                }
                var text = Files.readString(file);
                if (OUTSIDE.stream().anyMatch(text::contains)) {
                    offenders.add(relative);
                }
            }
        }
        assertEquals(Set.of(), offenders);
    }

    @Test
    void theReadmeStaysUnder350Lines() {
        var lines = pages.get("README.md").split("\n", -1).length;
        assertTrue(lines < 350, "README.md has " + lines + " lines: move detail to docs/");
    }

    /** The README names exactly the parameters the dev stack's job template declares. */
    @Test
    void theReadmeNamesTheJobTemplatesParameters() {
        var stack = TestStacks.planStackFile("dev").one("aws:cloudformation/stack:Stack");
        var template = JsonParser.parseString(stack.inputString("templateBody")).getAsJsonObject();
        var declared = new TreeSet<String>();
        parameterNames(template, declared);
        assertFalse(declared.isEmpty(), "the job template declares parameters");
        var readme = pages.get("README.md");
        var sentence = Pattern.compile("takes the parameters\\s+((?:`\\w+`(?:,\\s+|\\s+and\\s+)?)+)").matcher(readme);
        assertTrue(sentence.find(), "README.md says which parameters the job template takes");
        var named = new TreeSet<String>();
        var names = Pattern.compile("`(\\w+)`").matcher(sentence.group(1));
        while (names.find()) {
            named.add(names.group(1));
        }
        assertEquals(declared, named);
    }

    /** Every key of every {@code ParameterConfiguration} object (AWS::EMRContainers::JobTemplate) in {@code element}. */
    private static void parameterNames(JsonElement element, Set<String> into) {
        if (element.isJsonObject()) {
            for (var entry : element.getAsJsonObject().entrySet()) {
                if (entry.getKey().equals("ParameterConfiguration") && entry.getValue().isJsonObject()) {
                    into.addAll(entry.getValue().getAsJsonObject().keySet());
                }
                parameterNames(entry.getValue(), into);
            }
        }
    }

    /** docs/cost.md's sample has the fields, and the total, of the dev plan's cost as the code writes it today. */
    @Test
    void theCostSampleMatchesTheDevPlan() {
        var text = pages.get("docs/cost.md");
        var sample = text.substring(text.indexOf("```json\n") + 8, text.indexOf("```", text.indexOf("```json\n") + 8)).trim();
        var parsed = JsonParser.parseString("{" + sample + "}").getAsJsonObject().getAsJsonObject("cost");
        var plan = TestStacks.planStackFile("dev");
        var actual = PlanInsight.of(plan, "us-west-2").cost().toJson();
        assertEquals(shape(actual), shape(parsed));
        assertEquals(actual.get("monthlyTotal").getAsBigDecimal(), parsed.get("monthlyTotal").getAsBigDecimal());
        assertEquals(actual.get("noIdleChargeResources").getAsInt(), parsed.get("noIdleChargeResources").getAsInt());
    }

    /** The field names of an object, recursively (an array by its first element). */
    private static Set<String> shape(JsonElement element) {
        var names = new TreeSet<String>();
        if (element.isJsonObject()) {
            for (var entry : ((JsonObject) element).entrySet()) {
                names.add(entry.getKey());
                shape(entry.getValue()).forEach(n -> names.add(entry.getKey() + "." + n));
            }
        } else if (element.isJsonArray() && !element.getAsJsonArray().isEmpty()) {
            shape(element.getAsJsonArray().get(0)).forEach(n -> names.add("[]." + n));
        }
        return names;
    }
}
