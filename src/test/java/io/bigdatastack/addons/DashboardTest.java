package io.bigdatastack.addons;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.bigdatastack.plan.Plan;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardTest {

    private static final Plan PLAN = TestStacks.plan(Map.of());

    private static Plan.Resource release(Plan plan) {
        return plan.named("kubernetes:helm.sh/v3:Release", "test-headlamp");
    }

    @Test
    void headlampChartIsPinnedAndServedOnlyInsideTheCluster() {
        var release = release(PLAN);
        assertEquals("headlamp", release.inputString("chart"));
        assertEquals("0.43.0", release.inputString("version"));
        assertEquals("https://kubernetes-sigs.github.io/headlamp/", release.inputString("repositoryOpts.repo"));
        assertEquals("headlamp", release.inputString("namespace"));
        assertEquals("ClusterIP", release.inputString("values.service.type"));
        assertFalse(release.input("values.clusterRoleBinding.create").orElseThrow().getAsBoolean(),
                "the chart's default binding is cluster-admin");
        assertTrue(release.input("atomic").orElseThrow().getAsBoolean());
    }

    @Test
    void noLoadBalancerAnywhereInTheStack() {
        for (var r : PLAN.resources()) {
            assertFalse(containsLoadBalancer(r.inputs()), r.urn() + " asks for a LoadBalancer");
        }
    }

    private static boolean containsLoadBalancer(JsonElement element) {
        if (element.isJsonPrimitive()) {
            return element.getAsString().equals("LoadBalancer");
        }
        if (element.isJsonArray()) {
            for (var e : element.getAsJsonArray()) {
                if (containsLoadBalancer(e)) {
                    return true;
                }
            }
        }
        if (element.isJsonObject()) {
            for (var e : ((JsonObject) element).entrySet()) {
                if (containsLoadBalancer(e.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void loginServiceAccountIsReadOnlyByDefault() {
        var binding = PLAN.one("kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding");
        assertEquals("view", binding.inputString("roleRef.name"));
        var subject = binding.input("subjects").orElseThrow().getAsJsonArray().get(0).getAsJsonObject();
        assertEquals("headlamp-viewer", subject.get("name").getAsString());
        assertEquals("headlamp", subject.get("namespace").getAsString());
        assertEquals("headlamp-viewer", PLAN.one("kubernetes:core/v1:ServiceAccount").inputString("metadata.name"));
    }

    @Test
    void adminAccessIsOptIn() {
        var plan = TestStacks.plan(Map.of("dashboardAccess", "admin"));
        var binding = plan.one("kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding");
        assertEquals("cluster-admin", binding.inputString("roleRef.name"));
        assertTrue(plan.outputs().get("DashboardCommand").getAsString().contains("create token headlamp-admin"));
    }

    @Test
    void commandHasTheTokenThePortForwardAndTheUrl() {
        assertEquals("kubectl -n headlamp create token headlamp-viewer --duration=1h"
                        + " && kubectl -n headlamp port-forward svc/headlamp 4466:80  # then open http://localhost:4466 and paste the token",
                PLAN.outputs().get("DashboardCommand").getAsString());
    }

    @Test
    void everyKubernetesResourceUsesTheClusterProviderAndWaitsForNodes() {
        var provider = PLAN.one("pulumi:providers:kubernetes");
        var kubernetesResources = PLAN.resources().stream().filter(r -> r.type().startsWith("kubernetes:")).toList();
        assertTrue(kubernetesResources.size() >= 5, kubernetesResources.toString());
        for (var r : kubernetesResources) {
            assertTrue(r.provider() != null && r.provider().startsWith(provider.urn() + "::"), r.urn() + " uses " + r.provider());
        }
        for (var group : PLAN.ofType("aws:eks/nodeGroup:NodeGroup")) {
            assertTrue(release(PLAN).dependencies().contains(group.urn()));
        }
    }

    @Test
    void noneInstallsNothing() {
        var plan = TestStacks.plan(Map.of("dashboard", "none"));
        assertTrue(plan.resources().stream().noneMatch(r -> r.type().equals(Dashboard.TYPE)));
        assertTrue(plan.ofType("kubernetes:core/v1:Namespace").stream().noneMatch(n -> n.inputString("metadata.name").equals("headlamp")));
        assertTrue(plan.outputs().get("DashboardCommand").getAsString().contains("no dashboard"));
    }
}
