package io.bigdatastack.cli;

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
        int code = PlanCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), io.bigdatastack.testing.TestStacks.CLOCK);
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
    void planAllWarnsWhenTwoStacksWouldAskForTheSameNames(@TempDir Path dir) throws Exception {
        projectWith(dir, "prod", """
                config:
                  aws:region: us-east-1
                  big-data-stack:studioAdminUser: jane
                  big-data-stack:teams:
                    - name: emr-jobs
                    - name: eu
                """);
        Files.writeString(dir.resolve("Pulumi.prod-eu.yaml"), "config:\n  aws:region: us-east-1\n  big-data-stack:studioAdminUser: jane\n");
        var run = run("plan", "--all", "--project-dir", dir.toString());
        assertEquals(0, run.exitCode(), "a warning: whether the stacks share an account is not in the stack files\n" + run.err());
        assertTrue(run.out().contains("warning: stacks of this project ask AWS for the same names"), run.out());
        assertTrue(run.out().contains("  - aws:iam/role:Role big-data-stack-prod-eu-emr-job (account) asked for by prod"), run.out());
        assertTrue(Files.isRegularFile(dir.resolve("target/plan/prod-eu.json")));
        // Stacks whose names do not meet print no warning: NameClashesTest, on the same planner.
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

    @Test
    void allAgainstADirectoryComparesEveryStackWithItsEarlierPlan(@TempDir Path dir) throws Exception {
        projectWith(dir, "qa", "config:\n  aws:region: eu-west-1\n  big-data-stack:studioAdminUser: jane\n");
        Files.writeString(dir.resolve("Pulumi.staging.yaml"), "config:\n  aws:region: us-east-2\n  big-data-stack:studioAdminUser: jo\n");
        assertEquals(0, run("plan", "--all", "--project-dir", dir.toString()).exitCode());
        var earlier = Files.createDirectories(dir.resolve("committed"));
        Files.copy(dir.resolve("target/plan/qa.json"), earlier.resolve("qa.json"));
        // staging has no earlier plan: a new stack. qa changes its EMR namespace: stateful replacements.
        Files.writeString(dir.resolve("Pulumi.qa.yaml"), "config:\n  aws:region: eu-west-1\n  big-data-stack:studioAdminUser: jane\n"
                + "  big-data-stack:emrNamespace: spark\n");
        var run = run("plan", "--all", "--against", earlier.toString(), "--project-dir", dir.toString());
        assertEquals(3, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("no earlier plan") && run.out().contains("staging.json"), run.out());
        assertTrue(run.out().contains("STATEFUL RESOURCES AT RISK (2)") && run.out().contains("qa-emr-namespace"), run.out());
        var qa = com.google.gson.JsonParser.parseString(Files.readString(dir.resolve("target/plan/qa.json"))).getAsJsonObject();
        assertTrue(qa.getAsJsonArray("changes").size() > 0);
        var staging = com.google.gson.JsonParser.parseString(Files.readString(dir.resolve("target/plan/staging.json"))).getAsJsonObject();
        staging.getAsJsonArray("changes").forEach(c -> assertEquals("create", c.getAsJsonObject().get("action").getAsString()));
    }

    @Test
    void anEarlierPlanThatCannotBeComparedExitsTwo(@TempDir Path dir) throws Exception {
        projectWith(dir, "qa", "config:\n  aws:region: eu-west-1\n  big-data-stack:studioAdminUser: jane\n");
        Files.writeString(dir.resolve("notaplan.json"), "[1, 2]");
        Files.writeString(dir.resolve("other.json"), "{\"project\": \"big-data-stack\", \"stack\": \"prod\", \"resources\": []}");
        var missing = run("plan", "qa", "--project-dir", dir.toString(), "--against", dir.resolve("nope.json").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no such file"), missing.err());
        var notAPlan = run("plan", "qa", "--project-dir", dir.toString(), "--against", dir.resolve("notaplan.json").toString());
        assertEquals(2, notAPlan.exitCode());
        assertTrue(notAPlan.err().contains("not a plan file"), notAPlan.err());
        var otherStack = run("plan", "qa", "--project-dir", dir.toString(), "--against", dir.resolve("other.json").toString());
        assertEquals(2, otherStack.exitCode());
        assertTrue(otherStack.err().contains("a plan of stack 'prod', not of 'qa'"), otherStack.err());
        assertFalse(Files.exists(dir.resolve("target/plan/qa.json")));
    }

    /**
     * Issue 20: an earlier plan file is input like any other. Each bad file exits 2 naming the file and what is wrong,
     * without a stack trace or an out-of-memory error, before anything is planned or written.
     */
    @Test
    void malformedEmptyHugeDeepAndForeignEarlierPlansAreRefusedByName(@TempDir Path dir) throws Exception {
        projectWith(dir, "qa", "config:\n  aws:region: eu-west-1\n  big-data-stack:studioAdminUser: jane\n");
        var cases = new java.util.LinkedHashMap<String, String>();
        cases.put("{\"project\": \"big-data-stack\", \"stack\": \"qa\", \"resources\": [", "not JSON");
        cases.put("", "is empty");
        cases.put("  \n", "is empty");
        cases.put("[".repeat(200_000) + "]".repeat(200_000), "nests 200000 levels deep");
        cases.put("{\"project\": \"other-project\", \"stack\": \"qa\", \"resources\": []}", "a plan of project 'other-project', not of 'big-data-stack'");
        cases.put("{\"project\": \"big-data-stack\", \"stack\": \"qa\", \"resources\": [{\"urn\": \"urn:pulumi:prod::big-data-stack::aws:ec2/vpc:Vpc::v\","
                + " \"type\": \"aws:ec2/vpc:Vpc\", \"name\": \"v\", \"inputs\": {}}]}", "is not a URN of big-data-stack/qa");
        cases.put("{\"project\": \"big-data-stack\", \"stack\": \"qa\", \"resources\": [{\"urn\": 7, \"type\": [], \"inputs\": 1,"
                + " \"parent\": {}, \"propertyDependencies\": {\"x\": [1]}}]}", "resources[0].urn: missing or not a string");
        cases.put("{\"project\": \"big-data-stack\", \"stack\": \"qa\", \"resources\": []} trailing", "text follows the end");
        int index = 0;
        for (var entry : cases.entrySet()) {
            var file = dir.resolve("bad-" + index++ + ".json");
            Files.writeString(file, entry.getKey());
            var run = run("plan", "qa", "--project-dir", dir.toString(), "--against", file.toString());
            assertEquals(2, run.exitCode(), entry.getValue() + ": " + run.err());
            assertTrue(run.err().contains(file.toString()) && run.err().contains(entry.getValue()), run.err());
            assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
            assertFalse(Files.exists(dir.resolve("target/plan/qa.json")), "nothing written for " + entry.getValue());
        }
        // Every problem of a malformed resource at once.
        var many = run("plan", "qa", "--project-dir", dir.toString(), "--against", dir.resolve("bad-6.json").toString());
        assertTrue(many.err().contains("resources[0].inputs") && many.err().contains("resources[0].parent")
                && many.err().contains("resources[0].propertyDependencies.x"), many.err());
        // A file far larger than any plan is refused by its size, without being read.
        var huge = dir.resolve("huge.json");
        try (var file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(PlanCommand.MAX_EARLIER_PLAN_BYTES + 1);
        }
        var run = run("plan", "qa", "--project-dir", dir.toString(), "--against", huge.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(huge.toString()) && run.err().contains("a plan file is far smaller"), run.err());
    }

    @Test
    void aBadStackFileAndABadEarlierPlanAreReportedTogether(@TempDir Path dir) throws Exception {
        projectWith(dir, "qa", "config:\n  aws:region: eu-west-1\n  big-data-stack:studioAdminUser: jane\n  big-data-stack:azCount: 9\n");
        Files.writeString(dir.resolve("empty.json"), "");
        var run = run("plan", "qa", "--project-dir", dir.toString(), "--against", dir.resolve("empty.json").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("big-data-stack:azCount") && run.err().contains("empty.json: is empty"), run.err());
    }

    @Test
    void withAllNothingIsWrittenWhenAnyEarlierPlanFails(@TempDir Path dir) throws Exception {
        projectWith(dir, "qa", "config:\n  aws:region: eu-west-1\n  big-data-stack:studioAdminUser: jane\n");
        Files.writeString(dir.resolve("Pulumi.staging.yaml"), "config:\n  aws:region: eu-west-1\n  big-data-stack:studioAdminUser: jane\n");
        var earlier = Files.createDirectories(dir.resolve("earlier"));
        Files.writeString(earlier.resolve("qa.json"), "{\"project\": \"big-data-stack\", \"stack\": \"qa\", \"resources\": []}");
        Files.writeString(earlier.resolve("staging.json"), "{\"project\": \"big-data-stack\", \"stack\": \"qa\", \"resources\": []}");
        var run = run("plan", "--all", "--project-dir", dir.toString(), "--against", earlier.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("staging.json") && run.err().contains("a plan of stack 'qa', not of 'staging'"), run.err());
        assertFalse(Files.exists(dir.resolve("target/plan/qa.json")), "qa's plan is not written when staging's earlier plan fails");
        assertFalse(Files.exists(dir.resolve("target/plan/staging.json")));
    }

    @Test
    void theReviewsExitCodesRankRefusalThenDataThenDisruption() {
        assertEquals(ExitCodes.BAD_INPUT, PlanCommand.worse(ExitCodes.DISRUPTS_RUNNING_WORK, ExitCodes.BAD_INPUT));
        assertEquals(ExitCodes.STATEFUL_AT_RISK, PlanCommand.worse(ExitCodes.DISRUPTS_RUNNING_WORK, ExitCodes.STATEFUL_AT_RISK));
        assertEquals(ExitCodes.STATEFUL_AT_RISK, PlanCommand.worse(ExitCodes.STATEFUL_AT_RISK, ExitCodes.OK));
        assertEquals(ExitCodes.DISRUPTS_RUNNING_WORK, PlanCommand.worse(ExitCodes.OK, ExitCodes.DISRUPTS_RUNNING_WORK));
        assertEquals(4, ExitCodes.DISRUPTS_RUNNING_WORK);
    }
}
