package io.bigdatastack.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The program's commands, at the edge of the code: {@code plan} ({@link PlanCommand}) and {@code readme}
 * ({@link ReadmeCommand}). {@code App} hands over here when it is given arguments, or when it was started without
 * arguments outside the Pulumi engine (a person running the jar): then it prints the usage instead of letting the SDK
 * fail with a stack trace. A new command is one class in this package and one line here.
 */
public final class Commands {

    /** What {@code --help} prints, and what a wrong command line prints on stderr. */
    public static final String USAGE = """
            usage: java -jar target/big-data-stack.jar <command> [options]

            commands:
              plan <stack>|--all [--against EARLIER.json|DIR] [--project-dir DIR]
                  plan the stack offline from Pulumi.<stack>.yaml (no AWS account, no Pulumi CLI): prints the resource
                  tree, outputs and idle cost, writes target/plan/<stack>.json and .md; --against compares with an
                  earlier plan file: exit 3 when a stateful resource would be replaced or deleted, 4 when running
                  work would be disrupted (node groups rolled or replaced, a namespace or virtual cluster replaced),
                  2 when AWS or Kubernetes would refuse the change (nothing is written)
              readme [--check] [--project-dir DIR]
                  regenerate README.md's generated blocks (--check: exit 1 when one is stale)
              help, --help, -h
                  this text

            Without arguments the program is the Pulumi program: `pulumi preview` and `pulumi up` run it.
            Exit codes: 0 done, 1 the program failed, 2 bad input or a refused change, 3 stateful at risk,
            4 disrupts running work (docs/plan-file.md).""";

    private static final List<String> HELP = List.of("help", "--help", "-h");

    /** The variables the Pulumi CLI sets for the program it runs; without them the SDK cannot reach the engine. */
    static final List<String> ENGINE_VARIABLES = List.of("PULUMI_MONITOR", "PULUMI_ENGINE", "PULUMI_PROJECT", "PULUMI_STACK");

    private Commands() {
    }

    /** Whether the Pulumi CLI started this process (its engine variables are all set). */
    public static boolean underPulumiEngine(Map<String, String> environment) {
        return ENGINE_VARIABLES.stream().allMatch(name -> environment.getOrDefault(name, "").length() > 0);
    }

    /**
     * Runs the command {@code args[0]} names; returns its exit code ({@link ExitCodes}). No arguments (outside the
     * engine): the usage on stderr, exit 2. {@code --help} anywhere: the usage on stdout, exit 0. An unknown command:
     * the usage on stderr, exit 2.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, io.bigdatastack.support.WallClock.get());
    }

    /** As {@link #run(String[], PrintStream, PrintStream)}, judging support windows by {@code clock} (tests fix it). */
    public static int run(String[] args, PrintStream out, PrintStream err, java.time.Clock clock) {
        if (args.length == 0) {
            err.println("no command given, and not started by the Pulumi CLI (run `pulumi preview` or `pulumi up` for that)");
            err.println(USAGE);
            return ExitCodes.BAD_INPUT;
        }
        if (Arrays.stream(args).anyMatch(HELP::contains)) {
            out.println(USAGE);
            return ExitCodes.OK;
        }
        return switch (args[0]) {
            case "plan" -> PlanCommand.run(args, out, err, clock);
            case "readme" -> ReadmeCommand.run(args, out, err, clock);
            default -> {
                err.println("unknown command '" + args[0] + "'");
                err.println(USAGE);
                yield ExitCodes.BAD_INPUT;
            }
        };
    }
}
