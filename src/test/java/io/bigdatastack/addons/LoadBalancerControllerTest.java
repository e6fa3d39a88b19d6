package io.bigdatastack.addons;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.bigdatastack.plan.Plan;
import io.bigdatastack.testing.Json;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AWS Load Balancer Controller, installed on its own with {@code loadBalancerController: true}. */
class LoadBalancerControllerTest {

    private static Plan plan;

    @BeforeAll
    static void planWithTheController() {
        plan = TestStacks.plan(Map.of("loadBalancerController", "true"));
    }

    private static Plan.Resource release() {
        return plan.named("kubernetes:helm.sh/v3:Release", "test-aws-load-balancer-controller");
    }

    private static JsonObject values() {
        return release().input("values").orElseThrow().getAsJsonObject();
    }

    @Test
    void offByDefault() {
        var defaults = TestStacks.plan(Map.of());
        assertTrue(defaults.find(r -> r.type().equals(LoadBalancerController.TYPE)).isEmpty());
        assertTrue(defaults.find(r -> r.name().contains("load-balancer")).isEmpty());
    }

    @Test
    void chartIsPinnedToTheLastV2ReleaseFromTheEksChartsRepository() {
        assertEquals("aws-load-balancer-controller", release().inputString("chart"));
        assertEquals("1.17.1", release().inputString("version"));
        assertEquals("https://aws.github.io/eks-charts", release().inputString("repositoryOpts.repo"));
        assertEquals("kube-system", release().inputString("namespace"));
        assertEquals("aws-load-balancer-controller", release().inputString("name"));
        assertTrue(release().input("atomic").orElseThrow().getAsBoolean());
    }

    @Test
    void valuesNameClusterRegionAndVpcAndPinTheServiceAccount() {
        assertEquals("big-data-stack-test", values().get("clusterName").getAsString());
        assertEquals("us-east-1", values().get("region").getAsString());
        var vpc = plan.one("aws:ec2/vpc:Vpc");
        assertTrue(values().get("vpcId").getAsString().startsWith("vpc-"));
        assertTrue(release().propertyDependencies().get("values").contains(vpc.urn()), "vpcId comes from this stack's VPC");
        var sa = values().getAsJsonObject("serviceAccount");
        assertEquals("aws-load-balancer-controller", sa.get("name").getAsString());
        assertTrue(sa.get("create").getAsBoolean());
        assertEquals("arn:aws:iam::123456789012:role/big-data-stack-test-lb-controller",
                sa.getAsJsonObject("annotations").get("eks.amazonaws.com/role-arn").getAsString());
        assertEquals("ON_DEMAND", values().getAsJsonObject("nodeSelector").get("eks.amazonaws.com/capacityType").getAsString());
        assertFalse(values().get("enableServiceMutatorWebhook").getAsBoolean(), "the controller must not claim every LoadBalancer Service");
        assertEquals("test", values().getAsJsonObject("defaultTags").get("stack").getAsString());
        assertFalse(values().toString().contains("LoadBalancer\""), "no LoadBalancer service of its own: " + values());
    }

    @Test
    void trustIsExactlyTheControllersServiceAccountLikeTheAutoscalers() {
        var trust = Json.document(plan.named("aws:iam/role:Role", "test-lb-controller"), "assumeRolePolicy");
        var issuer = plan.one("aws:iam/openIdConnectProvider:OpenIdConnectProvider").inputString("url").substring("https://".length());
        var expected = JsonParser.parseString("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                  "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/%1$s"},
                  "Action":"sts:AssumeRoleWithWebIdentity",
                  "Condition":{"StringEquals":{"%1$s:aud":"sts.amazonaws.com","%1$s:sub":"system:serviceaccount:kube-system:aws-load-balancer-controller"}}}]}
                """.formatted(issuer));
        assertEquals(expected, trust);
        var autoscalerTrust = Json.document(plan.named("aws:iam/role:Role", "test-autoscaler"), "assumeRolePolicy");
        assertEquals(autoscalerTrust.toString().replace("kube-system:cluster-autoscaler", "kube-system:aws-load-balancer-controller"),
                trust.toString(), "same form as the autoscaler's trust");
    }

    @Test
    void policyIsTheUpstreamDocumentOfThePinnedVersionUnchanged() throws IOException {
        var policy = plan.named("aws:iam/policy:Policy", "test-lb-controller");
        var shipped = Files.readString(Path.of("src/main/resources/addons/aws-load-balancer-controller/v2.17.1/iam_policy.json"));
        assertEquals(shipped, policy.inputString("policy"));
        // The policy pack's tests judge their own copy of the document: it must be the one the program ships.
        assertEquals(shipped, Files.readString(Path.of("policy/fixtures/aws-load-balancer-controller-iam-policy.json")));
        assertEquals("big-data-stack-test-lb-controller", policy.inputString("name"));
        assertTrue(policy.inputString("description").contains(LoadBalancerControllerVersions.IAM_POLICY_SOURCE));
        assertTrue(LoadBalancerControllerVersions.IAM_POLICY_SOURCE.contains("/" + LoadBalancerControllerVersions.APP_VERSION + "/"));
        // The upstream document's signature statements: ELB service-linked role, tag-conditioned creates.
        var document = JsonParser.parseString(shipped).getAsJsonObject();
        assertTrue(document.toString().contains("\"iam:AWSServiceName\":\"elasticloadbalancing.amazonaws.com\""));
        assertTrue(document.toString().contains("aws:RequestTag/elbv2.k8s.aws/cluster"));
        var attachment = plan.named("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "test-lb-controller");
        assertTrue(attachment.dependencies().contains(policy.urn()));
    }

    @Test
    void chartAndPolicyDescribeTheSameControllerVersion() throws IOException {
        var source = Files.readString(Path.of("src/main/resources/addons/aws-load-balancer-controller/" + LoadBalancerControllerVersions.APP_VERSION + "/SOURCE.txt"));
        assertTrue(source.contains(LoadBalancerControllerVersions.IAM_POLICY_SOURCE));
        assertTrue(source.contains("chart aws-load-balancer-controller " + LoadBalancerControllerVersions.CHART_VERSION));
        // eks-charts numbers the v2 controller's charts 1.<minor>.<patch>.
        assertEquals("v2." + LoadBalancerControllerVersions.CHART_VERSION.substring(2), LoadBalancerControllerVersions.APP_VERSION);
    }

    @Test
    void releaseComesAfterTheNodesAndCorednsAndItsPermissions() {
        assertEquals(2, plan.ofType("aws:eks/nodeGroup:NodeGroup").size());
        for (var group : plan.ofType("aws:eks/nodeGroup:NodeGroup")) {
            assertTrue(release().dependencies().contains(group.urn()), "release must wait for " + group.name());
        }
        assertTrue(release().dependencies().contains(plan.named("aws:eks/addon:Addon", "test-coredns").urn()));
        assertTrue(release().dependencies().contains(plan.named("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "test-lb-controller").urn()));
        var provider = plan.one("pulumi:providers:kubernetes");
        assertTrue(release().provider().startsWith(provider.urn() + "::"));
    }

    @Test
    void everyResourceIsInTheControllerComponent() {
        var component = plan.one(LoadBalancerController.TYPE);
        var named = plan.resources().stream()
                .filter(r -> r.name().equals("test-lb-controller") || r.name().equals("test-aws-load-balancer-controller")).toList();
        assertEquals(4, named.size(), "role, policy, attachment and Helm release");
        named.forEach(r -> assertEquals(component.urn(), r.parent(), r.urn()));
    }
}
