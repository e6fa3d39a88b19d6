package io.bigdatastack.addons;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.bigdatastack.config.InvalidConfigException;
import io.bigdatastack.plan.Plan;
import io.bigdatastack.testing.Json;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterAutoscalerTest {

    private static Plan plan;

    @BeforeAll
    static void planDefaults() {
        plan = TestStacks.plan(Map.of());
    }

    private static Plan.Resource release() {
        return plan.named("kubernetes:helm.sh/v3:Release", "test-cluster-autoscaler");
    }

    private static JsonObject values() {
        return release().input("values").orElseThrow().getAsJsonObject();
    }

    @ParameterizedTest
    // 1.33 left standard support on 2026-07-29, so it needs extended support; v1.33.6 is its newest upstream patch.
    @CsvSource({"1.33, EXTENDED, v1.33.6", "1.34, STANDARD, v1.34.5", "1.35, STANDARD, v1.35.2", "1.36, STANDARD, v1.36.1"})
    void imageMinorMatchesTheClusterMinor(String kubernetesVersion, String supportType, String expectedTag) {
        var p = TestStacks.plan(Map.of("kubernetesVersion", kubernetesVersion, "kubernetesSupportType", supportType));
        var image = p.named("test-cluster-autoscaler").input("values.image").orElseThrow().getAsJsonObject();
        assertEquals(expectedTag, image.get("tag").getAsString());
        assertEquals("registry.k8s.io/autoscaling/cluster-autoscaler", image.get("repository").getAsString());
    }

    @Test
    void theParameterizedCasesCoverEveryVersionOfTheTable() {
        // The CsvSource above names each minor once; a version added to the table must get its case there.
        assertEquals(java.util.List.of("1.33", "1.34", "1.35", "1.36"), io.bigdatastack.cluster.KubernetesVersions.minors());
    }

    @Test
    void aVersionMissingFromTheTableIsAConfigErrorNotADefault() {
        assertTrue(ClusterAutoscalerVersions.check("1.37").orElseThrow().contains("KubernetesVersions"));
        assertTrue(ClusterAutoscalerVersions.check("1.35").isEmpty());
        assertTrue(ClusterAutoscalerVersions.imageTag("1.32").isEmpty());
    }

    @Test
    void chartIsPinnedFromTheAutoscalerRepository() {
        assertEquals("cluster-autoscaler", release().inputString("chart"));
        assertEquals("9.59.0", release().inputString("version"));
        assertEquals("https://kubernetes.github.io/autoscaler", release().inputString("repositoryOpts.repo"));
        assertEquals("kube-system", release().inputString("namespace"));
        assertTrue(release().input("atomic").orElseThrow().getAsBoolean());
        assertEquals(600, release().input("timeout").orElseThrow().getAsInt());
    }

    @Test
    void discoversThisClusterInItsRegionWithSparkFriendlySettings() {
        assertEquals("big-data-stack-test", values().getAsJsonObject("autoDiscovery").get("clusterName").getAsString());
        assertEquals("us-east-1", values().get("awsRegion").getAsString());
        var extraArgs = values().getAsJsonObject("extraArgs");
        assertTrue(extraArgs.get("balance-similar-node-groups").getAsBoolean());
        assertEquals("least-waste", extraArgs.get("expander").getAsString());
        assertEquals("5m", extraArgs.get("scale-down-unneeded-time").getAsString());
        assertEquals("ON_DEMAND", values().getAsJsonObject("nodeSelector").get("eks.amazonaws.com/capacityType").getAsString());
    }

    @Test
    void serviceAccountAssumesTheRoleThroughIrsa() {
        var role = plan.named("aws:iam/role:Role", "test-autoscaler");
        var sa = values().getAsJsonObject("rbac").getAsJsonObject("serviceAccount");
        assertEquals("cluster-autoscaler", sa.get("name").getAsString());
        assertEquals("arn:aws:iam::123456789012:role/big-data-stack-test-cluster-autoscaler",
                sa.getAsJsonObject("annotations").get("eks.amazonaws.com/role-arn").getAsString());
        assertEquals("big-data-stack-test-cluster-autoscaler", role.inputString("name"));
        assertEquals("big-data-stack-test-cluster-autoscaler", plan.named("aws:iam/policy:Policy", "test-autoscaler").inputString("name"),
                "physical names start with project and stack");
    }

    @Test
    void trustIsExactlyTheServiceAccountAndTheStsAudience() {
        var trust = Json.document(plan.named("aws:iam/role:Role", "test-autoscaler"), "assumeRolePolicy");
        var issuer = plan.one("aws:iam/openIdConnectProvider:OpenIdConnectProvider").inputString("url").substring("https://".length());
        var expected = JsonParser.parseString("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                  "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/%1$s"},
                  "Action":"sts:AssumeRoleWithWebIdentity",
                  "Condition":{"StringEquals":{"%1$s:aud":"sts.amazonaws.com","%1$s:sub":"system:serviceaccount:kube-system:cluster-autoscaler"}}}]}
                """.formatted(issuer));
        assertEquals(expected, trust);
    }

    @Test
    void resizingIsLimitedToThisClustersTaggedGroups() {
        var policy = Json.document(plan.named("aws:iam/policy:Policy", "test-autoscaler"), "policy");
        var statements = policy.getAsJsonArray("Statement");
        assertEquals(3, statements.size());
        for (var element : statements) {
            var statement = element.getAsJsonObject();
            var actions = statement.get("Action").isJsonArray()
                    ? statement.getAsJsonArray("Action").asList().stream().map(a -> a.getAsString()).toList()
                    : List.of(statement.get("Action").getAsString());
            for (var action : actions) {
                assertTrue(action.matches("[a-z0-9-]+:[A-Za-z]+"), "no wildcard actions: " + action);
            }
            if (actions.contains("autoscaling:SetDesiredCapacity")) {
                assertEquals(List.of("autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"), actions);
                var conditions = statement.getAsJsonObject("Condition").getAsJsonObject("StringEquals");
                assertEquals("owned", conditions.get("aws:ResourceTag/k8s.io/cluster-autoscaler/big-data-stack-test").getAsString());
                assertEquals("true", conditions.get("aws:ResourceTag/k8s.io/cluster-autoscaler/enabled").getAsString());
                assertEquals(2, conditions.size());
            } else if (actions.contains("eks:DescribeNodegroup")) {
                assertEquals("arn:aws:eks:us-east-1:123456789012:nodegroup/big-data-stack-test/*", statement.get("Resource").getAsString());
            } else {
                assertTrue(actions.stream().allMatch(a -> a.contains(":Describe") || a.contains(":Get")), actions.toString());
                assertEquals("*", statement.get("Resource").getAsString());
            }
        }
    }

    @Test
    void releaseUsesTheClusterProviderAndWaitsForNodesAndPermissions() {
        var provider = plan.one("pulumi:providers:kubernetes");
        assertTrue(release().provider().startsWith(provider.urn() + "::"), release().provider());
        for (var group : plan.ofType("aws:eks/nodeGroup:NodeGroup")) {
            assertTrue(release().dependencies().contains(group.urn()), "release must wait for " + group.name());
        }
        var coredns = plan.named("aws:eks/addon:Addon", "test-coredns");
        assertTrue(release().dependencies().contains(coredns.urn()), "the autoscaler resolves AWS endpoints through cluster DNS");
        var attachment = plan.named("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "test-autoscaler");
        assertTrue(release().dependencies().contains(attachment.urn()));
    }

    @Test
    void anUnsupportedVersionStopsBeforeAnyResource() {
        var problems = assertThrows(InvalidConfigException.class, () -> TestStacks.config(Map.of("kubernetesVersion", "1.32"))).problems();
        assertEquals(1, problems.size());
    }
}
