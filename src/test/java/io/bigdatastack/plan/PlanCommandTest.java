package io.bigdatastack.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanCommandTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = PlanCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path projectWith(Path dir, String stack, String stackFile) throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi." + stack + ".yaml"), stackFile);
        return dir;
    }

    @Test
    void plansAStackPrintsTheTreeAndWritesTheJson(@TempDir Path dir) throws Exception {
        projectWith(dir, "qa", "config:\n  aws:region: eu-west-1\n  big-data-stack:studioAdminUser: jane\n");
        var run = run("plan", "qa", "--project-dir", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("pulumi:pulumi:Stack"), run.out());
        assertTrue(run.out().contains("├─ aws:ec2/vpc:Vpc") || run.out().contains("└─ aws:ec2/vpc:Vpc"), run.out());
        assertTrue(run.out().contains("VpcId: \"vpc-"), run.out());
        assertTrue(run.out().matches("(?s).*\\+ \\d+ to create.*"), run.out());
        assertTrue(Files.isRegularFile(dir.resolve("target/plan/qa.json")));
    }

    @Test
    void anUnknownStackListsTheStacksThereAre(@TempDir Path dir) throws Exception {
        projectWith(dir, "qa", "config:\n  aws:region: eu-west-1\n");
        Files.writeString(dir.resolve("Pulumi.staging.yaml"), "config: {}\n");
        var run = run("plan", "nope", "--project-dir", dir.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown stack 'nope'") && run.err().contains("qa, staging"), run.err());
    }

    @Test
    void badConfigExitsTwoWithEveryMessageAndNoStackTrace(@TempDir Path dir) throws Exception {
        projectWith(dir, "qa", """
                config:
                  aws:region: eu-west-1
                  big-data-stack:studioAdminUser: jane
                  big-data-stack:azCount: 12
                  big-data-stack:kubernetesVersion: "1.19"
                """);
        var run = run("plan", "qa", "--project-dir", dir.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("big-data-stack:azCount: got '12'"), run.err());
        assertTrue(run.err().contains("big-data-stack:kubernetesVersion: got '1.19'"), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        assertFalse(Files.exists(dir.resolve("target/plan/qa.json")), "nothing is written for a bad config");
    }

    @Test
    void allPlansEveryStackFile(@TempDir Path dir) throws Exception {
        projectWith(dir, "qa", "config:\n  aws:region: eu-west-1\n  big-data-stack:studioAdminUser: jane\n");
        Files.writeString(dir.resolve("Pulumi.staging.yaml"), "config:\n  aws:region: us-east-2\n  big-data-stack:studioAdminUser: jo\n");
        var run = run("plan", "--all", "--project-dir", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("planned qa: ") && run.out().contains("planned staging: "), run.out());
        assertTrue(Files.isRegularFile(dir.resolve("target/plan/qa.json")));
        assertTrue(Files.isRegularFile(dir.resolve("target/plan/staging.json")));
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("plan").exitCode());
        assertEquals(2, run("deploy", "dev").exitCode());
        assertEquals(2, run("plan", "dev", "--bogus").exitCode());
    }
}
