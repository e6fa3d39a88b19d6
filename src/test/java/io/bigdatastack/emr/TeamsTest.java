package io.bigdatastack.emr;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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

/** A stack with two teams, each isolated in its namespace, virtual cluster, role and prefix. */
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
        // Exactly what Spark is sized by: CPU requests, memory requests and limits; never limits.cpu.
        assertEquals(Set.of("requests.cpu", "requests.memory", "limits.memory"), hard.keySet());
        assertEquals("32", hard.get("requests.cpu").getAsString());
        assertEquals("128Gi", hard.get("requests.memory").getAsString());
        assertEquals("128Gi", hard.get("limits.memory").getAsString());
        assertEquals(1, plan.ofType("kubernetes:core/v1:ResourceQuota").size(), "ml sets no quota");
        for (var team : List.of("analytics", "ml")) {
            var items = teamOne(team, "kubernetes:core/v1:LimitRange").input("spec.limits").orElseThrow().getAsJsonArray();
            assertEquals(1, items.size());
            var limits = items.get(0).getAsJsonObject();
            assertEquals("250m", limits.getAsJsonObject("defaultRequest").get("cpu").getAsString());
            // A Container max without a default becomes the default limit (limit-range docs): no CPU in either.
            assertFalse(limits.getAsJsonObject("default").has("cpu"), "no default CPU limit: it would throttle Spark executors");
            assertFalse(limits.getAsJsonObject("max").has("cpu"), "a CPU max would become every container's CPU limit");
            assertFalse(limits.has("maxLimitRequestRatio") || limits.has("min"), limits.toString());
            // The memory max is the largest default node's allocatable memory (c5.2xlarge: 16384 - (255 + 11 x 58) - 100 MiB),
            // not a size that caps a container below the node it runs on.
            assertEquals("15391Mi", limits.getAsJsonObject("max").get("memory").getAsString());
            assertEquals("1Gi", limits.getAsJsonObject("default").get("memory").getAsString());
        }
    }

    @Test
    void everyTemplateScalesExecutorsWithShuffleTrackingAndBoundsThemByTheQuota() {
        for (var team : List.of("analytics", "ml")) {
            var data = JsonParser.parseString(teamOne(team, "aws:cloudformation/stack:Stack").inputString("templateBody")).getAsJsonObject()
                    .getAsJsonObject("Resources").getAsJsonObject("JobTemplate").getAsJsonObject("Properties").getAsJsonObject("JobTemplateData");
            var configurations = data.getAsJsonObject("ConfigurationOverrides").getAsJsonArray("ApplicationConfiguration");
            var byClassification = configurations.asList().stream().map(JsonElement::getAsJsonObject)
                    .collect(Collectors.toMap(c -> c.get("Classification").getAsString(), c -> c.getAsJsonObject("Properties")));
            var defaults = byClassification.get("spark-defaults");
            assertEquals("true", defaults.get("spark.dynamicAllocation.enabled").getAsString());
            assertEquals("true", defaults.get("spark.dynamicAllocation.shuffleTracking.enabled").getAsString());
            assertEquals("${ExecutorInstances}", defaults.get("spark.dynamicAllocation.initialExecutors").getAsString());
            assertEquals("${MinExecutors}", defaults.get("spark.dynamicAllocation.minExecutors").getAsString());
            assertEquals("${MaxExecutors}", defaults.get("spark.dynamicAllocation.maxExecutors").getAsString());
            assertEquals("${ExecutorIdleTimeout}", defaults.get("spark.dynamicAllocation.executorIdleTimeout").getAsString());
            assertEquals("true", defaults.get("spark.sql.adaptive.enabled").getAsString());
            assertEquals("false", defaults.get("spark.decommission.enabled").getAsString(), "custom image only (best-practices guide)");
            assertEquals(Map.of("jobsubmitter.node.selector.eks.amazonaws.com/capacityType", "ON_DEMAND"),
                    byClassification.get("emr-job-submitter").asMap().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                            e -> e.getValue().getAsString())));
        }
        // analytics (32 CPU, 128Gi): per job 1600m + 1250m per executor of CPU requests, 5939Mi + 3891Mi per executor of
        // memory limits: (32000 - 1600) / 1250 = 24 executors by CPU, (131072 - 5939) / 3891 = 32 by memory.
        assertEquals("24", maxExecutorsDefault("analytics"));
        // ml has no quota: bounded by the default spot group (20 nodes x 4 executors).
        assertEquals("80", maxExecutorsDefault("ml"));
    }

    private static String maxExecutorsDefault(String team) {
        return JsonParser.parseString(teamOne(team, "aws:cloudformation/stack:Stack").inputString("templateBody")).getAsJsonObject()
                .getAsJsonObject("Resources").getAsJsonObject("JobTemplate").getAsJsonObject("Properties").getAsJsonObject("JobTemplateData")
                .getAsJsonObject("ParameterConfiguration").getAsJsonObject("MaxExecutors").get("DefaultValue").getAsString();
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
            assertEquals(Set.of("virtualClusterId", "jobRoleArn", "jobTemplateId", "sampleJobCommand", "bucket", "codePrefix", "s3LogUri",
                    "logGroupName", "logStreamPrefix", "submitterPolicyArn"), entry.keySet());
            assertEquals("big-data-stack-test-emr-123456789012", entry.get("bucket").getAsString());
            assertEquals("teams/" + team + "/jobs/", entry.get("codePrefix").getAsString());
            assertEquals("s3://big-data-stack-test-emr-123456789012/teams/" + team + "/logs/", entry.get("s3LogUri").getAsString());
            assertEquals("/aws/emr-containers/big-data-stack-test/jobs", entry.get("logGroupName").getAsString());
            assertEquals(team, entry.get("logStreamPrefix").getAsString());
            assertEquals("arn:aws:iam::123456789012:policy/big-data-stack-test-" + team + "-job-submitter", entry.get("submitterPolicyArn").getAsString());
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
    void eachSubmitterPolicyStartsJobsOnlyOnItsClusterWithItsRoleAndReadsOnlyItsPrefixes() {
        var teams = plan.outputs().get("Teams").getAsJsonObject();
        for (var team : List.of("analytics", "ml")) {
            var other = team.equals("ml") ? "analytics" : "ml";
            var entry = teams.getAsJsonObject(team);
            var policy = teamOne(team, "aws:iam/policy:Policy");
            assertEquals("big-data-stack-test-" + team + "-job-submitter", policy.inputString("name"));
            var cluster = "arn:aws:emr-containers:us-east-1:123456789012:/virtualclusters/" + entry.get("virtualClusterId").getAsString();
            var role = entry.get("jobRoleArn").getAsString();
            var template = "arn:aws:emr-containers:us-east-1:123456789012:/jobtemplates/" + entry.get("jobTemplateId").getAsString();
            var statements = statements(policy, "policy");
            var starts = statements.stream().filter(st -> strings(st.get("Action")).contains("emr-containers:StartJobRun")).toList();
            assertEquals(2, starts.size(), starts.toString());
            for (var start : starts) {
                assertEquals(List.of("emr-containers:StartJobRun"), strings(start.get("Action")));
                assertEquals(List.of(cluster), strings(start.get("Resource")));
                var condition = start.getAsJsonObject("Condition");
                // Every StartJobRun pins the role: exactly (ArnEquals), or when the request names one (template case).
                var roleCondition = condition.has("ArnEquals") && condition.getAsJsonObject("ArnEquals").has("emr-containers:ExecutionRoleArn")
                        ? condition.getAsJsonObject("ArnEquals") : condition.getAsJsonObject("ArnEqualsIfExists");
                assertEquals(role, roleCondition.get("emr-containers:ExecutionRoleArn").getAsString());
                if (roleCondition != condition.getAsJsonObject("ArnEquals")) {
                    assertEquals(template, condition.getAsJsonObject("ArnEquals").get("emr-containers:JobTemplateArn").getAsString());
                }
            }
            var text = statements.toString();
            assertTrue(statements.stream().flatMap(st -> strings(st.get("Action")).stream()).allMatch(a -> a.startsWith("emr-containers:")
                    || a.startsWith("s3:") || a.startsWith("logs:")), "no iam:PassRole: EMR on EKS checks the role by condition key: " + text);
            assertFalse(text.contains("teams/" + other + "/") || text.contains(teams.getAsJsonObject(other).get("virtualClusterId").getAsString()), text);
            assertTrue(statements.stream().flatMap(st -> strings(st.get("Resource")).stream()).noneMatch(r -> r.equals("*") || r.endsWith(":*")), text);
            var objects = statements.stream().filter(st -> strings(st.get("Action")).stream().anyMatch(a -> a.startsWith("s3:") && a.endsWith("Object")))
                    .flatMap(st -> strings(st.get("Resource")).stream()).collect(Collectors.toSet());
            assertEquals(Set.of("arn:aws:s3:::big-data-stack-test-emr-123456789012/teams/" + team + "/jobs/*",
                    "arn:aws:s3:::big-data-stack-test-emr-123456789012/teams/" + team + "/logs/*"), objects);
            var puts = statements.stream().filter(st -> strings(st.get("Action")).contains("s3:PutObject"))
                    .flatMap(st -> strings(st.get("Resource")).stream()).toList();
            assertEquals(List.of("arn:aws:s3:::big-data-stack-test-emr-123456789012/teams/" + team + "/jobs/*"), puts, "uploads only to the code prefix");
            var events = statements.stream().filter(st -> strings(st.get("Action")).contains("logs:GetLogEvents"))
                    .flatMap(st -> strings(st.get("Resource")).stream()).toList();
            assertEquals(List.of("arn:aws:logs:us-east-1:123456789012:log-group:/aws/emr-containers/big-data-stack-test/jobs:log-stream:" + team + "/*"), events);
            assertFalse(text.contains("logs:FilterLogEvents"), "the log group is shared: filtering it would read other teams' logs");
        }
    }

    @Test
    void theSampleCommandCarriesTheSameDefaultsAsItsTemplate() {
        var command = plan.outputs().get("Teams").getAsJsonObject().getAsJsonObject("analytics").get("sampleJobCommand").getAsString();
        var words = io.bigdatastack.testing.ShellWords.split(command);
        var overrides = JsonParser.parseString(words.get(words.indexOf("--configuration-overrides") + 1)).getAsJsonObject();
        var defaults = overrides.getAsJsonArray("applicationConfiguration").asList().stream().map(JsonElement::getAsJsonObject)
                .filter(c -> c.get("classification").getAsString().equals("spark-defaults")).findFirst().orElseThrow().getAsJsonObject("properties");
        assertEquals("true", defaults.get("spark.dynamicAllocation.enabled").getAsString());
        assertEquals("true", defaults.get("spark.dynamicAllocation.shuffleTracking.enabled").getAsString());
        assertEquals(maxExecutorsDefault("analytics"), defaults.get("spark.dynamicAllocation.maxExecutors").getAsString());
    }

    @Test
    void quotasAreKubernetesQuantitiesLargeEnoughForOneJob() {
        // Accepted: the real grammar (signs, decimal exponents, SI and binary suffixes) at or above one job's needs.
        for (var quotas : List.of(new String[] {"2850m", "9830Mi"}, new String[] {"+3", "10Gi"}, new String[] {"2.85", "1.031e10"},
                new String[] {"3e0", "0.01Ti"}, new String[] {"1e1", "10307921510"})) {
            TestStacks.config(Map.of("teams", "[{\"name\": \"a\", \"cpuQuota\": \"" + quotas[0] + "\", \"memoryQuota\": \"" + quotas[1] + "\"}]"));
        }
        var error = assertThrows(InvalidConfigException.class, () -> TestStacks.config(Map.of("teams", """
                [{"name": "a", "cpuQuota": "1e1.5", "memoryQuota": "128"},
                 {"name": "b", "cpuQuota": "Infinity", "memoryQuota": "NaN"},
                 {"name": "c", "cpuQuota": "2", "memoryQuota": "12 Gi"},
                 {"name": "d", "cpuQuota": "-32", "memoryQuota": "1e400"},
                 {"name": "e", "cpuQuota": "2849m", "memoryQuota": "9829Mi"},
                 {"name": "f", "cpuQuota": "32k8", "memoryQuota": "8Gb"}]""")));
        var message = error.getMessage();
        assertTrue(message.contains("big-data-stack:teams[0].cpuQuota: got '1e1.5', expected a Kubernetes quantity"), message);
        assertTrue(message.contains("big-data-stack:teams[0].memoryQuota: got '128', expected at least 9830Mi"), message);
        assertTrue(message.contains("big-data-stack:teams[1].cpuQuota: got 'Infinity', expected a Kubernetes quantity"), message);
        assertTrue(message.contains("big-data-stack:teams[1].memoryQuota: got 'NaN', expected a Kubernetes quantity"), message);
        assertTrue(message.contains("big-data-stack:teams[2].cpuQuota: got '2', expected at least 2850m"), message);
        assertTrue(message.contains("big-data-stack:teams[2].memoryQuota: got '12 Gi', expected a Kubernetes quantity"), message);
        assertTrue(message.contains("big-data-stack:teams[3].cpuQuota: got '-32', expected at least 2850m"), message);
        assertTrue(message.contains("big-data-stack:teams[3].memoryQuota: got '1e400', expected a quantity of at most 2^63-1"), message);
        assertTrue(message.contains("big-data-stack:teams[4].cpuQuota: got '2849m', expected at least 2850m"), message);
        assertTrue(message.contains("big-data-stack:teams[4].memoryQuota: got '9829Mi', expected at least 9830Mi"), message);
        assertTrue(message.contains("big-data-stack:teams[5].cpuQuota: got '32k8'"), message);
        assertTrue(message.contains("big-data-stack:teams[5].memoryQuota: got '8Gb'"), message);
        assertEquals(12, error.problems().size(), message);
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
