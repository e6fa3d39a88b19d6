package io.bigdatastack.cli;

import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/karpenter.md's "Switching a running stack" shows what the review prints for a direct switch of dev and for the
 * two-step switch; this replays the three reviews on the real planner and holds the page's summary lines and exit codes
 * to them.
 */
class KarpenterMigrationDocTest {

    @TempDir
    Path project;

    private record Review(int exitCode, String out) {
        String summary() {
            return out.lines().filter(line -> line.startsWith("Resources: ")).findFirst().orElse("(no summary)");
        }
    }

    private Review review(String extraConfig, Path against) throws Exception {
        Files.writeString(project.resolve("Pulumi.dev.yaml"), Files.readString(Path.of("Pulumi.dev.yaml")) + extraConfig);
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        var args = against == null
                ? new String[]{"plan", "dev", "--project-dir", project.toString()}
                : new String[]{"plan", "dev", "--project-dir", project.toString(), "--against", against.toString()};
        int code = PlanCommand.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), TestStacks.CLOCK);
        return new Review(code, stdout.toString(StandardCharsets.UTF_8) + stderr.toString(StandardCharsets.UTF_8));
    }

    private Path keep(String name) throws Exception {
        return Files.copy(project.resolve("target/plan/dev.json"), project.resolve(name));
    }

    @Test
    void thePageShowsWhatTheReviewPrints() throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        assertEquals(PlanCommand.OK, review("", null).exitCode());
        var running = keep("running.json");

        var direct = review("  big-data-stack:nodeProvisioner: karpenter\n", running);
        var stepOne = review("  big-data-stack:nodeProvisioner: karpenter\n  big-data-stack:nodeProvisionerMigration: true\n", running);
        var afterStepOne = keep("step-one.json");
        var stepTwo = review("  big-data-stack:nodeProvisioner: karpenter\n", afterStepOne);

        for (var run : List.of(direct, stepOne, stepTwo)) {
            assertEquals(PlanCommand.DISRUPTS_RUNNING_WORK, run.exitCode(), run.out());
        }
        assertFalse(stepOne.out().contains(" -  delete "), "step 1 deletes nothing:\n" + stepOne.out());
        // "it exits 4 only for the job template's new ID": the one numbered step of its disruption list.
        var disrupting = Pattern.compile("(?m)^  \\d+\\. (\\w+ \\S+ \\S+)$").matcher(stepOne.out()).results().map(m -> m.group(1)).toList();
        assertEquals(List.of("update aws:cloudformation/stack:Stack dev-emr-job-template"), disrupting, stepOne.out());
        assertTrue(stepTwo.out().contains(" -  delete    aws:eks/nodeGroup:NodeGroup  dev-spot"), stepTwo.out());
        assertFalse(stepTwo.out().contains(" +  create "), "step 2 only retires:\n" + stepTwo.out());

        var page = Files.readString(Path.of("docs/karpenter.md"));
        var shown = Pattern.compile("(?m)^Resources: .*$").matcher(page).results().map(m -> m.group()).toList();
        assertEquals(List.of(direct.summary(), stepOne.summary(), stepTwo.summary()), shown);
    }
}
