package io.bigdatastack.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default stacks upgrade to the teams code without replacing anything. The fixtures in
 * src/test/resources/before-teams are the plans of dev and prod written by main before teams existed (commit ea1750a).
 */
class TeamsUpgradeTest {

    @TempDir
    Path project;

    private static Map<String, JsonObject> byUrn(JsonObject plan) {
        var result = new HashMap<String, JsonObject>();
        plan.getAsJsonArray("resources").forEach(r -> result.put(r.getAsJsonObject().get("urn").getAsString(), r.getAsJsonObject()));
        return result;
    }

    private JsonObject planAgainst(String stack, StringBuilder out) throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        Files.copy(Path.of("Pulumi." + stack + ".yaml"), project.resolve("Pulumi." + stack + ".yaml"));
        var before = Path.of("src/test/resources/before-teams/" + stack + ".json").toAbsolutePath();
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        int code = PlanCommand.run(new String[]{"plan", stack, "--project-dir", project.toString(), "--against", before.toString()},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8), io.bigdatastack.testing.TestStacks.CLOCK);
        out.append(stdout.toString(StandardCharsets.UTF_8));
        // Since these plans were written the job template gained pod templates: its CloudFormation body changes, which
        // gives the template a new ID (the review's disruption verdict); nothing is replaced or deleted.
        assertEquals(PlanCommand.DISRUPTS_RUNNING_WORK, code, stderr.toString(StandardCharsets.UTF_8) + out);
        assertTrue(out.toString().contains("new JobTemplateId"), out.toString());
        return JsonParser.parseString(Files.readString(project.resolve("target/plan/" + stack + ".json"))).getAsJsonObject();
    }

    private void assertUpgradesInPlace(String stack) throws Exception {
        var out = new StringBuilder();
        var after = planAgainst(stack, out);
        var before = JsonParser.parseString(Files.readString(Path.of("src/test/resources/before-teams/" + stack + ".json"))).getAsJsonObject();
        var old = byUrn(before);
        var now = byUrn(after);
        // A URN the default team's move into its EmrTeam component changed is carried by an alias.
        var byAlias = new HashMap<String, JsonObject>();
        now.values().forEach(r -> r.getAsJsonObject("options").getAsJsonArray("aliases").forEach(a -> byAlias.put(a.getAsString(), r)));
        for (var entry : old.entrySet()) {
            var resource = now.containsKey(entry.getKey()) ? now.get(entry.getKey()) : byAlias.get(entry.getKey());
            assertTrue(resource != null, "URN gone after the upgrade, and no alias carries it: " + entry.getKey());
            for (var nameInput : Set.of("name", "bucket", "metadata")) {
                var was = entry.getValue().getAsJsonObject("inputs").get(nameInput);
                if (was != null && !nameInput.equals("metadata")) {
                    assertEquals(was, resource.getAsJsonObject("inputs").get(nameInput), entry.getKey() + " " + nameInput);
                } else if (was != null) {
                    assertEquals(was.getAsJsonObject().get("name"), resource.getAsJsonObject("inputs").getAsJsonObject("metadata").get("name"),
                            entry.getKey() + " metadata.name");
                }
            }
        }
        // New resources: the default team's LimitRange, pod templates and submitter policy, the Spark PriorityClasses
        // and the Team component the default team now lives in (its resources move there by alias); all creates.
        // (prod's cost reports, costReports: true, are new resources of their own component: CostAttributionPlanTest covers them.)
        var added = now.keySet().stream().filter(urn -> !old.containsKey(urn) && !urn.contains("bigdata:cost:CostReports"))
                .filter(urn -> now.get(urn).getAsJsonObject("options").getAsJsonArray("aliases").asList().stream().noneMatch(a -> old.containsKey(a.getAsString())))
                .map(urn -> now.get(urn).get("type").getAsString()).sorted().toList();
        assertEquals(java.util.List.of("aws:iam/policy:Policy", "aws:s3/bucketObjectv2:BucketObjectv2", "aws:s3/bucketObjectv2:BucketObjectv2",
                "aws:s3/bucketObjectv2:BucketObjectv2", "aws:s3/bucketObjectv2:BucketObjectv2", "bigdata:emr:Team",
                "kubernetes:core/v1:LimitRange", "kubernetes:scheduling.k8s.io/v1:PriorityClass", "kubernetes:scheduling.k8s.io/v1:PriorityClass",
                "kubernetes:scheduling.k8s.io/v1:PriorityClass", "kubernetes:scheduling.k8s.io/v1:PriorityClass"), added);
        for (var change : after.getAsJsonArray("changes")) {
            var action = change.getAsJsonObject().get("action").getAsString();
            assertTrue(!action.equals("replace") && !action.equals("delete"), change.toString());
        }
        assertEquals(old.get(old.keySet().stream().filter(u -> u.endsWith("::" + stack + "-emr-job-role")).findFirst().orElseThrow())
                .getAsJsonObject("inputs").get("assumeRolePolicy"), now.get(now.keySet().stream()
                .filter(u -> u.endsWith("::" + stack + "-emr-job-role")).findFirst().orElseThrow()).getAsJsonObject("inputs").get("assumeRolePolicy"));
    }

    @Test
    void devUpgradesWithoutReplacement() throws Exception {
        assertUpgradesInPlace("dev");
    }

    @Test
    void prodUpgradesWithoutReplacement() throws Exception {
        assertUpgradesInPlace("prod");
    }

    @Test
    void settingTeamsOnAnExistingStackWithoutTheOldDefaultTeamDeletesItAndSaysSo() throws Exception {
        var out = teamsOn("    - name: analytics\n");
        assertEquals(3, out.code, out.text);
        var risky = new java.util.TreeSet<String>();
        for (var change : out.plan.getAsJsonArray("changes")) {
            var c = change.getAsJsonObject();
            if (c.get("risk").getAsBoolean()) {
                risky.add(c.get("action").getAsString() + " " + c.get("urn").getAsString().replaceAll(".*::", ""));
            }
        }
        assertTrue(risky.contains("delete prod-emr-namespace") && risky.contains("delete prod-emr-virtual-cluster"), risky.toString());
        assertTrue(out.text.contains("STATEFUL RESOURCES AT RISK"), out.text);
    }

    /** Issue 20: the first team named like the old default team (emrNamespace) takes it over: nothing replaced or deleted. */
    @Test
    void settingTeamsOnWithTheFirstTeamNamedLikeTheOldDefaultKeepsItsResources() throws Exception {
        var out = teamsOn("    - name: emr-jobs\n      cpuQuota: \"64\"\n    - name: analytics\n");
        for (var change : out.plan.getAsJsonArray("changes")) {
            var action = change.getAsJsonObject().get("action").getAsString();
            assertTrue(action.equals("create") || action.equals("update"), change.toString());
        }
        // The one disruption is the job template's body, changed since these plans were written (pod templates).
        assertEquals(PlanCommand.DISRUPTS_RUNNING_WORK, out.code, out.text);
        var disrupting = new java.util.TreeSet<String>();
        out.plan.getAsJsonArray("changes").forEach(c -> {
            if (!c.getAsJsonObject().getAsJsonArray("disrupts").isEmpty()) {
                disrupting.add(c.getAsJsonObject().get("urn").getAsString().replaceAll(".*::", ""));
            }
        });
        assertEquals(java.util.Set.of("prod-emr-job-template"), disrupting);
        var now = byUrn(out.plan);
        var namespace = now.values().stream().filter(r -> r.get("name").getAsString().equals("prod-emr-namespace")).findFirst().orElseThrow();
        assertEquals("emr-jobs", namespace.getAsJsonObject("inputs").getAsJsonObject("metadata").get("name").getAsString());
    }

    private record TeamsOn(int code, String text, JsonObject plan) {
    }

    private TeamsOn teamsOn(String teamsYaml) throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        Files.writeString(project.resolve("Pulumi.prod.yaml"), Files.readString(Path.of("Pulumi.prod.yaml")).stripTrailing()
                + "\n  big-data-stack:teams:\n" + teamsYaml);
        var before = Path.of("src/test/resources/before-teams/prod.json").toAbsolutePath();
        var stdout = new ByteArrayOutputStream();
        int code = PlanCommand.run(new String[]{"plan", "prod", "--project-dir", project.toString(), "--against", before.toString()},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), io.bigdatastack.testing.TestStacks.CLOCK);
        var plan = JsonParser.parseString(Files.readString(project.resolve("target/plan/prod.json"))).getAsJsonObject();
        return new TeamsOn(code, stdout.toString(StandardCharsets.UTF_8), plan);
    }
}
