package io.bigdatastack.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.bigdatastack.config.StackConfig;
import io.bigdatastack.insight.PlanInsight;
import io.bigdatastack.plan.AwsMockEngine;
import io.bigdatastack.plan.Plan;
import io.bigdatastack.plan.PlanDiff;
import io.bigdatastack.plan.PlanJson;
import io.bigdatastack.plan.PlanPrinter;
import io.bigdatastack.support.TerminalText;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * {@code plan <stack> [--against EARLIER.json] [--project-dir DIR]}: runs the program offline against
 * {@link AwsMockEngine}, prints the resource tree, outputs and idle cost estimate, and writes
 * {@code target/plan/<stack>.json} (with a {@code "cost"} object) and {@code target/plan/<stack>.md} (architecture
 * diagram). {@code plan --all [--against DIR]} does so for every {@code Pulumi.<stack>.yaml} and prints one line each
 * (the build runs it before the policy check). With {@code --against}, the new plan is compared with an earlier plan
 * file ({@link PlanDiff}; {@code --all} reads {@code DIR/<stack>.json}), the changes are printed, and the plan file
 * gains a top-level {@code "changes"} array. {@code readme} is {@link ReadmeCommand}.
 *
 * <p>Exit codes ({@link ExitCodes}): 0 planned (and, with {@code --against}, nothing stateful is replaced, deleted or
 * loses data, and no running work is disrupted); 1 the program failed; 2 usage, unknown stack, unreadable stack file or
 * earlier plan, invalid configuration, or (with {@code --against}) a change AWS or the Kubernetes API would refuse
 * part-way (messages only, no stack trace, no plan written); 3 with {@code --against}: a stateful resource would be
 * replaced or deleted, or retained data destroyed (each listed with the reason); 4 with {@code --against}: running
 * jobs or notebook kernels would stop, or clients holding an ID break (node groups replaced or rolled, namespace,
 * virtual cluster, interactive endpoint or job template replaced): deploy in a maintenance window. When several
 * apply, the lowest of 2, 3, 4 wins.
 */
public final class PlanCommand {

    public static final int OK = ExitCodes.OK;
    public static final int PROGRAM_FAILED = ExitCodes.PROGRAM_FAILED;
    public static final int BAD_INPUT = ExitCodes.BAD_INPUT;
    public static final int STATEFUL_AT_RISK = ExitCodes.STATEFUL_AT_RISK;
    public static final int DISRUPTS_RUNNING_WORK = ExitCodes.DISRUPTS_RUNNING_WORK;

    private static final String ALL = "--all";
    static final String USAGE = "usage: java -jar target/big-data-stack.jar plan <stack>|--all [--against EARLIER.json|DIR] [--project-dir DIR]\n"
            + "       java -jar target/big-data-stack.jar readme [--check] [--project-dir DIR]";

    private PlanCommand() {
    }

    private static PlanInsight plan(StackConfig config, String stack) {
        return PlanInsight.of(Planner.plan(config, stack), config.region());
    }

