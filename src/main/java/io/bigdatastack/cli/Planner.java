package io.bigdatastack.cli;

import io.bigdatastack.stack.BigDataStack;
import io.bigdatastack.config.StackConfig;
import io.bigdatastack.plan.AwsMockEngine;
import io.bigdatastack.plan.Plan;
import io.bigdatastack.plan.PlanRunner;
import io.bigdatastack.plan.StatefulResources;
import io.bigdatastack.protection.Stateful;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The one way to plan a stack: stack files ({@link StackFiles}) → {@link StackConfig} → the whole program
 * ({@link BigDataStack#define}) against the mock engine ({@link PlanRunner}) → {@link Plan}. The {@code plan} and
 * {@code readme} commands and the tests' helpers all come here, so what a test plans is what {@code plan} plans.
 */
public final class Planner {

    /** The program's list of stateful resources ({@link Stateful}) as the change review reads it. */
    public static final StatefulResources STATEFUL = (type, parentType) -> Stateful.of(type, parentType)
            // Plans written before every team became an EmrTeam hold the original team's namespace and virtual
            // cluster directly under the EMR component: they are the same stateful resources.
            .or(() -> parentType.equals(io.bigdatastack.emr.EmrOnEks.TYPE) ? Stateful.of(type, io.bigdatastack.emr.EmrTeam.TYPE) : java.util.Optional.empty())
            .map(s -> new StatefulResources.Entry(s.description(), s.whatIsLost()));

    private Planner() {
    }

    /** A stack's validated configuration, judged against today's date (support windows). */
    public static StackConfig load(Path projectDir, String stack) throws IOException {
        return load(projectDir, stack, io.bigdatastack.support.WallClock.get());
    }

    /** As {@link #load(Path, String)}, judging dates by {@code clock} (tests fix it). */
    public static StackConfig load(Path projectDir, String stack, Clock clock) throws IOException {
        var read = StackFiles.readAsFarAsPossible(projectDir, stack);
        if (read.problems().isEmpty()) {
            return StackConfig.load(read.source(), clock);
        }
        // Every problem at once: the file's, then the configuration's on the keys the file could read. A key the file
        // refused is absent from the source, so what the configuration says about it ("missing") is left out.
        var problems = new java.util.ArrayList<>(read.problems());
        if (!read.onlyValuesRefused()) {
            throw new StackFiles.StackFileException(String.join("\n", problems));
        }
        try {
            StackConfig.load(read.source(), clock);
        } catch (io.bigdatastack.config.InvalidConfigException e) {
            e.problems().stream().filter(problem -> read.refusedKeys().stream().noneMatch(key -> aboutKey(problem, key))).forEach(problems::add);
        } catch (RuntimeException e) {
            // The configuration's checks only ever see complete files elsewhere; on what is left of a broken one, any
            // other failure is theirs to fix, not the user's: the file's own problems are reported as before.
        }
        throw new io.bigdatastack.config.InvalidConfigException(stack, problems);
    }

    /** A configuration problem names its key first ({@code big-data-stack:teams[0].cpuQuota: ...}). */
    private static boolean aboutKey(String problem, String key) {
        return problem.startsWith(key + ":") || problem.startsWith(key + "[") || problem.startsWith(key + ".")
                || problem.startsWith(key + " ");
    }

    /** The whole program planned for {@code config} as stack {@code stack}. */
    public static Plan plan(StackConfig config, String stack) {
        return plan(config, stack, new AwsMockEngine(config.region()));
    }

    /** As {@link #plan(StackConfig, String)}, against a given engine (tests make names missing). */
    public static Plan plan(StackConfig config, String stack, AwsMockEngine engine) {
        return PlanRunner.run(config.naming().project(), stack, engine, ctx -> BigDataStack.define(ctx, config));
    }
}
