package io.bigdatastack.emr;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.bigdatastack.addons.LoadBalancerController;
import io.bigdatastack.plan.Plan;
import io.bigdatastack.testing.Json;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole program planned with {@code studioEndpoint: true}: controller, endpoint, their order and outputs. */
class StudioEndpointTest {

    private static Plan plan;

    @BeforeAll
    static void planWithTheEndpoint() {
        plan = TestStacks.plan(Map.of("studioEndpoint", "true"));
    }

    private static Plan.Resource endpointStack() {
        return plan.named("aws:cloudcontrol/resource:Resource", "test-emr-studio-endpoint");
    }

    private static JsonObject endpointProperties() {
        assertEquals("AWS::EMRContainers::Endpoint", endpointStack().inputString("typeName"));
        return JsonParser.parseString(endpointStack().inputString("desiredState")).getAsJsonObject();
    }

    @Test
    void theEndpointInstallsTheControllerWithoutBeingAskedTo() {
        assertEquals(1, plan.ofType(LoadBalancerController.TYPE).size());
        assertEquals(1, plan.ofType(StudioEndpoint.TYPE).size());
        var defaults = TestStacks.plan(Map.of());
        assertTrue(defaults.ofType(StudioEndpoint.TYPE).isEmpty());
        assertFalse(defaults.outputs().containsKey("StudioEndpointId"));
        var controllerOnly = TestStacks.plan(Map.of("loadBalancerController", "true"));
        assertTrue(controllerOnly.ofType(StudioEndpoint.TYPE).isEmpty(), "the controller alone makes no endpoint");
    }

    @Test
    void endpointIsAJupyterGatewayOnThisVirtualClusterWithTheJobRoleAndRelease() {
        var properties = endpointProperties();
        assertEquals("JUPYTER_ENTERPRISE_GATEWAY", properties.get("Type").getAsString());
        assertEquals("emr-7.13.0-latest", properties.get("ReleaseLabel").getAsString());
        assertEquals("big-data-stack-test-workspaces", properties.get("Name").getAsString());
        var virtualCluster = plan.one("aws:emrcontainers/virtualCluster:VirtualCluster");
        var jobRole = plan.named("aws:iam/role:Role", "test-emr-job-role");
        assertEquals(plan.outputs().get("EMRVirtualClusterID").getAsString(), properties.get("VirtualClusterId").getAsString());
        assertEquals(plan.outputs().get("JobRoleArn").getAsString(), properties.get("ExecutionRoleArn").getAsString());
        var dependencies = new HashSet<>(endpointStack().propertyDependencies().get("desiredState"));
        assertTrue(dependencies.contains(virtualCluster.urn()));
        assertTrue(dependencies.contains(jobRole.urn()));
        assertFalse(properties.has("CertificateArn"), "certificateArn is deprecated; EMR manages the certificate");
    }

    @Test
    void endpointLogsWhereJobsLog() {
        var monitoring = endpointProperties().getAsJsonObject("ConfigurationOverrides").getAsJsonObject("MonitoringConfiguration");
        var jobTemplate = JsonParser.parseString(plan.named("aws:cloudformation/stack:Stack", "test-emr-job-template").inputString("templateBody"))
                .getAsJsonObject().getAsJsonObject("Resources").getAsJsonObject("JobTemplate").getAsJsonObject("Properties")
                .getAsJsonObject("JobTemplateData").getAsJsonObject("ConfigurationOverrides").getAsJsonObject("MonitoringConfiguration");
        assertEquals(jobTemplate, monitoring, "same CloudWatch log group, stream prefix, S3 log URI and persistent UI as jobs");
        assertEquals("/aws/emr-containers/big-data-stack-test/jobs",
                monitoring.getAsJsonObject("CloudWatchMonitoringConfiguration").get("LogGroupName").getAsString());
        assertTrue(monitoring.getAsJsonObject("S3MonitoringConfiguration").get("LogUri").getAsString().endsWith("/logs/"));
    }

