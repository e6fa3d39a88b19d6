package io.bigdatastack.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Day-2 edits of the committed prod stack: the real planner on the prod stack file, edited one key at a time, compared with
 * the plan written before the edit ({@code plan prod --against before.json}).
 */
class ChangeReviewTest {

    @TempDir
    static Path project;
    private static Path before;

    private record Run(int exitCode, String out, String err, JsonObject plan) {

        JsonArray changes() {
            return plan.getAsJsonArray("changes");
        }

        JsonObject change(String name) {
            return stream().filter(c -> c.get("urn").getAsString().endsWith("::" + name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no change of " + name + " in " + changes()));
        }

        List<JsonObject> risks() {
            return stream().filter(c -> c.get("risk").getAsBoolean()).toList();
        }

        private java.util.stream.Stream<JsonObject> stream() {
            return StreamSupport.stream(changes().spliterator(), false).map(JsonElement::getAsJsonObject);
        }
    }

    @BeforeAll
    static void planBefore() throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        Files.copy(Path.of("Pulumi.prod.yaml"), project.resolve("Pulumi.prod.yaml"));
        var run = run("plan", "prod", "--project-dir", project.toString());
        assertEquals(0, run.exitCode(), run.err());
        before = project.resolve("before.json");
        Files.copy(project.resolve("target/plan/prod.json"), before);
    }

