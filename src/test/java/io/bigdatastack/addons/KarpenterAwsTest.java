package io.bigdatastack.addons;

import com.google.gson.JsonParser;
import io.bigdatastack.iam.AwsScope;
import io.bigdatastack.iam.PolicyDocument;
import io.bigdatastack.iam.PolicyDocument.Statement;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the program says the pinned Karpenter needs of AWS ({@link KarpenterAws}): the controller's permissions stay
 * scoped to this cluster, its node role and its queue; the node role's policies and the interruption rules are the
 * ones the pinned version documents.
 */
class KarpenterAwsTest {

    private static final AwsScope SCOPE = new AwsScope("aws", "eu-west-1", "111122223333");
    private static final String CLUSTER = "c1";
    private static final String NODE_ROLE = "arn:aws:iam::111122223333:role/c1-karpenter-node";
    private static final String QUEUE = "arn:aws:sqs:eu-west-1:111122223333:c1-karpenter";
    private static final List<KarpenterAws.ControllerPolicy> POLICIES = KarpenterAws.controllerPolicies(SCOPE, CLUSTER, NODE_ROLE, QUEUE);

    private static List<Statement> allStatements() {
        return POLICIES.stream().flatMap(policy -> policy.document().statements().stream()).toList();
    }

    /** Actions that create, change or delete something (not Describe/Get/List, which the read-only statements hold). */
    private static boolean mutating(String action) {
        var verb = action.substring(action.indexOf(':') + 1);
        return !(verb.startsWith("Describe") || verb.startsWith("Get") || verb.startsWith("List"));
    }

    @Test
    void sixPoliciesWithTheNamesTheirResourcesAndDescriptionsUse() {
        assertEquals(List.of("NodeLifecyclePolicy", "IAMIntegrationPolicy", "EKSIntegrationPolicy", "InterruptionPolicy",
                "ZonalShiftPolicy", "ResourceDiscoveryPolicy"), POLICIES.stream().map(KarpenterAws.ControllerPolicy::upstreamName).toList());
        assertEquals(List.of("node-lifecycle", "iam-integration", "eks-integration", "interruption", "zonal-shift", "resource-discovery"),
                POLICIES.stream().map(KarpenterAws.ControllerPolicy::suffix).toList());
        assertEquals(POLICIES.stream().map(KarpenterAws.ControllerPolicy::suffix).toList(),
                KarpenterAws.controllerPolicyShapes().stream().map(KarpenterAws.ControllerPolicy::suffix).toList());
        for (var policy : POLICIES) {
            var json = JsonParser.parseString(policy.document().toJson()).getAsJsonObject();
            assertEquals("2012-10-17", json.get("Version").getAsString());
            assertTrue(policy.document().iamSize() <= PolicyDocument.MAX_MANAGED_POLICY_CHARACTERS, policy.upstreamName());
        }
        var sids = allStatements().stream().map(Statement::sid).toList();
        assertEquals(sids.size(), new HashSet<>(sids).size(), "statement names are unique: " + sids);
    }

    @Test
    void passRoleOnlyOnTheNodeRoleAndOnlyToEc2() {
        var passRole = allStatements().stream().filter(s -> s.actions().stream().anyMatch(a -> a.startsWith("iam:Pass"))).toList();
        assertEquals(1, passRole.size());
        assertEquals(List.of("iam:PassRole"), passRole.get(0).actions());
        assertEquals(List.of(NODE_ROLE), passRole.get(0).resources());
        assertEquals(Map.of("iam:PassedToService", List.of("ec2.amazonaws.com", "ec2.amazonaws.com.cn")),
                passRole.get(0).conditions().get("StringEquals"));
    }

