package io.bigdatastack.addons;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading upstream's template: what is taken from it, and a variable the program does not fill in fails loudly. */
class KarpenterTemplateTest {

    private static final KarpenterTemplate PINNED = KarpenterTemplate.pinned();

    @Test
    void theShippedTemplateIsTheOneTheSourceNoteNames() throws Exception {
        try (var in = KarpenterTemplateTest.class.getResourceAsStream("/addons/karpenter/v" + KarpenterVersions.VERSION + "/SOURCE.txt")) {
            var note = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(note.contains(KarpenterVersions.TEMPLATE_SOURCE), note);
            assertTrue(note.contains("version: " + KarpenterVersions.VERSION), note);
        }
        assertTrue(KarpenterVersions.template().startsWith("AWSTemplateFormatVersion"));
    }

    @Test
    void sixControllerPoliciesFilledInAndParsable() {
        var policies = PINNED.controllerPolicies("aws", "eu-west-1", "111122223333", "c1", "arn:aws:iam::111122223333:role/n",
                "arn:aws:sqs:eu-west-1:111122223333:q");
        assertEquals(List.of("NodeLifecyclePolicy", "IAMIntegrationPolicy", "EKSIntegrationPolicy", "InterruptionPolicy",
                "ZonalShiftPolicy", "ResourceDiscoveryPolicy"), policies.stream().map(KarpenterTemplate.ControllerPolicy::logicalName).toList());
        for (var policy : policies) {
            assertFalse(policy.document().contains("${"), policy.document());
            assertEquals("2012-10-17", JsonParser.parseString(policy.document()).getAsJsonObject().get("Version").getAsString());
        }
        var iam = policies.get(1).document();
        assertTrue(iam.contains("\"Resource\": \"arn:aws:iam::111122223333:role/n\""), iam);
        assertTrue(iam.contains("arn:aws:iam::111122223333:instance-profile/*"), iam);
        assertTrue(policies.get(0).document().contains("arn:aws:ec2:eu-west-1::image/*"));
    }

    @Test
    void nodePoliciesRulesAndRetentionAreUpstreams() {
        assertEquals(List.of("AmazonEKS_CNI_Policy", "AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryPullOnly",
                "AmazonSSMManagedInstanceCore"), PINNED.nodeManagedPolicies());
        assertEquals(300, PINNED.queueMessageRetentionSeconds());
        assertEquals(List.of("ScheduledChangeRule", "SpotInterruptionRule", "RebalanceRule", "InstanceStateChangeRule",
                "CapacityReservationInterruptionRule"), PINNED.rules().stream().map(KarpenterTemplate.Rule::logicalName).toList());
        assertEquals("{\"source\":[\"aws.ec2\"],\"detail-type\":[\"EC2 Spot Instance Interruption Warning\"]}", PINNED.rules().get(1).eventPattern());
    }

    @Test
    void anUnknownVariableInAPolicyFailsInsteadOfShippingIt() {
        var template = KarpenterTemplate.parse("""
                Resources:
                  NewPolicy:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument: !Sub |
                        {"Statement": [{"Resource": "${SomethingNew}"}]}
                """);
        var e = assertThrows(IllegalStateException.class, () -> template.controllerPolicies("aws", "r", "1", "c", "n", "q"));
        assertTrue(e.getMessage().contains("${SomethingNew}") && e.getMessage().contains("NewPolicy"), e.getMessage());
    }

    @Test
    void customResourceKindsMakeTheTypeTokensTheProviderReads() {
        assertEquals("kubernetes:karpenter.sh/v1:NodePool", KubernetesCustomResource.Kind.NODE_POOL.typeToken());
        assertEquals("karpenter.k8s.aws/v1", KubernetesCustomResource.Kind.EC2_NODE_CLASS.apiVersion());
        assertEquals("kubernetes:karpenter.k8s.aws/v1:EC2NodeClass", KubernetesCustomResource.Kind.EC2_NODE_CLASS.typeToken());
    }

    @Test
    void namesOfUpstreamResourcesBecomeKebabCase() {
        assertEquals("iam-integration", Karpenter.kebab("IAMIntegration"));
        assertEquals("spot-interruption", Karpenter.kebab("SpotInterruption"));
        assertEquals("eks-integration", Karpenter.kebab("EKSIntegration"));
    }

    @Test
    void poolsRefuseAConsolidationDelayNotLongerThanSparksIdleTimeout() {
        var e = assertThrows(IllegalArgumentException.class, () -> new KarpenterPools(1, 1, 1, 1, List.of("amd64"), "al2023@latest", 50,
                io.bigdatastack.emr.SparkPlacement.EXECUTOR_IDLE_TIMEOUT));
        assertTrue(e.getMessage().contains("idle timeout"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new KarpenterPools(1, 1, 1, 1, List.of("x86"), "al2023@latest", 50,
                java.time.Duration.ofMinutes(5)));
    }
}
