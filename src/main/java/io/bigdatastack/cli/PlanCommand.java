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
 * loses data); 1 the program failed; 2 usage, unknown stack, unreadable stack file or earlier plan, or invalid
 * configuration (messages only, no stack trace, no plan written); 3 with {@code --against}: a stateful resource would be
 * replaced or deleted, or retained data destroyed (each listed with the reason).
 */
public final class PlanCommand {

    public static final int OK = ExitCodes.OK;
    public static final int PROGRAM_FAILED = ExitCodes.PROGRAM_FAILED;
    public static final int BAD_INPUT = ExitCodes.BAD_INPUT;
    public static final int STATEFUL_AT_RISK = ExitCodes.STATEFUL_AT_RISK;

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
            var config = Planner.load(projectDir, stack, clock);
            // Read before planning: the earlier plan may be the very file this run overwrites.
            var earlier = against == null ? Optional.<JsonObject>empty() : Optional.of(readEarlierPlan(against, stack));
            var insight = plan(config, stack);
            var plan = insight.plan();
            var additions = new JsonObject();
            Optional<PlanDiff.Result> diff = earlier.map(e -> PlanDiff.compare(e, PlanJson.toJson(plan), Planner.STATEFUL));
            var againstText = String.valueOf(against);
            diff.ifPresent(d -> additions.add("changes", PlanDiff.toJson(d, againstText)));
            var file = insight.writePlanJson(planDir, additions);
            var diagram = insight.writeMarkdown(planDir);
            if (diff.isPresent()) {
                PlanDiff.print(diff.get(), againstText, out);
            } else {
                PlanPrinter.print(plan, out);
                out.println();
                insight.printCost(out);
            }
            out.println();
            var caveats = caveats(config, java.time.LocalDate.now(clock));
            if (!caveats.isEmpty()) {
                out.println("Caveats:");
                caveats.forEach(caveat -> out.println(TerminalText.wrapped(caveat, "    - ", "      ")));
                out.println();
            }
            out.println("Plan written to " + projectDir.relativize(file).normalize());
            out.println("Diagram written to " + projectDir.relativize(diagram).normalize());
            return diff.filter(PlanDiff.Result::risky).isPresent() ? STATEFUL_AT_RISK : OK;
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
        for (var stack : StackFiles.stacks(projectDir)) {
            try {
                configs.put(stack, Planner.load(projectDir, stack, clock));
                if (againstDir != null) {
                    var file = againstDir.resolve(stack + ".json");
                    earlier.put(stack, Files.isRegularFile(file) ? Optional.of(readEarlierPlan(file, stack)) : Optional.empty());
                }
            } catch (StackFiles.StackFileException | io.bigdatastack.config.InvalidConfigException | EarlierPlanException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            err.println(String.join("\n", problems));
            err.println("nothing was planned: fix the problems above first");
            return BAD_INPUT;
        }
        boolean risky = false;
        for (var entry : configs.entrySet()) {
            var stack = entry.getKey();
            var insight = plan(entry.getValue(), stack);
            var additions = new JsonObject();
            Optional<PlanDiff.Result> diff = Optional.empty();
            if (againstDir != null) {
                var before = earlier.get(stack).orElseGet(() -> emptyPlan(insight.plan()));
                diff = Optional.of(PlanDiff.compare(before, PlanJson.toJson(insight.plan()), Planner.STATEFUL));
                additions.add("changes", PlanDiff.toJson(diff.get(), againstDir.resolve(stack + ".json").toString()));
            }
            var file = insight.writePlanJson(planDir, additions);
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
                risky |= diff.get().risky();
            }
        }
        return risky ? STATEFUL_AT_RISK : OK;
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

    static JsonObject readEarlierPlan(Path file, String stack) {
        if (!Files.isRegularFile(file)) {
            throw new EarlierPlanException("--against " + file + ": no such file (give the plan file `plan " + stack + "` wrote before the change)");
        }
        JsonObject document;
        try {
            var parsed = JsonParser.parseString(Files.readString(file));
            if (!parsed.isJsonObject() || !parsed.getAsJsonObject().has("resources") || !parsed.getAsJsonObject().get("resources").isJsonArray()) {
                throw new EarlierPlanException("--against " + file + ": not a plan file (expected a JSON object with a \"resources\" array)");
            }
            document = parsed.getAsJsonObject();
        } catch (IOException | JsonParseException | IllegalStateException e) {
            throw new EarlierPlanException("--against " + file + ": not readable as a plan file: " + e.getMessage());
        }
        var earlierStack = document.has("stack") ? document.get("stack").getAsString() : "";
        if (!earlierStack.equals(stack)) {
            throw new EarlierPlanException("--against " + file + ": a plan of stack '" + earlierStack + "', not of '" + stack
                    + "' (every URN names its stack, so nothing would match)");
        }
        return document;
    }

}
