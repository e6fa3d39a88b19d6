package io.bigdatastack.emr;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.bigdatastack.config.InvalidConfigException;
import io.bigdatastack.plan.Plan;
import io.bigdatastack.testing.Json;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14: a stack with two teams, each isolated in its namespace, virtual cluster, role and prefix. */
class TeamsTest {

    /** As a stack file's YAML list of maps reaches the program: JSON text (the CLI and StackFiles both do this). */
    static final String TWO_TEAMS = """
            [{"name": "analytics", "cpuQuota": "32", "memoryQuota": "128Gi", "readBuckets": ["raw-events"]},
             {"name": "ml", "glueCatalogAccess": true, "studioGroups": ["ml-scientists", "ml-leads:intermediate"]}]""";

    private static Plan plan;

    @BeforeAll
    static void planTwoTeams() {
        plan = TestStacks.plan(Map.of("teams", TWO_TEAMS));
    }

    private static Plan.Resource teamOne(String team, String type) {
        var found = plan.ofType(type).stream().filter(r -> r.parent() != null
                && r.parent().endsWith("bigdata:emr:Team::test-emr-team-" + team)).toList();
        assertEquals(1, found.size(), team + " " + type + ": " + found);
        return found.get(0);
    }

    private static List<JsonObject> statements(Plan.Resource resource, String path) {
        return Json.document(resource, path).getAsJsonArray("Statement").asList().stream().map(JsonElement::getAsJsonObject).toList();
    }

    private static List<String> strings(JsonElement element) {
        return element.isJsonArray() ? element.getAsJsonArray().asList().stream().map(JsonElement::getAsString).toList()
                : List.of(element.getAsString());
    }

    @Test
    void eachTeamIsAComponentWithNamespaceVirtualClusterRoleAndTemplate() {
        assertEquals(Set.of("test-emr-team-analytics", "test-emr-team-ml"),
                plan.ofType(EmrTeam.TYPE).stream().map(Plan.Resource::name).collect(Collectors.toSet()));
        for (var team : List.of("analytics", "ml")) {
            assertEquals(team, teamOne(team, "kubernetes:core/v1:Namespace").inputString("metadata.name"));
            var labels = teamOne(team, "kubernetes:core/v1:Namespace").input("metadata.labels").orElseThrow().getAsJsonObject();
            assertEquals("baseline", labels.get("pod-security.kubernetes.io/enforce").getAsString(), labels.toString());
            assertEquals("big-data-stack-test-" + team, teamOne(team, "aws:emrcontainers/virtualCluster:VirtualCluster").inputString("name"));
            assertEquals("big-data-stack-test-" + team + "-emr-job", teamOne(team, "aws:iam/role:Role").inputString("name"));
            assertEquals("big-data-stack-test-" + team + "-spark-pi", teamOne(team, "aws:cloudformation/stack:Stack").inputString("name"));
            assertEquals("team-defaults", teamOne(team, "kubernetes:core/v1:LimitRange").inputString("metadata.name"));
        }
        // The default team's resources are not built when teams are configured.
        assertTrue(plan.find(r -> r.name().equals("test-emr-namespace")).isEmpty());
    }

    @Test
    void quotasOnlyWhereGiven() {
        var quota = teamOne("analytics", "kubernetes:core/v1:ResourceQuota");
        var hard = quota.input("spec.hard").orElseThrow().getAsJsonObject();
        assertEquals("32", hard.get("requests.cpu").getAsString());
        assertEquals("32", hard.get("limits.cpu").getAsString());
        assertEquals("128Gi", hard.get("requests.memory").getAsString());
        assertEquals("128Gi", hard.get("limits.memory").getAsString());
        assertEquals(1, plan.ofType("kubernetes:core/v1:ResourceQuota").size(), "ml sets no quota");
        var limits = teamOne("ml", "kubernetes:core/v1:LimitRange").input("spec.limits").orElseThrow().getAsJsonArray().get(0).getAsJsonObject();
        assertEquals("250m", limits.getAsJsonObject("defaultRequest").get("cpu").getAsString());
        assertFalse(limits.getAsJsonObject("default").has("cpu"), "no default CPU limit: it would throttle Spark executors");
        assertTrue(limits.has("max"));
    }

