package io.bigdatastack.cli;

import io.bigdatastack.config.InvalidConfigException;
import io.bigdatastack.plan.PlanRunner;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * The one mapping from outcomes to exit codes, shared by every command. 0 done; 1 the program failed (an exception
 * inside the Pulumi run), or {@code readme --check} found a stale block; 2 bad input: usage, unknown stack, unreadable
 * stack file or earlier plan, invalid configuration, or with {@code plan --against} a change AWS or the Kubernetes API
 * would refuse part-way (messages only, never a stack trace, nothing written); 3 {@code plan --against}: a stateful
 * resource would be replaced or deleted, or retained data destroyed; 4 {@code plan --against}: running work would be
 * disrupted (jobs or notebook kernels stop, or clients holding a virtual cluster, endpoint or job template ID break):
 * deploy in a maintenance window. 2 wins over 3, 3 over 4.
 */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int PROGRAM_FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int STATEFUL_AT_RISK = 3;
    public static final int DISRUPTS_RUNNING_WORK = 4;

    private ExitCodes() {
    }

    /** Thrown for bad input a command finds itself (a bad argument, an unusable file): exit code 2 with its message. */
    public static class BadInputException extends RuntimeException {
        public BadInputException(String message) {
            super(message);
        }
    }

    /**
     * Prints what went wrong, in the user's words, and returns the exit code for it. Anything not listed here is a
     * bug and propagates with its stack trace.
     */
    public static int report(RuntimeException e, PrintStream err) {
        if (e instanceof PlanRunner.PlanFailedException) {
            err.println("plan failed: " + e.getMessage());
            return PROGRAM_FAILED;
        }
        if (e instanceof UncheckedIOException io) {
            return report(io.getCause(), err);
        }
        if (e instanceof InvalidConfigException || e instanceof BadInputException || e instanceof StackFiles.UnknownStackException
                || e instanceof StackFiles.StackFileException) {
            err.println(e.getMessage());
            return BAD_INPUT;
        }
        throw e;
    }

    /** A project file that cannot be read or written: bad input (exit code 2). */
    public static int report(IOException e, PrintStream err) {
        err.println("cannot read or write project files: " + e.getMessage());
        return BAD_INPUT;
    }
}