    private static Run run(String... args) throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = PlanCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), io.bigdatastack.testing.TestStacks.CLOCK);
        var file = project.resolve("target/plan/prod.json");
        var plan = Files.exists(file) ? JsonParser.parseString(Files.readString(file)).getAsJsonObject() : null;
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), plan);
    }

    /** Plans prod with {@code key} set to {@code value} (replacing the stack file's line, if any) against the earlier plan. */
    private static Run changed(String key, String value) throws Exception {
        var lines = Files.readAllLines(Path.of("Pulumi.prod.yaml")).stream()
                .filter(line -> !line.trim().startsWith("big-data-stack:" + key + ":")).toList();
        var text = String.join("\n", lines) + "\n  big-data-stack:" + key + ": " + value + "\n";
        Files.writeString(project.resolve("Pulumi.prod.yaml"), text);
        try {
            return run("plan", "prod", "--project-dir", project.toString(), "--against", before.toString());
        } finally {
            Files.copy(Path.of("Pulumi.prod.yaml"), project.resolve("Pulumi.prod.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void assertReplacedStateful(Run run, String name, String forcingInput) {
        var change = run.change(name);
        assertEquals("replace", change.get("action").getAsString(), change.toString());
        assertFalse(change.get("stateful").isJsonNull(), change.toString());
        assertTrue(change.get("risk").getAsBoolean(), change.toString());
        assertTrue(change.get("reason").getAsString().contains(forcingInput), change.toString());
        assertTrue(run.out().contains("STATEFUL RESOURCES AT RISK") && run.out().contains(name), run.out());
    }

    @Test
    void noChangeShowsNothingToDo() throws Exception {
        var run = run("plan", "prod", "--project-dir", project.toString(), "--against", before.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("nothing to do"), run.out());
        assertEquals(0, run.changes().size(), run.changes().toString());
    }

    @Test
    void renamingTheClusterReplacesClusterLogsNamespaceAndVirtualCluster() throws Exception {
        var run = changed("clusterName", "data-platform");
        assertEquals(PlanCommand.STATEFUL_AT_RISK, run.exitCode(), run.out());
        assertReplacedStateful(run, "prod-cluster", "name");
        assertReplacedStateful(run, "prod-control-plane-logs", "name");
        assertReplacedStateful(run, "prod-emr-virtual-cluster", "containerProvider.id");
        // The Kubernetes provider now points at another API server, so everything on the cluster is replaced.
        assertReplacedStateful(run, "prod-emr-namespace", "provider");
        assertEquals(4, run.risks().size(), run.risks().toString());
    }

    @Test
    void changingTheEmrNamespaceReplacesTheNamespaceAndVirtualCluster() throws Exception {
        var run = changed("emrNamespace", "spark-jobs");
        assertEquals(PlanCommand.STATEFUL_AT_RISK, run.exitCode(), run.out());
        assertReplacedStateful(run, "prod-emr-namespace", "metadata.name");
        assertReplacedStateful(run, "prod-emr-virtual-cluster", "containerProvider.info.eksInfo.namespace");
        assertEquals(2, run.risks().size(), run.risks().toString());
    }

    @Test
    void changingTheVpcCidrReplacesTheStudio() throws Exception {
        var run = changed("vpcCidr", "10.1.0.0/16");
        assertEquals(PlanCommand.STATEFUL_AT_RISK, run.exitCode(), run.out());
        assertReplacedStateful(run, "prod-studio", "vpcId");
        assertEquals("replace", run.change("prod-vpc").get("action").getAsString());
    }

    @Test
    void changingTheStudioAuthModeReplacesTheStudio() throws Exception {
        var run = changed("studioAuthMode", "IAM");
        assertEquals(PlanCommand.STATEFUL_AT_RISK, run.exitCode(), run.out());
        assertReplacedStateful(run, "prod-studio", "authMode");
    }

    @Test
    void loweringLogRetentionIsCalledOutAsDestroyingData() throws Exception {
        var run = changed("logRetentionDays", "3");
        assertEquals(PlanCommand.STATEFUL_AT_RISK, run.exitCode(), run.out());
        for (var name : List.of("prod-control-plane-logs", "prod-emr-job-logs")) {
            var change = run.change(name);
            assertEquals("update", change.get("action").getAsString());
            assertTrue(change.get("destroysData").getAsBoolean(), change.toString());
            assertTrue(change.get("reason").getAsString().contains("log retention lowered from 30 days to 3 days"), change.toString());
        }
        var lifecycle = run.change("prod-emr-job-bucket-lifecycle");
        assertTrue(lifecycle.get("destroysData").getAsBoolean() && lifecycle.get("reason").getAsString().contains("expiration.days 30 -> 3"), lifecycle.toString());
        assertEquals(3, run.risks().size(), run.risks().toString());
    }

    @Test
    void raisingRetentionDestroysNothing() throws Exception {
        var run = changed("logRetentionDays", "90");
        assertEquals(PlanCommand.OK, run.exitCode(), run.out());
        assertEquals("update", run.change("prod-emr-job-logs").get("action").getAsString());
    }

    @Test
    void raisingTheBaseNodeMaximumIsOneInPlaceUpdate() throws Exception {
        var run = changed("baseNodeMaxSize", "25");
        assertEquals(PlanCommand.OK, run.exitCode(), run.out());
        assertEquals(1, run.changes().size(), run.changes().toString());
        var change = run.change("prod-base");
        assertEquals("update", change.get("action").getAsString());
        var inputs = change.getAsJsonArray("changedInputs");
        assertEquals(1, inputs.size(), inputs.toString());
        var input = inputs.get(0).getAsJsonObject();
        assertEquals("scalingConfig.maxSize", input.get("input").getAsString());
        assertEquals(20, input.get("before").getAsInt());
        assertEquals(25, input.get("after").getAsInt());
        assertFalse(input.get("forcesReplacement").getAsBoolean());
        assertTrue(run.out().contains("scalingConfig.maxSize: 20 => 25"), run.out());
    }

    @Test
    void turningProtectionOffIsCalledOut() throws Exception {
        var run = changed("protectStatefulResources", "false");
        assertEquals(PlanCommand.STATEFUL_AT_RISK, run.exitCode(), run.out());
        var bucket = run.change("prod-emr-job-bucket");
        assertTrue(bucket.get("reason").getAsString().contains("protect turned off"), bucket.toString());
        assertTrue(bucket.get("reason").getAsString().contains("forceDestroy turned on"), bucket.toString());
        var versioning = run.change("prod-emr-job-bucket-versioning");
        assertTrue(versioning.get("reason").getAsString().contains("versioning suspended"), versioning.toString());
    }

    @Test
    void aLargerNodeDiskReplacesOnlyThatNodeGroup() throws Exception {
        var run = changed("baseNodeDiskGiB", "100");
        assertEquals(PlanCommand.OK, run.exitCode(), run.out());
        var change = run.change("prod-base");
        assertEquals("replace", change.get("action").getAsString());
        assertTrue(change.get("reason").getAsString().contains("diskSize"), change.toString());
        assertTrue(change.get("stateful").isJsonNull());
    }

    @Test
    void aKubernetesUpgradeUpdatesTheClusterInPlace() throws Exception {
        var run = changed("kubernetesVersion", "\"1.36\"");
        assertEquals(PlanCommand.OK, run.exitCode(), run.out());
        assertEquals("update", run.change("prod-cluster").get("action").getAsString());
        assertEquals("update", run.change("prod-base").get("action").getAsString());
    }
}