    @Test
    void eachRoleIsTrustedOnlyFromItsOwnNamespace() {
        for (var team : List.of("analytics", "ml")) {
            var other = team.equals("ml") ? "analytics" : "ml";
            var trust = teamOne(team, "aws:iam/role:Role").inputString("assumeRolePolicy");
            assertTrue(trust.contains("system:serviceaccount:" + team + ":emr-containers-sa-"), trust);
            assertFalse(trust.contains("system:serviceaccount:" + other + ":"), trust);
            assertTrue(trust.contains(Base36.encode("big-data-stack-test-" + team + "-emr-job")), trust);
        }
    }

    @Test
    void eachRoleReachesOnlyItsOwnPrefixOfTheJobBucket() {
        for (var team : List.of("analytics", "ml")) {
            var other = team.equals("ml") ? "analytics" : "ml";
            var statements = statements(teamOne(team, "aws:iam/rolePolicy:RolePolicy"), "policy");
            var objectResources = statements.stream().filter(s -> strings(s.get("Action")).contains("s3:PutObject"))
                    .flatMap(s -> strings(s.get("Resource")).stream()).toList();
            assertEquals(1, objectResources.size(), objectResources.toString());
            assertTrue(objectResources.get(0).endsWith("-emr-123456789012/teams/" + team + "/*"), objectResources.toString());
            var list = statements.stream().filter(s -> strings(s.get("Action")).contains("s3:ListBucket")
                    && strings(s.get("Resource")).get(0).contains("-emr-")).toList();
            assertEquals(1, list.size());
            assertEquals("teams/" + team + "/*", list.get(0).getAsJsonObject("Condition").getAsJsonObject("StringLike").get("s3:prefix").getAsString());
            var whole = statements.toString();
            assertFalse(whole.contains("teams/" + other + "/"), whole);
            // No statement grants object access to the whole job bucket.
            assertTrue(statements.stream().flatMap(s -> strings(s.get("Resource")).stream()).noneMatch(r -> r.endsWith("-emr-123456789012/*")), whole);
        }
        var analytics = statements(teamOne("analytics", "aws:iam/rolePolicy:RolePolicy"), "policy").toString();
        var ml = statements(teamOne("ml", "aws:iam/rolePolicy:RolePolicy"), "policy").toString();
        assertTrue(analytics.contains("raw-events") && !ml.contains("raw-events"), "read buckets are per team");
        assertTrue(ml.contains("glue:GetTable") && !analytics.contains("glue:"), "Glue access is per team");
    }

    @Test
    void templatesLogToTheTeamsPrefixAndStream() {
        for (var team : List.of("analytics", "ml")) {
            var body = teamOne(team, "aws:cloudformation/stack:Stack").inputString("templateBody");
            assertTrue(body.contains("/teams/" + team + "/logs/"), body);
            assertTrue(body.contains("\"LogStreamNamePrefix\":\"" + team + "\""), body);
        }
        var rules = plan.ofType("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2").stream()
                .filter(r -> r.urn().contains("bigdata:emr:EmrOnEks")).findFirst().orElseThrow().input("rules").orElseThrow().toString();
        assertTrue(rules.contains("teams/analytics/logs/") && rules.contains("teams/ml/logs/"), rules);
    }

