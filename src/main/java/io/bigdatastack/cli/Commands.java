package io.bigdatastack.cli;

import java.io.PrintStream;

/**
 * The program's commands, at the edge of the code: {@code plan} ({@link PlanCommand}) and {@code readme}
 * ({@link ReadmeCommand}). {@code App} hands over here when it is given arguments; without any it is the Pulumi program.
 * A new command is one class in this package and one line here.
 */
public final class Commands {

    private Commands() {
    }

    /** Runs the command {@code args[0]} names; returns its exit code ({@link ExitCodes}). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("readme")) {
            return ReadmeCommand.run(args, out, err);
        }
        return PlanCommand.run(args, out, err);
    }
}
