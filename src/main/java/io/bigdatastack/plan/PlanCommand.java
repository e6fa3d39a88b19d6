package io.bigdatastack.plan;

import io.bigdatastack.BigDataStack;
import io.bigdatastack.config.InvalidConfigException;
import io.bigdatastack.config.StackConfig;
import io.bigdatastack.insight.PlanInsight;
import io.bigdatastack.insight.ReadmeCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code plan <stack> [--project-dir DIR]}: runs the program offline against {@link AwsMockEngine}, prints the
 * resource tree, outputs and idle cost estimate, and writes {@code target/plan/<stack>.json} (with a {@code "cost"}
 * object) and {@code target/plan/<stack>.md} (architecture diagram). {@code plan --all} does so for every
 * {@code Pulumi.<stack>.yaml} and prints one line each (the build runs it before the policy check).
 * {@code readme} is {@link ReadmeCommand}.
 *
 * <p>Exit codes: 0 planned; 1 the program failed; 2 usage, unknown stack or invalid configuration (messages only,
 * no stack trace).
 */
public final class PlanCommand {

    public static final int OK = 0;
    public static final int PROGRAM_FAILED = 1;
    public static final int BAD_INPUT = 2;

    private static final String ALL = "--all";
    private static final String USAGE = "usage: java -jar target/big-data-stack.jar plan <stack>|--all [--project-dir DIR]\n"
            + "       java -jar target/big-data-stack.jar readme [--check] [--project-dir DIR]";

    private PlanCommand() {
    }

    private static PlanInsight plan(StackConfig config, String stack) {
        var plan = PlanRunner.run(config.naming().project(), stack, config.region(), ctx -> BigDataStack.define(ctx, config));
        return PlanInsight.of(plan, config.region());
    }

    /** What the operator must read before deploying (e.g. the interactive endpoint's Kubernetes caveat). */
    static java.util.List<String> caveats(StackConfig config) {
        return config.studioOnEks().caveats(config.cluster().kubernetesVersion());
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("readme")) {
            return ReadmeCommand.run(args, out, err);
        }
        if (args.length < 2 || !args[0].equals("plan") || (args[1].startsWith("-") && !args[1].equals(ALL))) {
            err.println(USAGE);
            return BAD_INPUT;
        }
        var stack = args[1];
        var projectDir = Path.of(".");
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--project-dir") && i + 1 < args.length) {
                projectDir = Path.of(args[++i]);
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
                for (var each : StackFiles.stacks(projectDir)) {
                    var eachConfig = StackConfig.load(StackFiles.read(projectDir, each));
                    var insight = plan(eachConfig, each);
                    var file = insight.writePlanJson(planDir);
                    insight.writeMarkdown(planDir);
                    out.println("planned " + each + ": " + insight.plan().resources().size() + " resources, idle "
                            + "$" + insight.cost().monthlyTotal().toPlainString() + "/month" + " -> " + projectDir.relativize(file).normalize());
                    caveats(eachConfig).forEach(caveat -> out.println("  caveat: " + caveat));
                }
                return OK;
            }
            var config = StackConfig.load(StackFiles.read(projectDir, stack));
            var insight = plan(config, stack);
            var plan = insight.plan();
            var file = insight.writePlanJson(planDir);
            var diagram = insight.writeMarkdown(planDir);
            PlanPrinter.print(plan, out);
            out.println();
            insight.printCost(out);
            out.println();
            var caveats = caveats(config);
            if (!caveats.isEmpty()) {
                out.println("Caveats:");
                caveats.forEach(caveat -> out.println("    - " + caveat));
                out.println();
            }
            out.println("Plan written to " + projectDir.relativize(file).normalize());
            out.println("Diagram written to " + projectDir.relativize(diagram).normalize());
            return OK;
        } catch (StackFiles.UnknownStackException | InvalidConfigException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        } catch (PlanRunner.PlanFailedException e) {
            err.println("plan failed: " + e.getMessage());
            return PROGRAM_FAILED;
        } catch (IOException e) {
            err.println("cannot read or write project files: " + e.getMessage());
            return BAD_INPUT;
        }
    }
}
