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
        return changedAgainst(before, key, value);
    }

    /** Runs already made, by earlier plan and edit: the scenario tests and the docs' table share them (a plan takes a second). */
    private static final java.util.Map<String, Run> RUNS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Plans prod with the stack file edited ({@code key, value, key, value...}) against {@code earlier}. */
    private static Run changedAgainst(Path earlier, String... keyValues) throws Exception {
        var id = earlier + " " + String.join("\u0000", keyValues);
        var done = RUNS.get(id);
        if (done != null) {
            return done;
        }
        var run = freshRun(earlier, keyValues);
        RUNS.put(id, run);
        return run;
    }

    private static Run freshRun(Path earlier, String... keyValues) throws Exception {
        writeStackFile(keyValues);
        try {
            return run("plan", "prod", "--project-dir", project.toString(), "--against", earlier.toString());
        } finally {
            Files.copy(Path.of("Pulumi.prod.yaml"), project.resolve("Pulumi.prod.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The plan file of prod with the stack file edited, written as {@code file} (the running stack of a scenario). */
    private static Path earlierPlan(String file, String... keyValues) throws Exception {
        writeStackFile(keyValues);
        try {
            var run = run("plan", "prod", "--project-dir", project.toString());
            assertEquals(0, run.exitCode(), run.err());
            var copy = project.resolve(file);
            Files.copy(project.resolve("target/plan/prod.json"), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } finally {
            Files.copy(Path.of("Pulumi.prod.yaml"), project.resolve("Pulumi.prod.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void writeStackFile(String... keyValues) throws Exception {
        var keys = new java.util.HashSet<String>();
        for (int i = 0; i < keyValues.length; i += 2) {
            keys.add(keyValues[i]);
        }
        // Drop each edited key's line and the list items under it.
        var lines = new java.util.ArrayList<String>();
        boolean dropping = false;
        for (var line : Files.readAllLines(Path.of("Pulumi.prod.yaml"))) {
            if (keys.stream().anyMatch(key -> line.trim().startsWith("big-data-stack:" + key + ":"))) {
                dropping = true;
                continue;
            }
            if (dropping && line.startsWith("    ")) {
                continue;
            }
            dropping = false;
            lines.add(line);
        }
        var text = new StringBuilder(String.join("\n", lines));
        for (int i = 0; i < keyValues.length; i += 2) {
            text.append("\n  big-data-stack:").append(keyValues[i]).append(": ").append(keyValues[i + 1]);
        }
        Files.writeString(project.resolve("Pulumi.prod.yaml"), text + "\n");
    }

    private static void assertRefused(Run run, String key, String url) throws Exception {
        assertEquals(PlanCommand.BAD_INPUT, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("REFUSED") && run.out().contains(key) && run.out().contains(url), run.out());
        assertTrue(run.out().contains("instead: "), run.out());
        // Said on the line after the heading, before any list that could read like an applicable plan.
        assertTrue(run.out().lines().skip(1).findFirst().orElse("").startsWith("REFUSED: this change cannot be applied"), run.out());
        assertTrue(run.err().contains("nothing was written"), run.err());
    }

    /** Runs a refused scenario with no plan file present, so that "nothing written" can be checked. */
    private static Run refusedScenario(Path earlier, String... keyValues) throws Exception {
        Files.deleteIfExists(project.resolve("target/plan/prod.json"));
        var run = freshRun(earlier, keyValues);
        assertFalse(Files.exists(project.resolve("target/plan/prod.json")), "a refused change writes no plan");
        return run;
    }

    private static void assertDisrupts(Run run, String name, String what) {
        assertEquals(PlanCommand.DISRUPTS_RUNNING_WORK, run.exitCode(), run.out());
        var change = run.change(name);
        var disrupts = change.getAsJsonArray("disrupts");
        assertFalse(disrupts.isEmpty(), change.toString());
        assertTrue(disrupts.toString().contains(what), disrupts.toString());
        assertTrue(run.out().contains("DISRUPTS RUNNING WORK") && run.out().contains(name), run.out());
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
    void changingTheVpcCidrIsRefusedBecauseTheClusterCannotMoveToAnotherVpc() throws Exception {
        var run = refusedScenario(before, "vpcCidr", "10.1.0.0/16");
        assertRefused(run, "big-data-stack:vpcCidr", "https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html");
        assertTrue(run.out().contains("prod-studio") && run.out().contains("STATEFUL RESOURCES AT RISK"), run.out());
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
    void aLargerNodeDiskReplacesOnlyThatNodeGroupAndDisruptsItsJobs() throws Exception {
        var run = changed("baseNodeDiskGiB", "100");
        var change = run.change("prod-base");
        assertEquals("replace", change.get("action").getAsString());
        assertTrue(change.get("reason").getAsString().contains("diskSize"), change.toString());
        assertTrue(change.get("stateful").isJsonNull());
        assertDisrupts(run, "prod-base", "running jobs fail");
        assertFalse(run.out().contains("prod-spot"), run.out());
    }

    @Test
    void otherSpotInstanceTypesReplaceTheSpotGroupAndDisruptItsJobs() throws Exception {
        var run = changed("spotNodeInstanceTypes", "[c5.2xlarge, c6i.2xlarge]");
        assertEquals("replace", run.change("prod-spot").get("action").getAsString());
        assertDisrupts(run, "prod-spot", "running jobs fail");
        assertFalse(run.out().contains("prod-base"), run.out());
    }

    @Test
    void aKubernetesUpgradeRollsTheNodeGroupsAfterTheControlPlane() throws Exception {
        var run = changed("kubernetesVersion", "\"1.36\"");
        assertEquals("update", run.change("prod-cluster").get("action").getAsString());
        assertEquals("update", run.change("prod-base").get("action").getAsString());
        assertDisrupts(run, "prod-base", "the nodes roll");
        assertDisrupts(run, "prod-spot", "the nodes roll");
        assertTrue(run.change("prod-cluster").getAsJsonArray("disrupts").isEmpty(), "the control plane upgrade stops no pod");
        var order = run.out().substring(run.out().indexOf("KUBERNETES UPGRADE"));
        assertTrue(order.indexOf("prod-cluster") < order.indexOf("prod-base") && order.indexOf("prod-base") < order.indexOf("prod-cluster-autoscaler"), order);
        // The add-ons move with the version (EKS does not move them itself), after the control plane.
        assertEquals("update", run.change("prod-kube-proxy").get("action").getAsString());
        assertTrue(order.indexOf("prod-cluster\n") < order.indexOf("prod-kube-proxy"), order);
        // docs/upgrade-kubernetes.md shows this very section.
        var doc = Files.readString(Path.of("docs/upgrade-kubernetes.md"));
        var start = doc.indexOf("KUBERNETES UPGRADE, in the order");
        var documented = doc.substring(start, doc.indexOf("```", start)).strip();
        assertEquals(documented, order.substring(0, order.indexOf("\n\n")).strip());
    }

    @Test
    void aKubernetesDowngradeIsRefused() throws Exception {
        var run = refusedScenario(before, "kubernetesVersion", "\"1.34\"");
        assertRefused(run, "big-data-stack:kubernetesVersion", "https://docs.aws.amazon.com/eks/latest/userguide/update-cluster.html");
        assertTrue(run.out().contains("1.35 -> 1.34 is a downgrade"), run.out());
    }

    @Test
    void skippingAKubernetesMinorVersionIsRefusedWithTheNextStep() throws Exception {
        var at133 = earlierPlan("at-1.33.json", "kubernetesVersion", "\"1.33\"", "kubernetesSupportType", "EXTENDED");
        var run = refusedScenario(at133, "kubernetesVersion", "\"1.35\"");
        assertRefused(run, "big-data-stack:kubernetesVersion", "https://docs.aws.amazon.com/eks/latest/userguide/update-cluster.html");
        assertTrue(run.out().contains("1.33 -> 1.35 skips 1 minor version") && run.out().contains("set kubernetesVersion to \"1.34\""), run.out());
    }

    @Test
    void changingTheAzCountIsRefusedForTheClusterAndTheStudio() throws Exception {
        var run = refusedScenario(before, "azCount", "2");
        assertRefused(run, "big-data-stack:azCount", "https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html");
        assertTrue(run.out().contains("https://docs.aws.amazon.com/emr/latest/APIReference/API_UpdateStudio.html"), run.out());
        assertTrue(run.out().contains("(prod-cluster)") && run.out().contains("(prod-studio)"), run.out());
        var more = refusedScenario(before, "azCount", "4");
        assertRefused(more, "big-data-stack:azCount", "network-reqs.html");
    }

    @Test
    void addingATeamIsNotARisk() throws Exception {
        var oneTeam = earlierPlan("one-team.json", "teams", "[{name: analytics}]");
        var run = changedAgainst(oneTeam, "teams", "[{name: analytics}, {name: ml}]");
        assertEquals(PlanCommand.OK, run.exitCode(), run.out());
        var lifecycle = run.change("prod-emr-job-bucket-lifecycle");
        assertFalse(lifecycle.get("risk").getAsBoolean(), lifecycle.toString());
        assertTrue(run.risks().isEmpty(), run.risks().toString());
    }

    @Test
    void turningTeamsOnWithTheFirstTeamNamedLikeTheOldDefaultReplacesNothing() throws Exception {
        var run = changed("teams", "[{name: emr-jobs, cpuQuota: \"64\"}, {name: analytics}]");
        // The new quota bounds the original team's MaxExecutors default, so its job template gets a new ID (exit 4,
        // named); nothing is replaced or deleted.
        assertEquals(PlanCommand.DISRUPTS_RUNNING_WORK, run.exitCode(), run.out());
        for (var change : run.changes()) {
            var action = change.getAsJsonObject().get("action").getAsString();
            assertTrue(action.equals("create") || action.equals("update"), change.toString());
            var disrupts = change.getAsJsonObject().getAsJsonArray("disrupts");
            assertTrue(disrupts.isEmpty() || change.getAsJsonObject().get("urn").getAsString().endsWith("::prod-emr-job-template"),
                    change.toString());
        }
        assertEquals("create", run.change("prod-emr-quota").get("action").getAsString());
        var withoutQuota = changed("teams", "[{name: emr-jobs}, {name: analytics}]");
        assertEquals(PlanCommand.OK, withoutQuota.exitCode(), withoutQuota.out());
    }

    @Test
    void anyChangeOfTheInteractiveEndpointReplacesItAndStopsNotebookKernels() throws Exception {
        var withEndpoint = earlierPlan("endpoint.json", "studioEndpoint", "true");
        // The running endpoint carries a tag the program no longer sets: the replaceOnChanges option decides.
        var document = JsonParser.parseString(Files.readString(withEndpoint)).getAsJsonObject();
        for (var resource : document.getAsJsonArray("resources")) {
            var inputs = resource.getAsJsonObject().getAsJsonObject("inputs");
            if (resource.getAsJsonObject().get("type").getAsString().equals("aws:cloudcontrol/resource:Resource")) {
                var state = JsonParser.parseString(inputs.get("desiredState").getAsString()).getAsJsonObject();
                var tag = new JsonObject();
                tag.addProperty("Key", "cost-center");
                tag.addProperty("Value", "data");
                state.getAsJsonArray("Tags").add(tag);
                inputs.addProperty("desiredState", state.toString());
            }
        }
        Files.writeString(withEndpoint, document.toString());
        var run = changedAgainst(withEndpoint, "studioEndpoint", "true");
        var endpoint = run.change("prod-emr-studio-endpoint");
        assertEquals("replace", endpoint.get("action").getAsString(), endpoint.toString());
        assertTrue(endpoint.get("reason").getAsString().contains("replaceOnChanges") && endpoint.get("reason").getAsString().contains("deleteBeforeReplace"),
                endpoint.toString());
        assertDisrupts(run, "prod-emr-studio-endpoint", "notebook kernels");
        // Replacing the virtual cluster under it replaces it too (its desiredState is known only afterwards).
        var newNamespace = changedAgainst(earlierPlan("endpoint2.json", "studioEndpoint", "true"), "studioEndpoint", "true", "emrNamespace", "spark-jobs");
        assertEquals(PlanCommand.STATEFUL_AT_RISK, newNamespace.exitCode(), newNamespace.out());
        assertEquals("replace", newNamespace.change("prod-emr-studio-endpoint").get("action").getAsString());
        assertFalse(newNamespace.change("prod-emr-studio-endpoint").getAsJsonArray("disrupts").isEmpty());
    }

    /**
     * docs/change-review.md's "Which keys replace what" table is what the review prints: for every row, prod with that
     * one line changed exits with the row's status and the review names everything the row names.
     */
    @Test
    void theKeysTableOfTheDocsIsWhatTheReviewPrints() throws Exception {
        var doc = Files.readString(Path.of("docs/change-review.md"));
        var section = doc.substring(doc.indexOf("## Which keys replace what"), doc.indexOf("## Renaming or moving without replacing"));
        var rows = section.lines().filter(line -> line.startsWith("| `")).toList();
        assertTrue(rows.size() >= 15, rows.toString());
        var cell = java.util.regex.Pattern.compile("`([^`]*)`");
        for (var row : rows) {
            var cells = row.split("\\|");
            var change = cells[1].trim();
            var setting = change.substring(1, change.length() - 1);
            var key = setting.substring(0, setting.indexOf(": "));
            var value = setting.substring(setting.indexOf(": ") + 2);
            int exit = Integer.parseInt(cells[2].trim());
            var run = changed(key, value);
            assertEquals(exit, run.exitCode(), row + "\n" + run.out() + run.err());
            var named = cell.matcher(cells[3]);
            int count = 0;
            while (named.find()) {
                count++;
                // The whole name, not a prefix of another (prod-cluster is not prod-cluster-autoscaler).
                var wholeName = java.util.regex.Pattern.compile("(^|[\\s(])" + java.util.regex.Pattern.quote(named.group(1)) + "([\\s),:;.]|$)", java.util.regex.Pattern.MULTILINE);
                assertTrue(wholeName.matcher(run.out()).find(), row + ": the review does not name " + named.group(1) + "\n" + run.out());
            }
            assertTrue(count > 0 || exit == 0, row + " names nothing");
        }
    }

    /** README: "removing one deletes them (protected in prod), renaming one replaces them" — both are data at risk. */
    @Test
    void removingOrRenamingATeamPutsItsNamespaceAndVirtualClusterAtRisk() throws Exception {
        var twoTeams = earlierPlan("two-teams.json", "teams", "[{\"name\": \"emr-jobs\"}, {\"name\": \"ml\"}]");
        for (var teams : List.of("[{\"name\": \"emr-jobs\"}]", "[{\"name\": \"emr-jobs\"}, {\"name\": \"ml2\"}]")) {
            var run = changedAgainst(twoTeams, "teams", teams);
            assertEquals(PlanCommand.STATEFUL_AT_RISK, run.exitCode(), teams + "\n" + run.out());
            var atRisk = run.risks().stream().map(c -> c.get("urn").getAsString()).toList();
            assertTrue(atRisk.stream().anyMatch(u -> u.contains("kubernetes:core/v1:Namespace") && u.contains("ml")), atRisk.toString());
            assertTrue(atRisk.stream().anyMatch(u -> u.contains("VirtualCluster") && u.contains("ml")), atRisk.toString());
            assertTrue(atRisk.stream().noneMatch(u -> u.contains("emr-jobs") || u.endsWith("::prod-emr-namespace")), "the kept team is not at risk: " + atRisk);
            // prod protects them: `pulumi up` stops at the delete.
            assertTrue(run.out().contains("protected: `pulumi up` stops at this delete"), run.out());
        }
    }
}
