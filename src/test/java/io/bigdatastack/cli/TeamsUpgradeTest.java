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
 * Issue 14: the default stacks upgrade to the teams code without replacing anything. The fixtures in
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
        assertEquals(0, code, stderr.toString(StandardCharsets.UTF_8));
        return JsonParser.parseString(Files.readString(project.resolve("target/plan/" + stack + ".json"))).getAsJsonObject();
    }

    private void assertUpgradesInPlace(String stack) throws Exception {
        var out = new StringBuilder();
        var after = planAgainst(stack, out);
        var before = JsonParser.parseString(Files.readString(Path.of("src/test/resources/before-teams/" + stack + ".json"))).getAsJsonObject();
        var old = byUrn(before);
        var now = byUrn(after);
        for (var entry : old.entrySet()) {
            var resource = now.get(entry.getKey());
            assertTrue(resource != null, "URN gone after the upgrade: " + entry.getKey());
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
        // New resources: the default team's LimitRange and pod templates, and the Spark PriorityClasses; all creates.
        // (prod's cost reports, costReports: true, are new resources of their own component: CostAttributionPlanTest covers them.)
        var added = now.keySet().stream().filter(urn -> !old.containsKey(urn) && !urn.contains("bigdata:cost:CostReports"))
                .map(urn -> now.get(urn).get("type").getAsString()).sorted().toList();
        assertEquals(java.util.List.of("aws:s3/bucketObjectv2:BucketObjectv2", "aws:s3/bucketObjectv2:BucketObjectv2",
                "aws:s3/bucketObjectv2:BucketObjectv2", "aws:s3/bucketObjectv2:BucketObjectv2", "kubernetes:core/v1:LimitRange",
                "kubernetes:scheduling.k8s.io/v1:PriorityClass", "kubernetes:scheduling.k8s.io/v1:PriorityClass",
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
    void settingTeamsOnAnExistingStackDeletesTheDefaultTeamAndSaysSo() throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        Files.writeString(project.resolve("Pulumi.prod.yaml"), Files.readString(Path.of("Pulumi.prod.yaml")).stripTrailing()
                + "\n  big-data-stack:teams:\n    - name: analytics\n");
        var before = Path.of("src/test/resources/before-teams/prod.json").toAbsolutePath();
        var stdout = new ByteArrayOutputStream();
        int code = PlanCommand.run(new String[]{"plan", "prod", "--project-dir", project.toString(), "--against", before.toString()},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), io.bigdatastack.testing.TestStacks.CLOCK);
        var out = stdout.toString(StandardCharsets.UTF_8);
        assertEquals(3, code, out);
        var plan = JsonParser.parseString(Files.readString(project.resolve("target/plan/prod.json"))).getAsJsonObject();
        var risky = new java.util.TreeSet<String>();
        for (var change : plan.getAsJsonArray("changes")) {
            var c = change.getAsJsonObject();
            if (c.get("risk").getAsBoolean()) {
                risky.add(c.get("action").getAsString() + " " + c.get("urn").getAsString().replaceAll(".*::", ""));
            }
        }
        assertTrue(risky.contains("delete prod-emr-namespace") && risky.contains("delete prod-emr-virtual-cluster"), risky.toString());
        assertTrue(out.contains("STATEFUL RESOURCES AT RISK"), out);
    }
}
