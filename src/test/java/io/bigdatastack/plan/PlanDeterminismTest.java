package io.bigdatastack.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Running the program twice must produce the same inputs, or every `pulumi up` would update something. Two separate
 * JVMs, because some orders (Map.of iteration, identity hashes) only change from one JVM start to the next: a fresh
 * one, and this test JVM, which within the suite has usually run other tests' plans before, so a cache or counter that
 * leaks from one plan into the next shows here too.
 */
class PlanDeterminismTest {

    @Test
    void twoJvmsPlanTheSameStackIdentically(@TempDir Path inFreshJvm, @TempDir Path inThisJvm) throws Exception {
        // The fresh JVM is mostly class loading and JIT warm-up: it runs while this one plans the same stack.
        var fresh = startPlanInFreshJvm(inFreshJvm);
        try {
            writeProject(inThisJvm);
            var err = new java.io.ByteArrayOutputStream();
            var exit = io.bigdatastack.cli.PlanCommand.run(new String[] {"plan", "prod", "--project-dir", inThisJvm.toString()},
                    new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), new java.io.PrintStream(err), io.bigdatastack.testing.TestStacks.CLOCK);
            assertEquals(0, exit, err::toString);
            assertEquals(Files.readString(inThisJvm.resolve("target/plan/prod.json")), Files.readString(awaitPlan(fresh, inFreshJvm)));
        } finally {
            fresh.destroyForcibly();
        }
    }

    private static void writeProject(Path projectDir) throws java.io.IOException {
        // prod with two teams and budgets: the stack with the most kinds of resource (cost reports, the team cost view,
        // budgets, team Glue databases), so an order that changes between JVMs anywhere in them shows here.
        Files.copy(Path.of("Pulumi.yaml"), projectDir.resolve("Pulumi.yaml"));
        Files.writeString(projectDir.resolve("Pulumi.prod.yaml"), Files.readString(Path.of("Pulumi.prod.yaml")) + """
                  big-data-stack:monthlyBudget: "2500"
                  big-data-stack:teams:
                    - name: analytics
                      cpuQuota: "32"
                      memoryQuota: 128Gi
                      glueCatalogAccess: true
                      monthlyBudget: "500"
                      budgetEmails: [owner@example.com]
                    - name: ml
                """);
    }

    private static Process startPlanInFreshJvm(Path projectDir) throws Exception {
        writeProject(projectDir);
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // FixedDatePlan skips App.main, and with it the guard against the pinned SDK's livelock on Java 25 with a
        // one-worker common pool (CommonPoolParallelism, pulumi-java#2270): the child gets this JVM's parallelism
        // (surefire's argLine) explicitly, and a bounded wait, so a livelock fails the test instead of hanging CI.
        // C1 only and the serial collector: a short run's start-up options (bench/plan-startup.sh), half the CPU time.
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djava.util.concurrent.ForkJoinPool.common.parallelism=" + ForkJoinPool.getCommonPoolParallelism(),
                "-cp", System.getProperty("java.class.path"), FixedDatePlan.class.getName(),
                "plan", "prod", "--project-dir", projectDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(projectDir.resolve("plan.log").toFile())
                .start();
    }

    private static Path awaitPlan(Process process, Path projectDir) throws Exception {
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("plan in a fresh JVM did not finish in 3 minutes: " + readQuietly(projectDir.resolve("plan.log")));
        }
        assertEquals(0, process.exitValue(), () -> readQuietly(projectDir.resolve("plan.log")));
        return projectDir.resolve("target/plan/prod.json");
    }

    /** {@code plan} in a fresh JVM, judging support windows by TestStacks.CLOCK (App.main would use today's date). */
    static final class FixedDatePlan {
        public static void main(String[] args) {
            System.exit(io.bigdatastack.cli.PlanCommand.run(args, System.out, System.err, io.bigdatastack.testing.TestStacks.CLOCK));
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