    @Test
    void everyChangeReplacesTheEndpointDeletingTheOldOneFirst() {
        assertTrue(endpointStack().options().deleteBeforeReplace(), "the endpoint's name is fixed: the old one goes first");
        var options = StudioEndpoint.resourceOptions(null, List.of());
        assertEquals(List.of("desiredState"), options.getReplaceOnChanges(), "every property but Tags is create-only");
        assertTrue(options.getDeleteBeforeReplace());
        var other = TestStacks.plan(Map.of("studioEndpoint", "true", "emrReleaseLabel", "emr-7.12.0-latest"));
        var otherState = other.named("aws:cloudcontrol/resource:Resource", "test-emr-studio-endpoint").inputString("desiredState");
        assertNotEquals(endpointStack().inputString("desiredState"), otherState, "a new release label changes the desired state");
        var again = TestStacks.plan(Map.of("studioEndpoint", "true"));
        assertEquals(endpointStack().inputString("desiredState"),
                again.named("aws:cloudcontrol/resource:Resource", "test-emr-studio-endpoint").inputString("desiredState"),
                "an unchanged config renders the same state: no spurious replacement");
    }

    @Test
    void createdAfterTheControllerSoDestroyRemovesItFirst() {
        var release = plan.named("kubernetes:helm.sh/v3:Release", "test-aws-load-balancer-controller");
        assertTrue(endpointStack().dependencies().contains(release.urn()),
                "Pulumi deletes dependents first: the endpoint (and EMR's Ingress) goes while the controller still removes its ALB");
        assertEquals(2, plan.ofType("aws:eks/nodeGroup:NodeGroup").size());
        for (var group : plan.ofType("aws:eks/nodeGroup:NodeGroup")) {
            assertTrue(release.dependencies().contains(group.urn()));
        }
        assertTrue(release.dependencies().contains(plan.named("aws:eks/addon:Addon", "test-coredns").urn()));
        int releaseIndex = plan.resources().indexOf(release);
        int endpointIndex = plan.resources().indexOf(endpointStack());
        assertTrue(releaseIndex < endpointIndex, "registration order follows the dependency");
    }

    @Test
    void outputIsTheEndpointIdCloudControlReturns() {
        var id = plan.outputs().get("StudioEndpointId").getAsString();
        assertTrue(id.matches("[0-9a-z]{25}"), id);
        assertFalse(endpointStack().inputString("desiredState").contains("\"Id\""), "Id is read-only: never in the desired state");
        assertEquals("abc", StudioEndpointState.readOnly("{\"Id\":\"abc\",\"Arn\":\"x\"}", "Id"));
    }

    @Test
    void studioAndTheClusterShareAPrivateSubnet() {
        var clusterSubnets = Json.strings(plan.one("aws:eks/cluster:Cluster"), "vpcConfig.subnetIds");
        var studioSubnets = Json.strings(plan.one("aws:emr/studio:Studio"), "subnetIds");
        assertFalse(studioSubnets.isEmpty());
        assertTrue(clusterSubnets.containsAll(studioSubnets), "every Studio subnet is one of the cluster's: " + studioSubnets);
    }

    @Test
    void jobRoleKeepsItsIrsaTrustForTheEndpoint() {
        var trust = Json.document(plan.named("aws:iam/role:Role", "test-emr-job-role"), "assumeRolePolicy").toString();
        assertTrue(trust.contains("sts:AssumeRoleWithWebIdentity"));
        var both = TestStacks.plan(Map.of("studioEndpoint", "true", "jobRoleBinding", "both"));
        var bothTrust = Json.document(both.named("aws:iam/role:Role", "test-emr-job-role"), "assumeRolePolicy").toString();
        assertTrue(bothTrust.contains("sts:AssumeRoleWithWebIdentity") && bothTrust.contains("pods.eks.amazonaws.com"));
    }

    @Test
    void endpointTemplateIsDeterministicAndTagged() {
        var body = StudioEndpointState.render("big-data-stack-dev", "vc", "arn:aws:iam::1:role/r", "emr-7.13.0-latest", "/lg", "b",
                Map.of("stack", "dev", "project", "big-data-stack"));
        assertEquals(body, StudioEndpointState.render("big-data-stack-dev", "vc", "arn:aws:iam::1:role/r", "emr-7.13.0-latest", "/lg", "b",
                Map.of("project", "big-data-stack", "stack", "dev")));
        var tags = JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("Tags");
        assertEquals(List.of("project", "stack"), tags.asList().stream().map(t -> t.getAsJsonObject().get("Key").getAsString()).toList());
        assertEquals("big-data-stack-a-b-workspaces", EmrNames.studioEndpointName("big-data-stack-a.b"), "the Name pattern allows no dots");
    }
}
