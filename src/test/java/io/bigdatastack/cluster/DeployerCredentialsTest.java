package io.bigdatastack.cluster;

import io.bigdatastack.plan.Plan;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.List;
import java.util.Map;

import static io.bigdatastack.testing.TestStacks.assertOneProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The Kubernetes provider's {@code aws eks get-token} signs as the AWS provider does: its profile as
 * {@code AWS_PROFILE}, its assumed role as {@code --role-arn}, the form {@code aws eks update-kubeconfig} writes
 * (https://docs.aws.amazon.com/cli/latest/reference/eks/update-kubeconfig.html).
 */
class DeployerCredentialsTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/deployer";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> exec(Plan plan) {
        Map<String, Object> kubeconfig = new Yaml().load(plan.one("pulumi:providers:kubernetes").inputString("kubeconfig"));
        var users = (List<Map<String, Map<String, Map<String, Object>>>>) kubeconfig.get("users");
        return users.get(0).get("user").get("exec");
    }

    @Test
    void profileAndAssumedRoleReachTheKubernetesProviderAndTheHumanCommand() {
        var plan = TestStacks.plan(Map.of("aws:profile", "platform-ci", "aws:assumeRole", "{\"roleArn\": \"" + ROLE + "\", \"sessionName\": \"pulumi\"}"));
        var exec = exec(plan);
        assertEquals(List.of("eks", "get-token", "--cluster-name", "big-data-stack-test", "--region", "us-east-1", "--output", "json",
                "--role-arn", ROLE), exec.get("args"));
        assertEquals(List.of(Map.of("name", "AWS_PROFILE", "value", "platform-ci")), exec.get("env"));
        // No eksAdminRoleName: only the deployer (the cluster creator) is admin, so the human command uses its identity.
        assertEquals("aws eks update-kubeconfig --name big-data-stack-test --region us-east-1 --profile platform-ci --role-arn " + ROLE,
                plan.outputs().get("EksConfigCommand").getAsString());
    }

    @Test
    void withAnAdminRoleHumansUseItButTheProviderStillUsesTheDeployer() {
        var plan = TestStacks.plan(Map.of("aws:profile", "platform-ci", "eksAdminRoleName", "PlatformAdmin"));
        assertEquals(List.of(Map.of("name", "AWS_PROFILE", "value", "platform-ci")), exec(plan).get("env"));
        assertEquals("aws eks update-kubeconfig --name big-data-stack-test --region us-east-1 --role-arn arn:aws:iam::123456789012:role/PlatformAdmin",
                plan.outputs().get("EksConfigCommand").getAsString());
    }

    @Test
    void withoutEitherKeyTheAmbientCredentialsAreUsed() {
        var exec = exec(TestStacks.plan(Map.of()));
        assertFalse(exec.containsKey("env"));
        assertFalse(((List<?>) exec.get("args")).contains("--role-arn"));
    }

    @Test
    void anAssumedRoleThatGetTokenCannotAssumeIsRefused() {
        assertOneProblem(Map.of("aws:assumeRole", "{\"roleArn\": \"" + ROLE + "\", \"externalId\": \"x\"}"), "aws:assumeRole.externalId", "get-token");
        assertOneProblem(Map.of("aws:assumeRole", "{\"roleArn\": \"deployer\"}"), "aws:assumeRole.roleArn", "'deployer'", "IAM role ARN");
        assertOneProblem(Map.of("aws:assumeRole", "deployer"), "aws:assumeRole", "'deployer'", "roleArn");
    }
}
