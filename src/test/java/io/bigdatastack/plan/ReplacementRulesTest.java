package io.bigdatastack.plan;

import io.bigdatastack.cli.Planner;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;

import static io.bigdatastack.testing.TestStacks.overrides;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplacementRulesTest {

    @AfterAll
    static void cleanup() {
        com.pulumi.test.PulumiTest.cleanup();
    }

    /** Fails when the program registers a resource type (or provider) the replacement rules do not cover. */
    @Test
    void everyTypeTheProgramRegistersIsCovered() {
        var plans = List.of(
                TestStacks.planStackFile("dev"),
                TestStacks.planStackFile("prod"),
                // Variants that register types the committed stacks do not: Pod Identity associations,
                TestStacks.plan(overrides("jobRoleBinding", "both", "natGateways", "perAz")),
                // and every opt-in: the interactive endpoint, the load balancer controller, no job template, teams.
                TestStacks.plan(overrides("studioEndpoint", "true")),
                TestStacks.plan(overrides("loadBalancerController", "true")),
                TestStacks.plan(overrides("jobTemplate", "false")),
                // Karpenter instead of the Cluster Autoscaler: queue, rules, tags, NodePools and EC2NodeClasses.
                TestStacks.plan(overrides("nodeProvisioner", "karpenter")),
                TestStacks.plan(overrides("teams", """
                        [{"name": "analytics", "cpuQuota": "32", "memoryQuota": "128Gi"},
                         {"name": "ml", "cpuQuota": "16", "memoryQuota": "64Gi", "glueCatalogAccess": true}]""")),
                // Cost attribution outside us-east-1 (the export's own provider), tags and budgets.
                TestStacks.plan(overrides("aws:region", "eu-west-1", "costReports", "true", "costAllocationTags", "true",
                        "monthlyBudget", "100")));
        var types = new TreeSet<String>();
        plans.forEach(plan -> plan.resources().stream().filter(Plan.Resource::custom).forEach(r -> types.add(r.type())));
        assertTrue(types.contains("aws:eks/podIdentityAssociation:PodIdentityAssociation"), types.toString());
        assertTrue(types.contains("kubernetes:core/v1:ResourceQuota"), types.toString());
        assertTrue(types.contains("kubernetes:karpenter.sh/v1:NodePool"), types.toString());
        assertTrue(types.containsAll(List.of("aws:bcmdata/export:Export", "pulumi:providers:aws", "aws:budgets/budget:Budget",
                "aws:costexplorer/costAllocationTag:CostAllocationTag")), types.toString());
        var rules = ReplacementRules.shipped();
        var missing = types.stream().filter(t -> !rules.covers(t)).toList();
        assertTrue(missing.isEmpty(), "add these types to " + ReplacementRules.RESOURCE + " with their source: " + missing);
    }

    @Test
    void everyEntryCitesItsSource() {
        var rules = ReplacementRules.shipped();
        for (var rule : rules.all().values()) {
            if (rule.type().startsWith("aws:")) {
                assertTrue(rule.source().startsWith("internal/service/") && rule.source().contains(".go (aws_"),
                        rule.type() + " must name its Terraform file and resource: " + rule.source());
            } else {
                assertTrue(rules.source(rule.source()).isPresent(), rule.type() + " cites an unnamed source " + rule.source());
            }
        }
        assertTrue(rules.source("terraform").orElseThrow().contains("ForceNew"));
    }

    @Test
    void theRulesOfTheStatefulTypesAreTheProvidersForceNewInputs() {
        var rules = ReplacementRules.shipped();
        assertEquals(List.of("name", "containerProvider"), rules.rule("aws:emrcontainers/virtualCluster:VirtualCluster").orElseThrow().replaceOn());
        var studio = rules.rule("aws:emr/studio:Studio").orElseThrow();
        assertTrue(studio.replacingPath("authMode").isPresent() && studio.replacingPath("vpcId").isPresent());
        assertFalse(studio.replacingPath("subnetIds").isPresent(), "UpdateStudio changes subnets in place");
        var nodeGroup = rules.rule("aws:eks/nodeGroup:NodeGroup").orElseThrow();
        assertFalse(nodeGroup.replacingPath("scalingConfig.maxSize").isPresent());
        assertTrue(nodeGroup.replacingPath("instanceTypes").isPresent());
        var cluster = rules.rule("aws:eks/cluster:Cluster").orElseThrow();
        assertTrue(cluster.replacingPath("accessConfig.bootstrapClusterCreatorAdminPermissions").isPresent());
        assertFalse(cluster.replacingPath("accessConfig.authenticationMode").isPresent());
        // A path under a replacing object replaces; a parent object changing as a whole does too.
        assertTrue(rules.rule("aws:emrcontainers/virtualCluster:VirtualCluster").orElseThrow().replacingPath("containerProvider.info.eksInfo.namespace").isPresent());
    }

    // --- The diff engine on small hand-written plans ---

    private static JsonObject plan(String stack, String resourcesJson) {
        return JsonParser.parseString("{\"project\":\"p\",\"stack\":\"" + stack + "\",\"resources\":" + resourcesJson + "}").getAsJsonObject();
    }

    private static String resource(String type, String name, String parentUrn, String inputs, boolean protect) {
        return "{\"urn\":\"urn:pulumi:s::p::" + type + "::" + name + "\",\"type\":\"" + type + "\",\"name\":\"" + name
                + "\",\"custom\":true,\"parent\":" + (parentUrn == null ? "null" : "\"" + parentUrn + "\"")
                + ",\"provider\":null,\"inputs\":" + inputs + ",\"dependencies\":[],\"propertyDependencies\":{},"
                + "\"options\":{\"protect\":" + protect + ",\"retainOnDelete\":" + protect + ",\"deleteBeforeReplace\":false,\"ignoreChanges\":[]}}";
    }

    private static final String EMR = "urn:pulumi:s::p::bigdata:emr:EmrOnEks::e";
    private static final String EMR_COMPONENT = "{\"urn\":\"" + EMR + "\",\"type\":\"bigdata:emr:EmrOnEks\",\"name\":\"e\",\"custom\":false,"
            + "\"parent\":null,\"provider\":null,\"inputs\":{},\"dependencies\":[],\"propertyDependencies\":{},"
            + "\"options\":{\"protect\":false,\"retainOnDelete\":false,\"deleteBeforeReplace\":false,\"ignoreChanges\":[]}}";

    @Test
    void aTypeMissingFromTheRulesIsReplaceOrUpdateUnknownAndAStatefulOneIsARisk() {
        var document = JsonParser.parseReader(new InputStreamReader(
                ReplacementRules.class.getResourceAsStream(ReplacementRules.RESOURCE), StandardCharsets.UTF_8)).getAsJsonObject();
        document.getAsJsonObject("types").remove("aws:emrcontainers/virtualCluster:VirtualCluster");
        var rules = ReplacementRules.parse(document);
        var type = "aws:emrcontainers/virtualCluster:VirtualCluster";
        var before = plan("s", "[" + EMR_COMPONENT + "," + resource(type, "vc", EMR, "{\"name\":\"a\"}", false) + "]");
        var after = plan("s", "[" + EMR_COMPONENT + "," + resource(type, "vc", EMR, "{\"name\":\"b\"}", false) + "]");
        var result = PlanDiff.compare(before, after, rules, Planner.STATEFUL);
        var change = result.changes().stream().filter(c -> c.name().equals("vc")).findFirst().orElseThrow();
        assertEquals(PlanDiff.Action.UNKNOWN, change.action());
        assertTrue(change.reason().contains("not in " + ReplacementRules.RESOURCE), change.reason());
        assertTrue(result.risky(), "an unknown change of a stateful resource may replace it");
        // With the shipped rules the same change is a replacement.
        assertEquals(PlanDiff.Action.REPLACE, PlanDiff.compare(before, after, Planner.STATEFUL).changes().get(1).action());
    }

    @Test
    void anUpdateOfOptionsOnlyNamesTheOptionsThatChange() {
        var before = plan("s", "[" + EMR_COMPONENT + "," + resource("aws:iam/role:Role", "role", EMR, "{\"name\":\"r\"}", false) + "]");
        var after = plan("s", "[" + EMR_COMPONENT + "," + resource("aws:iam/role:Role", "role", EMR, "{\"name\":\"r\"}", true) + "]");
        var change = PlanDiff.compare(before, after, Planner.STATEFUL).changes().get(1);
        assertEquals(PlanDiff.Action.UPDATE, change.action());
        assertEquals("resource options change: protect: false => true, retainOnDelete: false => true", change.reason());
    }

    /** The reason follows what `pulumi up` does: protect stops it first; once unprotected, retainOnDelete keeps the resource. */
    @Test
    void deletingAProtectedRetainedResourceSaysWhatHappensInOrder() {
        var logGroup = resource("aws:cloudwatch/logGroup:LogGroup", "logs", EMR, "{\"name\":\"/x\"}", true);
        var before = plan("s", "[" + EMR_COMPONENT + "," + logGroup + "]");
        var after = plan("s", "[" + EMR_COMPONENT + "]");
        var change = PlanDiff.compare(before, after, Planner.STATEFUL).changes().stream()
                .filter(c -> c.name().equals("logs")).findFirst().orElseThrow();
        assertEquals(PlanDiff.Action.DELETE, change.action());
        var reason = change.reason();
        assertTrue(reason.indexOf("protected: `pulumi up` stops at this delete") < reason.indexOf("after that, retainOnDelete drops it from the stack and leaves it in AWS"), reason);
        assertTrue(reason.indexOf("protected:") > 0 && reason.contains("deleting it by hand loses"), reason);
    }

    @Test
    void deletingAStatefulResourceIsARiskAndDeletingAnotherIsNot() {
        var logGroup = resource("aws:cloudwatch/logGroup:LogGroup", "logs", EMR, "{\"name\":\"/x\"}", false);
        var role = resource("aws:iam/role:Role", "role", EMR, "{\"name\":\"r\"}", false);
        var before = plan("s", "[" + EMR_COMPONENT + "," + logGroup + "," + role + "]");
        var withoutRole = PlanDiff.compare(before, plan("s", "[" + EMR_COMPONENT + "," + logGroup + "]"), Planner.STATEFUL);
        assertFalse(withoutRole.risky());
        assertEquals(PlanDiff.Action.DELETE, withoutRole.changes().get(2).action());
        var withoutLogs = PlanDiff.compare(before, plan("s", "[" + EMR_COMPONENT + "," + role + "]"), Planner.STATEFUL);
        assertTrue(withoutLogs.risky());
        assertTrue(withoutLogs.risks().get(0).reason().contains("the EMR job log group"), withoutLogs.risks().get(0).reason());
    }

    @Test
    void aReplacementCascadesThroughInputsThatCarryItsId() {
        var vpc = "urn:pulumi:s::p::aws:ec2/vpc:Vpc::vpc";
        var subnet = "{\"urn\":\"urn:pulumi:s::p::aws:ec2/subnet:Subnet::subnet\",\"type\":\"aws:ec2/subnet:Subnet\",\"name\":\"subnet\",\"custom\":true,"
                + "\"parent\":null,\"provider\":null,\"inputs\":{\"vpcId\":\"vpc-1\",\"cidrBlock\":\"10.0.0.0/24\"},\"dependencies\":[\"" + vpc + "\"],"
                + "\"propertyDependencies\":{\"vpcId\":[\"" + vpc + "\"]},\"options\":{\"protect\":false,\"retainOnDelete\":false,\"deleteBeforeReplace\":false,\"ignoreChanges\":[]}}";
        var before = plan("s", "[" + resource("aws:ec2/vpc:Vpc", "vpc", null, "{\"cidrBlock\":\"10.0.0.0/16\"}", false) + "," + subnet + "]");
        var after = plan("s", "[" + resource("aws:ec2/vpc:Vpc", "vpc", null, "{\"cidrBlock\":\"10.1.0.0/16\"}", false) + "," + subnet + "]");
        var changes = PlanDiff.compare(before, after, Planner.STATEFUL).changes();
        assertEquals(PlanDiff.Action.REPLACE, changes.get(0).action());
        assertEquals(PlanDiff.Action.REPLACE, changes.get(1).action(), "the subnet's vpcId is unknown until the new VPC exists");
        assertTrue(changes.get(1).changedInputs().get(0).note().contains("vpc"), changes.get(1).toString());
    }

    @Test
    void aKubernetesProviderIsReplacedOnlyWhenItsApiServerChanges() {
        var config = "apiVersion: v1\\nclusters:\\n- name: c\\n  cluster:\\n    server: https://%s\\ncontexts:\\n- name: c\\n  context:\\n    cluster: c\\n    user: u\\ncurrent-context: c\\nusers:\\n- name: u\\n  user:\\n    exec:\\n      args: [%s]\\n";
        var type = "pulumi:providers:kubernetes";
        var before = plan("s", "[" + resource(type, "k8s", null, "{\"kubeconfig\":\"" + config.formatted("a", "x") + "\"}", false) + "]");
        var newRole = plan("s", "[" + resource(type, "k8s", null, "{\"kubeconfig\":\"" + config.formatted("a", "y") + "\"}", false) + "]");
        var newServer = plan("s", "[" + resource(type, "k8s", null, "{\"kubeconfig\":\"" + config.formatted("b", "x") + "\"}", false) + "]");
        assertEquals(PlanDiff.Action.UPDATE, PlanDiff.compare(before, newRole, Planner.STATEFUL).changes().get(0).action());
        assertEquals(PlanDiff.Action.REPLACE, PlanDiff.compare(before, newServer, Planner.STATEFUL).changes().get(0).action());
    }

    @Test
    void secretsStaySecretInTheChanges() {
        var type = "aws:iam/role:Role";
        var before = plan("s", "[" + resource(type, "r", null, "{\"name\":\"r\",\"description\":\"[secret]\",\"path\":\"/a/\"}", false) + "]");
        var after = plan("s", "[" + resource(type, "r", null, "{\"name\":\"r\",\"description\":\"[secret]\",\"path\":\"/b/\"}", false) + "]");
        var json = PlanDiff.toJson(PlanDiff.compare(before, after, Planner.STATEFUL), "x").toString();
        assertTrue(json.contains("\"path\"") && !json.contains("\"description\""), json);
    }

    @Test
    void aCloudControlResourceIsReplacedWhenACreateOnlyPropertyOfItsTypeChanges() {
        var type = "aws:cloudcontrol/resource:Resource";
        java.util.function.BiFunction<String, String, JsonObject> endpoint = (typeName, state) -> plan("s", "[" + resource(type, "endpoint", null,
                "{\"typeName\":\"" + typeName + "\",\"desiredState\":" + new com.google.gson.Gson().toJson(state) + "}", false) + "]");
        var before = endpoint.apply("AWS::EMRContainers::Endpoint", "{\"ReleaseLabel\":\"emr-7.13.0-latest\",\"Tags\":[]}");
        var newRelease = endpoint.apply("AWS::EMRContainers::Endpoint", "{\"ReleaseLabel\":\"emr-7.12.0-latest\",\"Tags\":[]}");
        var newTags = endpoint.apply("AWS::EMRContainers::Endpoint", "{\"ReleaseLabel\":\"emr-7.13.0-latest\",\"Tags\":[{\"Key\":\"a\",\"Value\":\"b\"}]}");
        assertEquals(PlanDiff.Action.REPLACE, PlanDiff.compare(before, newRelease, Planner.STATEFUL).changes().get(0).action());
        assertEquals(PlanDiff.Action.UPDATE, PlanDiff.compare(before, newTags, Planner.STATEFUL).changes().get(0).action());
        // A CloudFormation type whose create-only properties the rules do not list: said so, not guessed.
        var otherBefore = endpoint.apply("AWS::Other::Thing", "{\"A\":1}");
        var otherAfter = endpoint.apply("AWS::Other::Thing", "{\"A\":2}");
        var change = PlanDiff.compare(otherBefore, otherAfter, Planner.STATEFUL).changes().get(0);
        assertEquals(PlanDiff.Action.UNKNOWN, change.action());
        assertTrue(change.reason().contains("create-only"), change.reason());
    }

    // --- Issue 20: options, the pinned providers, disruption and refusals ---

    private static String resourceWith(String type, String name, String inputs, String options, String propertyDependencies) {
        return "{\"urn\":\"urn:pulumi:s::p::" + type + "::" + name + "\",\"type\":\"" + type + "\",\"name\":\"" + name
                + "\",\"custom\":true,\"parent\":null,\"provider\":null,\"inputs\":" + inputs + ",\"dependencies\":[],"
                + "\"propertyDependencies\":" + propertyDependencies + ",\"options\":" + options + "}";
    }

    private static final String NO_OPTIONS = "{\"protect\":false,\"retainOnDelete\":false,\"deleteBeforeReplace\":false,\"ignoreChanges\":[]}";

    private static PlanDiff.Change only(String type, String beforeInputs, String afterInputs) {
        return PlanDiff.compare(plan("s", "[" + resourceWith(type, "r", beforeInputs, NO_OPTIONS, "{}") + "]"),
                plan("s", "[" + resourceWith(type, "r", afterInputs, NO_OPTIONS, "{}") + "]"), Planner.STATEFUL).changes().get(0);
    }

    @Test
    void aHelmReleaseRenameIsAnUpdateInPinnedPulumiKubernetes() {
        var change = only("kubernetes:helm.sh/v3:Release", "{\"name\":\"a\",\"namespace\":\"n\"}", "{\"name\":\"b\",\"namespace\":\"m\"}");
        assertEquals(PlanDiff.Action.UPDATE, change.action(), change.toString());
        assertTrue(ReplacementRules.shipped().rule("kubernetes:helm.sh/v3:Release").orElseThrow().note().orElseThrow().contains("#2532"));
    }

    @Test
    void aResourceQuotaScopeChangeReplacesAndAHardLimitChangeUpdates() {
        var type = "kubernetes:core/v1:ResourceQuota";
        assertEquals(PlanDiff.Action.REPLACE, only(type, "{\"spec\":{\"scopes\":[\"BestEffort\"]}}", "{\"spec\":{\"scopes\":[\"NotBestEffort\"]}}").action());
        assertEquals(PlanDiff.Action.UPDATE, only(type, "{\"spec\":{\"hard\":{\"requests.cpu\":\"8\"}}}", "{\"spec\":{\"hard\":{\"requests.cpu\":\"16\"}}}").action());
    }

    @Test
    void aPriorityClassValueChangeIsAnUpdateTheApiServerRefuses() {
        var type = "kubernetes:scheduling.k8s.io/v1:PriorityClass";
        var before = plan("s", "[" + resourceWith(type, "pc", "{\"value\":1000,\"description\":\"a\"}", NO_OPTIONS, "{}") + "]");
        var after = plan("s", "[" + resourceWith(type, "pc", "{\"value\":2000,\"description\":\"a\"}", NO_OPTIONS, "{}") + "]");
        var result = PlanDiff.compare(before, after, Planner.STATEFUL);
        assertEquals(PlanDiff.Action.UPDATE, result.changes().get(0).action());
        assertEquals(1, result.refusals().size(), result.refusals().toString());
        assertTrue(result.refusals().get(0).url().contains("pod-priority-preemption"), result.refusals().toString());
        var description = PlanDiff.compare(before, plan("s", "[" + resourceWith(type, "pc", "{\"value\":1000,\"description\":\"b\"}", NO_OPTIONS, "{}") + "]"),
                Planner.STATEFUL);
        assertTrue(description.refusals().isEmpty(), "a description change is a plain update");
    }

    @Test
    void aKubernetesProviderIsReplacedWhenAnyPartOfItsActiveClusterChanges() {
        var config = "apiVersion: v1\\nclusters:\\n- name: c\\n  cluster:\\n    server: https://a\\n    certificate-authority-data: %s\\n"
                + "- name: d\\n  cluster:\\n    server: https://d\\ncontexts:\\n- name: c\\n  context:\\n    cluster: c\\n    user: u\\n"
                + "- name: d\\n  context:\\n    cluster: d\\n    user: u\\ncurrent-context: c\\nusers:\\n- name: u\\n  user: {}\\n";
        var type = "pulumi:providers:kubernetes";
        var before = "{\"kubeconfig\":\"" + config.formatted("QQ==") + "\"}";
        assertEquals(PlanDiff.Action.REPLACE, only(type, before, "{\"kubeconfig\":\"" + config.formatted("Qg==") + "\"}").action(),
                "same server, another CA: another cluster");
        assertEquals(PlanDiff.Action.REPLACE, only(type, before, "{\"kubeconfig\":\"" + config.formatted("QQ==") + "\",\"context\":\"d\"}").action(),
                "the context input picks another cluster");
        assertEquals(PlanDiff.Action.UPDATE, only(type, before, "{\"kubeconfig\":\"" + config.formatted("QQ==") + "\",\"enableServerSideApply\":true}").action());
    }

    @Test
    void replaceOnChangesDeleteBeforeReplaceProtectAndRetainOnDeleteAreHonoured() {
        var type = "aws:iam/role:Role";
        var options = "{\"protect\":true,\"retainOnDelete\":true,\"deleteBeforeReplace\":true,\"ignoreChanges\":[],\"replaceOnChanges\":[\"description\"],\"aliases\":[]}";
        var before = plan("s", "[" + resourceWith(type, "r", "{\"name\":\"r\",\"description\":\"a\"}", options, "{}") + "]");
        var after = plan("s", "[" + resourceWith(type, "r", "{\"name\":\"r\",\"description\":\"b\"}", options, "{}") + "]");
        var change = PlanDiff.compare(before, after, Planner.STATEFUL).changes().get(0);
        assertEquals(PlanDiff.Action.REPLACE, change.action(), "description is an update for the provider, a replace by the option");
        assertTrue(change.reason().contains("replaceOnChanges: description") && change.reason().contains("deleteBeforeReplace")
                && change.reason().contains("protected") && change.reason().contains("retainOnDelete"), change.reason());
        // "*" replaces on any input.
        var any = options.replace("[\"description\"]", "[\"*\"]");
        var star = PlanDiff.compare(plan("s", "[" + resourceWith(type, "r", "{\"name\":\"r\",\"path\":\"/a/\"}", any, "{}") + "]"),
                plan("s", "[" + resourceWith(type, "r", "{\"name\":\"r\",\"path\":\"/a/\",\"maxSessionDuration\":7200}", any, "{}") + "]"), Planner.STATEFUL);
        assertEquals(PlanDiff.Action.REPLACE, star.changes().get(0).action());
        // A delete of an unprotected retained stateful resource leaves it in AWS: not a data risk.
        var emr = EMR_COMPONENT;
        var logs = resource("aws:cloudwatch/logGroup:LogGroup", "logs", EMR, "{\"name\":\"l\"}", true)
                .replace("\"protect\":true", "\"protect\":false");
        var removed = PlanDiff.compare(plan("s", "[" + emr + "," + logs + "]"), plan("s", "[" + emr + "]"), Planner.STATEFUL).changes().get(1);
        assertEquals(PlanDiff.Action.DELETE, removed.action());
        assertTrue(removed.retainedInAws() && !removed.risky(), removed.toString());
        var protectedLogs = resource("aws:cloudwatch/logGroup:LogGroup", "logs", EMR, "{\"name\":\"l\"}", true);
        var stopped = PlanDiff.compare(plan("s", "[" + emr + "," + protectedLogs + "]"), plan("s", "[" + emr + "]"), Planner.STATEFUL).changes().get(1);
        assertTrue(stopped.risky() && stopped.reason().contains("protected"), stopped.toString());
    }

    @Test
    void anAliasMatchesAMovedResourceWithItsEarlierUrn() {
        var type = "aws:iam/role:Role";
        var before = plan("s", "[" + resourceWith(type, "r", "{\"name\":\"r\"}", NO_OPTIONS, "{}") + "]");
        var moved = "{\"urn\":\"urn:pulumi:s::p::my:c:C$" + type + "::r\",\"type\":\"" + type + "\",\"name\":\"r\",\"custom\":true,\"parent\":null,"
                + "\"provider\":null,\"inputs\":{\"name\":\"r\"},\"dependencies\":[],\"propertyDependencies\":{},\"options\":{\"protect\":false,"
                + "\"retainOnDelete\":false,\"deleteBeforeReplace\":false,\"ignoreChanges\":[],\"replaceOnChanges\":[],\"aliases\":[\"urn:pulumi:s::p::" + type + "::r\"]}}";
        var result = PlanDiff.compare(before, plan("s", "[" + moved + "]"), Planner.STATEFUL);
        assertEquals(1, result.changes().size(), result.changes().toString());
        assertEquals(PlanDiff.Action.UPDATE, result.changes().get(0).action());
        assertTrue(result.changes().get(0).reason().startsWith("moved from urn:pulumi:s::p::" + type + "::r"), result.changes().get(0).reason());
        // Without the alias it is a delete and a create.
        var unaliased = PlanDiff.compare(before, plan("s", "[" + moved.replace("\"aliases\":[\"urn:pulumi:s::p::" + type + "::r\"]", "\"aliases\":[]") + "]"),
                Planner.STATEFUL);
        assertEquals(java.util.Set.of(PlanDiff.Action.CREATE, PlanDiff.Action.DELETE),
                unaliased.changes().stream().map(PlanDiff.Change::action).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void aCloudControlDesiredStateKnownOnlyAfterAReplacementIsAReplace() {
        var vc = "urn:pulumi:s::p::aws:emrcontainers/virtualCluster:VirtualCluster::vc";
        var vcBefore = resourceWith("aws:emrcontainers/virtualCluster:VirtualCluster", "vc", "{\"name\":\"a\"}", NO_OPTIONS, "{}");
        var vcAfter = resourceWith("aws:emrcontainers/virtualCluster:VirtualCluster", "vc", "{\"name\":\"b\"}", NO_OPTIONS, "{}");
        var endpoint = resourceWith("aws:cloudcontrol/resource:Resource", "endpoint",
                "{\"typeName\":\"AWS::EMRContainers::Endpoint\",\"desiredState\":\"{\\\"VirtualClusterId\\\":\\\"x\\\"}\"}", NO_OPTIONS,
                "{\"desiredState\":[\"" + vc + "\"]}");
        var changes = PlanDiff.compare(plan("s", "[" + vcBefore + "," + endpoint + "]"), plan("s", "[" + vcAfter + "," + endpoint + "]"), Planner.STATEFUL);
        var change = changes.changes().get(1);
        assertEquals(PlanDiff.Action.REPLACE, change.action(), change.toString());
        assertTrue(change.reason().contains("create-only"), change.reason());
        assertTrue(change.disrupts() && change.disruptions().get(0).contains("notebook kernels"), change.toString());
    }

    @Test
    void karpenterPoolsDriftOnTheirTemplateNotOnLimitsWeightOrDisruption() {
        var pool = "kubernetes:karpenter.sh/v1:NodePool";
        var spec = "{\"spec\":{\"template\":{\"spec\":{\"requirements\":[%s]}},\"limits\":{\"cpu\":\"%s\"},\"weight\":%s,\"disruption\":{\"consolidateAfter\":\"%s\"}}}";
        var base = spec.formatted("\"a\"", "100", "1", "1m");
        var rules = ReplacementRules.shipped();
        java.util.function.BiFunction<String, String, PlanDiff.Change> diff = (a, b) -> PlanDiff.compare(
                plan("s", "[" + resourceWith(pool, "p", a, NO_OPTIONS, "{}") + "]"),
                plan("s", "[" + resourceWith(pool, "p", b, NO_OPTIONS, "{}") + "]"), rules, Planner.STATEFUL).changes().get(0);
        assertTrue(diff.apply(base, spec.formatted("\"b\"", "100", "1", "1m")).disruptions().toString().contains("drifted"));
        for (var calm : List.of(spec.formatted("\"a\"", "200", "1", "1m"), spec.formatted("\"a\"", "100", "5", "1m"), spec.formatted("\"a\"", "100", "1", "5m"))) {
            var change = diff.apply(base, calm);
            assertFalse(change.disrupts(), change.toString());
        }
        var nodeClass = "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass";
        var classChange = PlanDiff.compare(plan("s", "[" + resourceWith(nodeClass, "c", "{\"spec\":{\"amiFamily\":\"AL2023\"}}", NO_OPTIONS, "{}") + "]"),
                plan("s", "[" + resourceWith(nodeClass, "c", "{\"spec\":{\"amiFamily\":\"Bottlerocket\"}}", NO_OPTIONS, "{}") + "]"), rules, Planner.STATEFUL).changes().get(0);
        assertTrue(classChange.disrupts(), classChange.toString());
        var labelsOnly = PlanDiff.compare(plan("s", "[" + resourceWith(nodeClass, "c", "{\"metadata\":{\"labels\":{\"a\":\"1\"}},\"spec\":{}}", NO_OPTIONS, "{}") + "]"),
                plan("s", "[" + resourceWith(nodeClass, "c", "{\"metadata\":{\"labels\":{\"a\":\"2\"}},\"spec\":{}}", NO_OPTIONS, "{}") + "]"), rules, Planner.STATEFUL).changes().get(0);
        assertFalse(labelsOnly.disrupts(), labelsOnly.toString());
    }

    @Test
    void aJobTemplateStackBodyChangeNamesTheNewJobTemplateId() {
        var type = "aws:cloudformation/stack:Stack";
        var change = only(type, "{\"name\":\"t\",\"templateBody\":\"{\\\"Type\\\":\\\"AWS::EMRContainers::JobTemplate\\\",\\\"a\\\":1}\"}",
                "{\"name\":\"t\",\"templateBody\":\"{\\\"Type\\\":\\\"AWS::EMRContainers::JobTemplate\\\",\\\"a\\\":2}\"}");
        assertEquals(PlanDiff.Action.UPDATE, change.action());
        assertTrue(change.disrupts() && change.disruptions().get(0).contains("new JobTemplateId"), change.toString());
        var tags = only(type, "{\"name\":\"t\",\"tags\":{\"a\":\"1\"},\"templateBody\":\"AWS::EMRContainers::JobTemplate\"}",
                "{\"name\":\"t\",\"tags\":{\"a\":\"2\"},\"templateBody\":\"AWS::EMRContainers::JobTemplate\"}");
        assertFalse(tags.disrupts(), tags.toString());
        var otherStack = only(type, "{\"name\":\"t\",\"templateBody\":\"{\\\"a\\\":1}\"}", "{\"name\":\"t\",\"templateBody\":\"{\\\"a\\\":2}\"}");
        assertFalse(otherStack.disrupts(), "a stack without a job template");
    }

    @Test
    void aLifecycleRuleForANewPrefixIsNewButOneCoveringEarlierDataIsShortening() {
        var type = "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2";
        var logs = "{\"id\":\"expire-job-logs\",\"filter\":{\"prefix\":\"logs/\"},\"expiration\":{\"days\":30}}";
        var before = "{\"bucket\":\"b\",\"rules\":[" + logs + "]}";
        var newTeam = only(type, before, "{\"bucket\":\"b\",\"rules\":[" + logs + ",{\"id\":\"expire-team\",\"filter\":{\"prefix\":\"teams/ml/logs/\"},\"expiration\":{\"days\":7}}]}");
        assertTrue(newTeam.destroysData().isEmpty(), newTeam.toString());
        var everything = only(type, before, "{\"bucket\":\"b\",\"rules\":[" + logs + ",{\"id\":\"expire-all\",\"filter\":{\"prefix\":\"\"},\"expiration\":{\"days\":7}}]}");
        assertFalse(everything.destroysData().isEmpty(), "a rule over the whole bucket expires the earlier data");
        var renamed = only(type, before, "{\"bucket\":\"b\",\"rules\":[{\"id\":\"logs-renamed\",\"filter\":{\"prefix\":\"logs/\"},\"expiration\":{\"days\":7}}]}");
        assertFalse(renamed.destroysData().isEmpty(), "the same prefix under a new rule ID, shorter, is a shortening");
    }
}