    /** What the operator must read before deploying (e.g. the interactive endpoint's Kubernetes caveat). */
    static java.util.List<String> caveats(StackConfig config, java.time.LocalDate today) {
        var caveats = new ArrayList<>(config.studioOnEks().caveats(config.cluster().kubernetesVersion()));
        caveats.addAll(io.bigdatastack.cost.CostCaveats.of(config)); // The same warnings `pulumi up` logs (BigDataStack.defineCost).
        // The same warning `pulumi up` logs (App.run) in a version's last days of standard support.
        io.bigdatastack.cluster.KubernetesVersions.upcomingEndOfStandardSupport(config.cluster().kubernetesVersion(),
                config.cluster().supportType(), today).ifPresent(caveats::add);
        // The committed prod example allows 203.0.113.0/24: a documentation range nobody connects from. A secret list
        // was replaced by placeholders of that very range (SecretPlaceholders), so it is not judged here.
        if (!config.secretKeys().contains(io.bigdatastack.config.ConfigKeys.ENDPOINT_PUBLIC_ACCESS_CIDRS.name())) {
            io.bigdatastack.network.SpecialAddressBlocks.documentationOnlyWarning("big-data-stack:"
                    + io.bigdatastack.config.ConfigKeys.ENDPOINT_PUBLIC_ACCESS_CIDRS.name(), config.cluster().endpointPublicAccessCidrs())
                    .ifPresent(caveats::add);
        }
        // plan reads stack files only, so every secret key here had a placeholder value (SecretPlaceholders).
        if (!config.secretKeys().isEmpty()) {
            caveats.add(SecretPlaceholders.caveat(config.secretKeys()));
        }
        return caveats;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, io.bigdatastack.support.WallClock.get());
    }

    /** As {@link #run(String[], PrintStream, PrintStream)}, judging support windows by {@code clock} (tests fix it). */
    public static int run(String[] args, PrintStream out, PrintStream err, java.time.Clock clock) {
        if (args.length < 2 || !args[0].equals("plan") || (args[1].startsWith("-") && !args[1].equals(ALL))) {
            err.println(USAGE);
            return BAD_INPUT;
        }
        var stack = args[1];
        var projectDir = Path.of(".");
        Path against = null;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--project-dir") && i + 1 < args.length) {
                projectDir = Path.of(args[++i]);
            } else if (args[i].equals("--against") && i + 1 < args.length) {
                against = Path.of(args[++i]);
            } else {
                err.println("unknown argument '" + args[i] + "'\n" + USAGE);
                return BAD_INPUT;
            }
        }
        if (!Files.isRegularFile(projectDir.resolve("Pulumi.yaml"))) {
            err.println("no Pulumi.yaml in " + projectDir.toAbsolutePath().normalize() + ": run plan from the project root or pass --project-dir");
            return BAD_INPUT;
        }
        var planDir = projectDir.resolve("target").resolve("plan");
        try {
            if (stack.equals(ALL)) {
                return planAll(projectDir, planDir, against, out, err, clock);
            }
            // The stack file and the earlier plan are both input: every problem of both is reported at once. The earlier
            // plan is read before planning, as it may be the very file this run overwrites.
            var problems = new ArrayList<String>();
            StackConfig loaded = null;
            try {
                loaded = Planner.load(projectDir, stack, clock);
            } catch (StackFiles.StackFileException | io.bigdatastack.config.InvalidConfigException e) {
                problems.add(e.getMessage());
            }
            var earlier = Optional.<JsonObject>empty();
            if (against != null) {
                try {
                    earlier = Optional.of(readEarlierPlan(against, StackFiles.projectName(projectDir), stack));
                } catch (EarlierPlanException e) {
                    problems.add(e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                err.println(String.join("\n", problems));
                return BAD_INPUT;
            }
            var config = loaded;
            var insight = plan(config, stack);
            var plan = insight.plan();
            var planJson = PlanJson.toJson(plan);
            var additions = new JsonObject();
            Optional<PlanDiff.Result> diff = earlier.isPresent() ? Optional.of(PlanDiff.compare(earlier.get(), planJson, Planner.STATEFUL))
                    : Optional.empty();
            var againstText = String.valueOf(against);
            if (diff.isPresent()) {
                PlanDiff.print(diff.get(), againstText, out);
                out.println();
                if (diff.get().refused()) {
                    err.println("refused: " + diff.get().refusals().size() + " change(s) AWS or the Kubernetes API would refuse part-way"
                            + " (listed above); nothing was written");
                    return BAD_INPUT;
                }
                additions.add("changes", PlanDiff.toJson(diff.get(), againstText));
            }
            var file = insight.writePlanJson(planDir, planJson, additions);
            var diagram = insight.writeMarkdown(planDir);
            if (diff.isEmpty()) {
                PlanPrinter.print(plan, out);
                out.println();
                insight.printCost(out);
                out.println();
            }
            var caveats = caveats(config, java.time.LocalDate.now(clock));
            if (!caveats.isEmpty()) {
                out.println("Caveats:");
                caveats.forEach(caveat -> out.println(TerminalText.wrapped(caveat, "    - ", "      ")));
                out.println();
            }
            out.println("Plan written to " + projectDir.relativize(file).normalize());
            out.println("Diagram written to " + projectDir.relativize(diagram).normalize());
            return diff.map(PlanCommand::exitCode).orElse(OK);
        } catch (RuntimeException e) {
            return ExitCodes.report(e, err);
        } catch (IOException e) {
            return ExitCodes.report(e, err);
        }
    }

    private static int planAll(Path projectDir, Path planDir, Path againstDir, PrintStream out, PrintStream err, java.time.Clock clock) throws IOException {
        if (againstDir != null && !Files.isDirectory(againstDir)) {
            throw new EarlierPlanException("--against " + againstDir + ": with --all, give a directory of earlier plan files (<stack>.json)");
        }
        // Every stack file and every earlier plan is read before anything is planned or written.
        var configs = new LinkedHashMap<String, StackConfig>();
        var earlier = new LinkedHashMap<String, Optional<JsonObject>>();
        var problems = new ArrayList<String>();
        var project = StackFiles.projectName(projectDir);
        for (var stack : StackFiles.stacks(projectDir)) {
            try {
                configs.put(stack, Planner.load(projectDir, stack, clock));
            } catch (StackFiles.StackFileException | io.bigdatastack.config.InvalidConfigException e) {
                problems.add(e.getMessage());
            }
            if (againstDir != null) {
                try {
                    var file = againstDir.resolve(stack + ".json");
                    earlier.put(stack, Files.isRegularFile(file) ? Optional.of(readEarlierPlan(file, project, stack)) : Optional.empty());
                } catch (EarlierPlanException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            err.println(String.join("\n", problems));
            err.println("nothing was planned: fix the problems above first");
            return BAD_INPUT;
        }
        // Plan and compare every stack first; write only when no stack's change is refused.
        var planned = new LinkedHashMap<String, PlanInsight>();
        var planJsons = new LinkedHashMap<String, JsonObject>();
        var diffs = new LinkedHashMap<String, PlanDiff.Result>();
        for (var entry : configs.entrySet()) {
            var stack = entry.getKey();
            var insight = plan(entry.getValue(), stack);
            var planJson = PlanJson.toJson(insight.plan());
            planned.put(stack, insight);
            planJsons.put(stack, planJson);
            if (againstDir != null) {
                var before = earlier.get(stack).orElseGet(() -> emptyPlan(insight.plan()));
                diffs.put(stack, PlanDiff.compare(before, planJson, Planner.STATEFUL));
            }
        }
        var refusedStacks = diffs.entrySet().stream().filter(e -> e.getValue().refused()).map(java.util.Map.Entry::getKey).toList();
        if (!refusedStacks.isEmpty()) {
            for (var stack : refusedStacks) {
                PlanDiff.print(diffs.get(stack), againstDir.resolve(stack + ".json").toString(), out);
                out.println();
            }
            err.println("refused in " + String.join(", ", refusedStacks) + ": changes AWS or the Kubernetes API would refuse part-way"
                    + " (listed above); nothing was written");
            return BAD_INPUT;
        }
        int exit = OK;
        for (var entry : configs.entrySet()) {
            var stack = entry.getKey();
            var insight = planned.get(stack);
            var additions = new JsonObject();
            var diff = Optional.ofNullable(diffs.get(stack));
            diff.ifPresent(d -> additions.add("changes", PlanDiff.toJson(d, againstDir.resolve(stack + ".json").toString())));
            var file = insight.writePlanJson(planDir, planJsons.get(stack), additions);
            insight.writeMarkdown(planDir);
            out.println("planned " + stack + ": " + insight.plan().resources().size() + " resources, idle "
                    + "$" + insight.cost().monthlyTotal().toPlainString() + "/month" + " -> " + projectDir.relativize(file).normalize());
            caveats(entry.getValue(), java.time.LocalDate.now(clock)).forEach(caveat -> out.println(TerminalText.wrapped(caveat, "  caveat: ", "          ")));
            if (diff.isPresent()) {
                if (earlier.get(stack).isEmpty()) {
                    out.println("  no earlier plan " + againstDir.resolve(stack + ".json") + ": a new stack, every resource is created");
                }
                PlanDiff.print(diff.get(), againstDir.resolve(stack + ".json").toString(), out);
                out.println();
                exit = worse(exit, exitCode(diff.get()));
            }
        }
        printNameClashes(configs, planned, out);
        return exit;
    }

    /**
     * Names two stack files would both ask AWS for ({@link io.bigdatastack.plan.NameClashes}): a failed or shared resource
     * in one account. A warning, after every stack's lines: unless both stack files name their account (the account of
     * {@code aws:assumeRole}'s role), they do not say whether the stacks share one.
     */
    private static void printNameClashes(java.util.Map<String, StackConfig> configs, java.util.Map<String, PlanInsight> planned, PrintStream out) {
        var stacks = configs.entrySet().stream().map(e -> new io.bigdatastack.plan.NameClashes.PlannedStack(e.getKey(),
                e.getValue().region(), e.getValue().cluster().deployerCredentials().roleArn().flatMap(io.bigdatastack.plan.NameClashes::accountOf),
                planned.get(e.getKey()).plan())).toList();
        var clashes = io.bigdatastack.plan.NameClashes.between(stacks);
        if (clashes.isEmpty()) {
            return;
        }
        out.println(TerminalText.wrapped("warning: stacks of this project ask AWS for the same names. In one account the second"
                + " `pulumi up` fails part-way with \"already exists\", or shares the first stack's queue, rule or topic."
                + " Names of different stacks meet when a stack name followed by a team name spells another stack's name"
                + " (prod + team eu, stack prod-eu), when two stacks set the same clusterName, or when stack names differ only"
                + " in case or in '-' against '_'. Rename the team, the stack or clusterName, or deploy them to different"
                + " accounts (aws:assumeRole roles of different accounts silence this):", "", ""));
        clashes.forEach(clash -> out.println(TerminalText.wrapped(clash, "  - ", "    ")));
    }

    /** The exit code of {@code plan --against} for a review: refused 2, data at risk 3, disrupts running work 4, else 0. */
    static int exitCode(PlanDiff.Result result) {
        if (result.refused()) {
            return BAD_INPUT;
        }
        if (result.risky()) {
            return STATEFUL_AT_RISK;
        }
        return result.disrupts() ? DISRUPTS_RUNNING_WORK : OK;
    }

    /** Of two exit codes of the review, the one that matters more: 2 (refused) before 3 (data) before 4 (disruption) before 0. */
    static int worse(int a, int b) {
        var order = java.util.List.of(BAD_INPUT, STATEFUL_AT_RISK, DISRUPTS_RUNNING_WORK, OK);
        return order.indexOf(a) <= order.indexOf(b) ? a : b;
    }

    private static JsonObject emptyPlan(Plan plan) {
        var empty = new JsonObject();
        empty.addProperty("project", plan.project());
        empty.addProperty("stack", plan.stack());
        empty.add("resources", new com.google.gson.JsonArray());
        return empty;
    }

    /** An earlier plan file that cannot be compared: missing, not JSON, not a plan, or another stack's. */
    static final class EarlierPlanException extends ExitCodes.BadInputException {
        EarlierPlanException(String message) {
            super(message);
        }
    }

    /** Plan files of this project are well under a megabyte; anything far larger is not one (and must not exhaust memory). */
    static final long MAX_EARLIER_PLAN_BYTES = 32L * 1024 * 1024;
    /** The plan-file contract nests a few levels (inputs are resource arguments); far deeper is not a plan file. */
    static final int MAX_EARLIER_PLAN_DEPTH = 64;
    /** At most this many problems of one file are listed. */
    private static final int MAX_PROBLEMS = 10;

    /**
     * The earlier plan file given to {@code --against}, checked as input like any other before anything is compared:
     * it exists and is a regular file of a sane size, is JSON nested no deeper than a plan file, is a plan of this
     * project and of this stack, and each resource has the members the review reads, of the right kind.
     */
    static JsonObject readEarlierPlan(Path file, String project, String stack) {
        var where = "--against " + file + ": ";
        if (!Files.isRegularFile(file)) {
            throw new EarlierPlanException(where + "no such file (give the plan file `plan " + stack + "` wrote before the change)");
        }
        String text;
        try {
            var size = Files.size(file);
            if (size > MAX_EARLIER_PLAN_BYTES) {
                throw new EarlierPlanException(where + "is " + size + " bytes; a plan file is far smaller (limit " + MAX_EARLIER_PLAN_BYTES
                        + " bytes): not a plan file of this project");
            }
            text = Files.readString(file);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new EarlierPlanException(where + "cannot be read as UTF-8 text: " + e.getMessage());
        }
        if (text.isBlank()) {
            throw new EarlierPlanException(where + "is empty (expected the JSON plan file `plan " + stack + "` writes)");
        }
        int depth = nesting(text);
        if (depth > MAX_EARLIER_PLAN_DEPTH) {
            throw new EarlierPlanException(where + "nests " + depth + " levels deep; a plan file nests far less (limit "
                    + MAX_EARLIER_PLAN_DEPTH + "): not a plan file");
        }
        com.google.gson.JsonElement parsed;
        try {
            var reader = new com.google.gson.stream.JsonReader(new java.io.StringReader(text));
            reader.setLenient(false);
            parsed = JsonParser.parseReader(reader);
            boolean ended;
            try {
                ended = reader.peek() == com.google.gson.stream.JsonToken.END_DOCUMENT;
            } catch (IOException e) {
                ended = false;
            }
            if (!ended) {
                throw new EarlierPlanException(where + "not JSON: text follows the end of the document");
            }
        } catch (JsonParseException | IllegalStateException e) {
            // Gson wraps the reader's own exception; its message says where (line, column, path).
            var cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
            throw new EarlierPlanException(where + "not JSON: " + cause.getMessage().replace("Use JsonReader.setLenient(true) to accept malformed JSON", "malformed JSON"));
        }
        if (!parsed.isJsonObject() || !parsed.getAsJsonObject().has("resources") || !parsed.getAsJsonObject().get("resources").isJsonArray()) {
            throw new EarlierPlanException(where + "not a plan file (expected a JSON object with a \"resources\" array)");
        }
        var document = parsed.getAsJsonObject();
        var earlierProject = stringMember(document, "project");
        if (earlierProject == null || !earlierProject.equals(project)) {
            throw new EarlierPlanException(where + (earlierProject == null ? "has no \"project\"" : "a plan of project '" + earlierProject + "'")
                    + ", not of '" + project + "' (every URN names its project, so nothing would match)");
        }
        var earlierStack = stringMember(document, "stack");
        if (earlierStack == null || !earlierStack.equals(stack)) {
            throw new EarlierPlanException(where + (earlierStack == null ? "has no \"stack\"" : "a plan of stack '" + earlierStack + "'")
                    + ", not of '" + stack + "' (every URN names its stack, so nothing would match)");
        }
        var problems = new ArrayList<String>();
        var urns = new java.util.HashSet<String>();
        var prefix = "urn:pulumi:" + stack + "::" + project + "::";
        var resources = document.getAsJsonArray("resources");
        for (int i = 0; i < resources.size() && problems.size() < MAX_PROBLEMS; i++) {
            var at = "resources[" + i + "]";
            if (!resources.get(i).isJsonObject()) {
                problems.add(at + ": not an object");
                continue;
            }
            var resource = resources.get(i).getAsJsonObject();
            for (var member : java.util.List.of("urn", "type", "name")) {
                if (stringMember(resource, member) == null) {
                    problems.add(at + "." + member + ": missing or not a string");
                }
            }
            var urn = stringMember(resource, "urn");
            if (urn != null && !urn.startsWith(prefix)) {
                problems.add(at + ".urn: '" + urn + "' is not a URN of " + project + "/" + stack + " (expected it to start with " + prefix + ")");
            } else if (urn != null && !urns.add(urn)) {
                problems.add(at + ".urn: '" + urn + "' is listed twice");
            }
            if (!resource.has("inputs") || !resource.get("inputs").isJsonObject()) {
                problems.add(at + ".inputs: missing or not an object");
            }
            for (var member : java.util.List.of("parent", "provider")) {
                var value = resource.get(member);
                if (value != null && !value.isJsonNull() && !(value.isJsonPrimitive() && value.getAsJsonPrimitive().isString())) {
                    problems.add(at + "." + member + ": expected a URN or null");
                }
            }
            for (var member : java.util.List.of("options", "propertyDependencies")) {
                var value = resource.get(member);
                if (value != null && !value.isJsonObject()) {
                    problems.add(at + "." + member + ": expected an object");
                }
            }
            var dependencies = resource.get("propertyDependencies");
            if (dependencies != null && dependencies.isJsonObject()) {
                for (var entry : dependencies.getAsJsonObject().entrySet()) {
                    if (!entry.getValue().isJsonArray() || !allStrings(entry.getValue().getAsJsonArray())) {
                        problems.add(at + ".propertyDependencies." + entry.getKey() + ": expected a list of URNs");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new EarlierPlanException(where + "not a plan file `plan` writes:\n    " + String.join("\n    ", problems)
                    + (problems.size() >= MAX_PROBLEMS ? "\n    (more problems not listed)" : ""));
        }
        return document;
    }

    private static String stringMember(JsonObject object, String member) {
        var value = object.get(member);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString() : null;
    }

    private static boolean allStrings(com.google.gson.JsonArray array) {
        for (var element : array) {
            if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
                return false;
            }
        }
        return true;
    }

    /** The deepest nesting of objects and arrays in JSON text (strings skipped), without parsing it. */
    static int nesting(String text) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return deepest;
    }
}