    @Test
    void driversOutrankExecutorsThroughPodTemplatesInTheTeamsPrefix() {
        var values = plan.ofType("kubernetes:scheduling.k8s.io/v1:PriorityClass").stream().collect(Collectors.toMap(
                r -> r.inputString("metadata.name"), r -> r.input("value").orElseThrow().getAsInt()));
        assertEquals(4, values.size(), values.toString());
        assertTrue(values.get("spark-adhoc-driver") > values.get("spark-production-executor"), values.toString());
        assertTrue(values.get("spark-production-driver") > values.get("spark-adhoc-driver"), values.toString());
        assertTrue(values.get("spark-production-executor") > values.get("spark-adhoc-executor"), values.toString());
        for (var team : List.of("analytics", "ml")) {
            var templates = plan.ofType("aws:s3/bucketObjectv2:BucketObjectv2").stream()
                    .filter(r -> r.parent().endsWith("::test-emr-team-" + team)).toList();
            assertEquals(Set.of("teams/" + team + "/pod-templates/production-driver.yaml", "teams/" + team + "/pod-templates/adhoc-driver.yaml",
                    "teams/" + team + "/pod-templates/production-executor.yaml", "teams/" + team + "/pod-templates/adhoc-executor.yaml"),
                    templates.stream().map(r -> r.inputString("key")).collect(Collectors.toSet()));
            var driver = templates.stream().filter(r -> r.inputString("key").endsWith("production-driver.yaml")).findFirst().orElseThrow()
                    .inputString("content");
            assertTrue(driver.contains("priorityClassName: spark-production-driver") && driver.contains("name: spark-kubernetes-driver"), driver);
            var body = teamOne(team, "aws:cloudformation/stack:Stack").inputString("templateBody");
            assertTrue(body.contains("spark.kubernetes.executor.podTemplateFile=s3://big-data-stack-test-emr-123456789012/teams/" + team
                    + "/pod-templates/${JobClass}-executor.yaml"), body);
            assertTrue(body.contains("\"JobClass\":{\"DefaultValue\":\"adhoc\""), body);
        }
    }

    @Test
    void teamsOutputAndFirstTeamSingleOutputs() {
        var teams = plan.outputs().get("Teams").getAsJsonObject();
        assertEquals(List.of("analytics", "ml"), List.copyOf(teams.keySet()));
        for (var team : List.of("analytics", "ml")) {
            var entry = teams.getAsJsonObject(team);
            assertEquals(Set.of("virtualClusterId", "jobRoleArn", "jobTemplateId", "sampleJobCommand"), entry.keySet());
            assertTrue(entry.get("jobRoleArn").getAsString().endsWith(":role/big-data-stack-test-" + team + "-emr-job"), entry.toString());
            assertTrue(entry.get("sampleJobCommand").getAsString().contains("teams/" + team + "/logs/"), entry.toString());
            assertTrue(entry.get("sampleJobCommand").getAsString().contains("spark.kubernetes.driver.podTemplateFile=s3://big-data-stack-test-emr-123456789012/teams/"
                    + team + "/pod-templates/adhoc-driver.yaml"), entry.toString());
        }
        assertEquals(teams.getAsJsonObject("analytics").get("jobRoleArn"), plan.outputs().get("JobRoleArn"));
        assertEquals(teams.getAsJsonObject("analytics").get("virtualClusterId"), plan.outputs().get("EMRVirtualClusterID"));
        assertFalse(teams.getAsJsonObject("ml").get("virtualClusterId").equals(plan.outputs().get("EMRVirtualClusterID")));
    }

    @Test
    void defaultStackHasOneTeamInTheTeamsOutput() {
        var single = TestStacks.plan(Map.of());
        var teams = single.outputs().get("Teams").getAsJsonObject();
        assertEquals(Set.of("emr-jobs"), teams.keySet());
        assertEquals(single.outputs().get("JobRoleArn"), teams.getAsJsonObject("emr-jobs").get("jobRoleArn"));
        // One team model: the default team is an EmrTeam too, its resources keeping their names (aliases move them).
        assertEquals(1, single.ofType(EmrTeam.TYPE).size());
        var namespace = single.named("kubernetes:core/v1:Namespace", "test-emr-namespace");
        assertEquals(single.ofType(EmrTeam.TYPE).get(0).urn(), namespace.parent());
        assertEquals(List.of("urn:pulumi:test::big-data-stack::bigdata:emr:EmrOnEks$kubernetes:core/v1:Namespace::test-emr-namespace"),
                namespace.options().aliases());
    }