    @Test
    void everyMutatingEc2StatementIsScopedToThisClustersTags() {
        var clusterTag = "kubernetes.io/cluster/" + CLUSTER;
        var launchReads = 0;
        for (var statement : allStatements()) {
            var ec2Writes = statement.actions().stream().filter(a -> a.startsWith("ec2:") && mutating(a)).toList();
            if (ec2Writes.isEmpty()) {
                continue;
            }
            var equals = statement.conditions().getOrDefault("StringEquals", Map.of());
            var owned = "owned".equals(equals.get("aws:ResourceTag/" + clusterTag)) || "owned".equals(equals.get("aws:RequestTag/" + clusterTag));
            if (!owned) {
                // Only the launch itself may name what is not Karpenter's (image, subnet, security groups, ...),
                // and then no instance, volume, launch template or tag is among the resources.
                assertEquals(List.of("ec2:RunInstances", "ec2:CreateFleet"), ec2Writes, statement.sid());
                for (var resource : statement.resources()) {
                    assertFalse(resource.matches(".*:(instance|volume|launch-template|fleet|network-interface|spot-instances-request)/.*"),
                            statement.sid() + " " + resource);
                }
                launchReads++;
            }
            for (var resource : statement.resources()) {
                assertTrue(resource.startsWith("arn:aws:ec2:eu-west-1:"), statement.sid() + " held to this Region: " + resource);
            }
        }
        assertEquals(1, launchReads);
    }

    @Test
    void iamStatementsTouchOnlyThisClustersInstanceProfiles() {
        var profiles = "arn:aws:iam::111122223333:instance-profile/" + CLUSTER + "_*";
        for (var statement : allStatements()) {
            for (var action : statement.actions()) {
                if (!action.startsWith("iam:") || action.equals("iam:PassRole")) {
                    continue;
                }
                if (action.equals("iam:ListInstanceProfiles")) {
                    assertEquals(List.of("*"), statement.resources(), "listing takes no resource ARN");
                } else {
                    assertEquals(List.of(profiles), statement.resources(), statement.sid());
                }
                if (mutating(action)) {
                    var tagged = statement.conditions().getOrDefault("StringEquals", Map.of());
                    assertTrue("owned".equals(tagged.get("aws:ResourceTag/kubernetes.io/cluster/" + CLUSTER))
                            || "owned".equals(tagged.get("aws:RequestTag/kubernetes.io/cluster/" + CLUSTER)), statement.sid());
                    assertEquals("eu-west-1", tagged.getOrDefault("aws:ResourceTag/topology.kubernetes.io/region",
                            tagged.get("aws:RequestTag/topology.kubernetes.io/region")), statement.sid());
                }
            }
        }
    }

    @Test
    void unscopedResourcesOnlyWhereTheActionTakesNoResourceArn() {
        var unscoped = new ArrayList<String>();
        for (var statement : allStatements()) {
            if (statement.resources().contains("*")) {
                unscoped.addAll(statement.actions());
                for (var action : statement.actions()) {
                    assertFalse(mutating(action), statement.sid() + " " + action);
                }
            }
        }
        assertEquals(Set.of("arc-zonal-shift:GetManagedResource", "ec2:DescribeCapacityReservations", "ec2:DescribeImages",
                "ec2:DescribeInstances", "ec2:DescribeInstanceStatus", "ec2:DescribeInstanceTypeOfferings", "ec2:DescribeInstanceTypes",
                "ec2:DescribeLaunchTemplates", "ec2:DescribePlacementGroups", "ec2:DescribeSecurityGroups", "ec2:DescribeSpotPriceHistory",
                "ec2:DescribeSubnets", "pricing:GetProducts", "iam:ListInstanceProfiles"), Set.copyOf(unscoped));
        var describe = allStatements().stream().filter(s -> s.actions().contains("ec2:DescribeInstances")).findFirst().orElseThrow();
        assertEquals(Map.of("aws:RequestedRegion", "eu-west-1"), describe.conditions().get("StringEquals"));
        var zonalShift = allStatements().stream().filter(s -> s.actions().contains("arc-zonal-shift:GetManagedResource")).findFirst().orElseThrow();
        assertEquals(Map.of("arc-zonal-shift:ResourceIdentifier", "arn:aws:eks:eu-west-1:111122223333:cluster/" + CLUSTER),
                zonalShift.conditions().get("StringEquals"));
    }

