package io.bigdatastack.config;

import io.bigdatastack.plan.Plan;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A value set with `pulumi config set --secret` stays a Pulumi secret wherever it flows, or is refused. */
class SecretConfigTest {

    private static Plan plan(Map<String, String> overrides, Set<String> secretKeys) {
        var config = StackConfig.load(TestStacks.source("test", overrides, secretKeys), TestStacks.CLOCK);
        return io.bigdatastack.cli.Planner.plan(config, "test");
    }

    @Test
    void secretValuesReachResourcesAndOutputsAsSecrets() {
        var plan = plan(Map.of("endpointPublicAccessCidrs", "[\"198.51.100.0/24\"]", "eksAdminRoleName", "PlatformAdmin",
                "jobReadBuckets", "[\"raw-data\"]", "studioAdminUser", "jane"),
                Set.of("endpointPublicAccessCidrs", "eksAdminRoleName", "jobReadBuckets", "studioAdminUser"));
        assertEquals(Plan.SECRET, plan.one("aws:eks/cluster:Cluster").input("vpcConfig.publicAccessCidrs").orElseThrow().getAsString());
        assertEquals(Plan.SECRET, plan.one("aws:eks/accessEntry:AccessEntry").inputString("principalArn"));
        assertEquals(Plan.SECRET, plan.outputs().get("EksConfigCommand").getAsString());
        var jobPolicy = plan.ofType("aws:iam/rolePolicy:RolePolicy").stream().filter(r -> r.name().endsWith("-job-role-access")).findFirst().orElseThrow();
        assertEquals(Plan.SECRET, jobPolicy.inputString("policy"));
        var adminMapping = plan.ofType("aws:emr/studioSessionMapping:StudioSessionMapping").stream()
                .filter(m -> m.name().endsWith("-admin")).findFirst().orElseThrow();
        assertEquals(Plan.SECRET, adminMapping.inputString("identityName"));
        // Nothing of the secret values anywhere in the plan file's text.
        var text = io.bigdatastack.plan.PlanJson.toJson(plan).toString();
        for (var secret : java.util.List.of("198.51.100.0/24", "PlatformAdmin", "raw-data")) {
            var leaks = plan.resources().stream().filter(r -> r.inputs().toString().contains(secret))
                    .map(r -> r.type() + " " + r.name()).toList();
            assertEquals(java.util.List.of(), leaks, secret + " leaked");
            assertFalse(text.contains(secret), secret + " leaked");
        }
    }

    @Test
    void theSameValuesInPlainTextArePlain() {
        var plan = plan(Map.of("endpointPublicAccessCidrs", "[\"198.51.100.0/24\"]", "eksAdminRoleName", "PlatformAdmin"), Set.of());
        assertTrue(plan.outputs().get("EksConfigCommand").getAsString().contains("PlatformAdmin"));
    }

    @Test
    void aSecretDeployerIdentityKeepsTheKubernetesCredentialsSecret() {
        var plan = plan(Map.of("aws:assumeRole", "{\"roleArn\": \"arn:aws:iam::123456789012:role/deployer\"}"), Set.of("aws:assumeRole"));
        assertEquals(Plan.SECRET, plan.one("pulumi:providers:kubernetes").inputString("kubeconfig"));
        assertEquals(Plan.SECRET, plan.outputs().get("EksConfigCommand").getAsString());
    }

    @Test
    void aSecretThatWouldBecomeANameIsRefusedAndASecretIsNeverEchoed() {
        var problems = assertThrows(InvalidConfigException.class, () -> StackConfig.load(TestStacks.source("test",
                Map.of("clusterName", "analytics", "endpointPublicAccessCidrs", "[\"10.1.0.0/16\"]"),
                Set.of("clusterName", "endpointPublicAccessCidrs")), TestStacks.CLOCK)).problems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("big-data-stack:clusterName: is set as a secret")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("big-data-stack:endpointPublicAccessCidrs: got '[secret]'")), problems.toString());
        assertTrue(problems.stream().noneMatch(p -> p.contains("10.1.0.0/16")), problems.toString());
    }
}