    @Test
    void teamGroupsSessionPoliciesReachOnlyTheirTeamsVirtualCluster() {
        var teams = plan.outputs().get("Teams").getAsJsonObject();
        var ml = teams.getAsJsonObject("ml").get("virtualClusterId").getAsString();
        var analytics = teams.getAsJsonObject("analytics").get("virtualClusterId").getAsString();
        var policies = plan.ofType("aws:iam/policy:Policy").stream().filter(r -> r.name().contains("-session-ml-")).toList();
        assertEquals(Set.of("basic", "intermediate"), policies.stream().map(r -> r.name().substring(r.name().lastIndexOf('-') + 1))
                .collect(Collectors.toSet()));
        for (var policy : policies) {
            var text = policy.inputString("policy");
            assertTrue(text.contains("/virtualclusters/" + ml), text);
            assertFalse(text.contains("/virtualclusters/" + analytics), text);
        }
        var mappings = plan.ofType("aws:emr/studioSessionMapping:StudioSessionMapping").stream()
                .filter(r -> r.name().contains("-team-ml-group-")).toList();
        assertEquals(2, mappings.size(), mappings.toString());
        var attached = plan.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").stream()
                .filter(r -> r.name().contains("-user-role-ml-")).count();
        assertEquals(2, attached, "the user role carries the team's session policies");
    }

    @Test
    void teamGroupsNeedSsoAndAreUnique() {
        var duplicate = assertThrows(InvalidConfigException.class, () -> TestStacks.config(Map.of("studioGroups", "[\"ml-scientists\"]",
                "teams", "[{\"name\": \"ml\", \"studioGroups\": [\"ml-scientists\", \"x:advanced\"]}]")));
        assertTrue(duplicate.getMessage().contains("big-data-stack:teams[0].studioGroups[0]: got 'ml-scientists', expected a group not already"),
                duplicate.getMessage());
        assertTrue(duplicate.getMessage().contains("big-data-stack:teams[0].studioGroups[1]: got 'x:advanced'"), duplicate.getMessage());
        var iam = assertThrows(InvalidConfigException.class, () -> TestStacks.config(Map.of("studioAuthMode", "IAM",
                "teams", "[{\"name\": \"ml\", \"studioGroups\": [\"ml-scientists\"]}]")));
        assertTrue(iam.getMessage().contains("big-data-stack:teams[0].studioGroups: got [ml-scientists], expected no entries when studioAuthMode is IAM"),
                iam.getMessage());
    }

    @Test
    void badTeamsAreAllReportedWithTheirKeyPaths() {
        var error = assertThrows(InvalidConfigException.class, () -> TestStacks.config(Map.of("teams", """
                [{"name": "analytics"}, {"name": "Bad_Name", "cpuQuota": "lots"}, {"name": "analytics", "colour": "red"},
                 {"memoryQuota": "8Gi"}, {"name": "kube-system"}]""")));
        var message = error.getMessage();
        assertTrue(message.contains("big-data-stack:teams[1].name: got 'Bad_Name'"), message);
        assertTrue(message.contains("big-data-stack:teams[1].cpuQuota: got 'lots'"), message);
        assertTrue(message.contains("big-data-stack:teams[2].name: got 'analytics', expected a name no other team has"), message);
        assertTrue(message.contains("big-data-stack:teams[2].colour: unknown field"), message);
        assertTrue(message.contains("big-data-stack:teams[3].name: is missing"), message);
        assertTrue(message.contains("big-data-stack:teams[4].name: got 'kube-system'"), message);
        var buckets = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            buckets.append(i == 0 ? "" : ", ").append("\"bucket-number-").append(i).append("\"");
        }
        var tooMany = assertThrows(InvalidConfigException.class, () -> TestStacks.config(Map.of("teams",
                "[{\"name\": \"ml\", \"readBuckets\": [" + buckets + "]}]")));
        assertTrue(tooMany.getMessage().contains("big-data-stack:teams[0].readBuckets: got 400 buckets, expected a list whose job-role policy fits"),
                tooMany.getMessage());
        var notAList = assertThrows(InvalidConfigException.class, () -> TestStacks.config(Map.of("teams", "analytics")));
        assertTrue(notAList.getMessage().contains("big-data-stack:teams: got 'analytics', expected a non-empty list of teams"), notAList.getMessage());
        var tooLong = assertThrows(InvalidConfigException.class, () -> TestStacks.config(Map.of("teams",
                "[{\"name\": \"" + "a".repeat(60) + "\"}]")));
        assertTrue(tooLong.getMessage().contains("big-data-stack:teams[0].name") && tooLong.getMessage().contains("job role name"), tooLong.getMessage());
    }
}