    @Test
    void theClusterAndTheQueueAreThisStacks() {
        var describeCluster = allStatements().stream().filter(s -> s.actions().contains("eks:DescribeCluster")).findFirst().orElseThrow();
        assertEquals(List.of("arn:aws:eks:eu-west-1:111122223333:cluster/" + CLUSTER), describeCluster.resources());
        var queue = allStatements().stream().filter(s -> s.actions().stream().anyMatch(a -> a.startsWith("sqs:"))).toList();
        assertEquals(1, queue.size());
        assertEquals(List.of(QUEUE), queue.get(0).resources());
        assertEquals(List.of("sqs:DeleteMessage", "sqs:GetQueueUrl", "sqs:ReceiveMessage"), queue.get(0).actions());
    }

    @Test
    void anotherPartitionIsWrittenIntoEveryArn() {
        var other = KarpenterAws.controllerPolicies(new AwsScope("aws-other", "xx-east-1", "111122223333"), CLUSTER, NODE_ROLE, QUEUE);
        for (var policy : other) {
            for (var statement : policy.document().statements()) {
                for (var resource : statement.resources()) {
                    assertFalse(resource.startsWith("arn:aws:") && !resource.equals(NODE_ROLE) && !resource.equals(QUEUE),
                            statement.sid() + " " + resource);
                }
            }
        }
    }

    @Test
    void nodeRolePoliciesAndQueueRetentionAreTheGuides() {
        assertEquals(List.of("AmazonEKS_CNI_Policy", "AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryPullOnly",
                "AmazonSSMManagedInstanceCore"), KarpenterAws.NODE_MANAGED_POLICIES);
        assertFalse(KarpenterAws.NODE_MANAGED_POLICIES.stream().anyMatch(p -> p.contains("FullAccess")));
        assertEquals(300, KarpenterAws.QUEUE_MESSAGE_RETENTION_SECONDS);
    }

    @Test
    void theRulesAreExactlyTheFiveInterruptionEventSources() {
        var rules = KarpenterAws.INTERRUPTION_RULES;
        assertEquals(Set.of(
                "aws.health/AWS Health Event",
                "aws.ec2/EC2 Spot Instance Interruption Warning",
                "aws.ec2/EC2 Instance Rebalance Recommendation",
                "aws.ec2/EC2 Instance State-change Notification",
                "aws.ec2/EC2 Capacity Reservation Instance Interruption Warning"),
                Set.copyOf(rules.stream().map(r -> r.source() + "/" + r.detailType()).toList()));
        assertEquals(5, rules.size());
        assertEquals(List.of("scheduled-change", "spot-interruption", "rebalance", "instance-state-change", "capacity-reservation-interruption"),
                rules.stream().map(KarpenterAws.InterruptionRule::suffix).toList());
        assertEquals("{\"source\":[\"aws.ec2\"],\"detail-type\":[\"EC2 Spot Instance Interruption Warning\"]}", rules.get(1).eventPattern());
        for (var rule : rules) {
            var pattern = JsonParser.parseString(rule.eventPattern()).getAsJsonObject();
            assertEquals(Set.of("source", "detail-type"), pattern.keySet(), rule.suffix());
        }
    }

    @Test
    void everyCitationIsOfThePinnedMinorVersion() {
        // A chart bump without revisiting this data fails here: the pages the statements were checked against name
        // the version they describe.
        var minor = "/v" + KarpenterVersions.VERSION.substring(0, KarpenterVersions.VERSION.lastIndexOf('.')) + "/";
        for (var url : List.of(KarpenterAws.PERMISSIONS_REFERENCE, KarpenterAws.GETTING_STARTED, KarpenterAws.INTERRUPTION,
                KarpenterVersions.TEMPLATE_SOURCE)) {
            assertTrue(url.contains(minor), url + " is not of Karpenter " + KarpenterVersions.VERSION);
        }
    }

    @Test
    void customResourceKindsMakeTheTypeTokensTheProviderReads() {
        assertEquals("kubernetes:karpenter.sh/v1:NodePool", KubernetesCustomResource.Kind.NODE_POOL.typeToken());
        assertEquals("karpenter.k8s.aws/v1", KubernetesCustomResource.Kind.EC2_NODE_CLASS.apiVersion());
        assertEquals("kubernetes:karpenter.k8s.aws/v1:EC2NodeClass", KubernetesCustomResource.Kind.EC2_NODE_CLASS.typeToken());
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
