package io.bigdatastack.addons;

import io.bigdatastack.iam.AwsScope;
import io.bigdatastack.iam.PolicyDocument;
import io.bigdatastack.iam.PolicyDocument.Statement;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * What the pinned Karpenter ({@link KarpenterVersions#VERSION}) needs from AWS, written here as data: the controller's
 * IAM permissions, the node role's AWS managed policies, the interruption queue's retention and the EventBridge rules
 * that feed it. Learned from the version's getting-started guide and its permissions reference
 * ({@link #PERMISSIONS_REFERENCE}), not copied: the statements and their names are ours, grouped into six policies as
 * upstream groups them so that each can be compared with its section of the reference; the actions, resources and
 * conditions are the ones the controller of that version calls with, each narrowed to this cluster, its node role and
 * its queue, and further where this program can (instance profiles: {@link #instanceProfiles}).
 *
 * <p>On a chart upgrade, read the new version's reference page and compare statement by statement;
 * {@code KarpenterAwsTest} pins what must stay true (PassRole only on the node role, every mutating statement scoped to
 * this cluster).
 */
public final class KarpenterAws {

    /** The permissions reference of the pinned version: what each upstream policy and statement is for. */
    public static final String PERMISSIONS_REFERENCE = "https://karpenter.sh/v1.14/reference/cloudformation/";
    /** The getting-started guide of the pinned version: the node role, the queue and its rules. */
    public static final String GETTING_STARTED = "https://karpenter.sh/v1.14/getting-started/getting-started-with-karpenter/";
    /** Interruption handling: which events the controller reacts to (https://karpenter.sh/v1.14/concepts/disruption/#interruption). */
    public static final String INTERRUPTION = "https://karpenter.sh/v1.14/concepts/disruption/#interruption";

    /**
     * How long the queue keeps a message: five minutes, as the guide ({@link #GETTING_STARTED}) creates the queue; an interruption notice older
     * than that is of no use (a spot warning gives two minutes).
     */
    public static final int QUEUE_MESSAGE_RETENTION_SECONDS = 300;

    /**
     * The node role's AWS managed policies, as the guide ({@link #GETTING_STARTED}) gives the node role (the "Node
     * Authorization" part of {@link #PERMISSIONS_REFERENCE}): join the cluster, run the VPC CNI, pull images, and SSM
     * for the node.
     */
    public static final List<String> NODE_MANAGED_POLICIES = List.of(
            "AmazonEKS_CNI_Policy",
            "AmazonEKSWorkerNodePolicy",
            "AmazonEC2ContainerRegistryPullOnly",
            "AmazonSSMManagedInstanceCore");

    /**
     * One customer managed policy of the controller.
     *
     * @param upstreamName the name of the policy in upstream's reference this one corresponds to, e.g.
     *                     {@code NodeLifecyclePolicy} (kept in the policy's description, which AWS cannot change in
     *                     place)
     * @param suffix       the suffix of the policy's logical and physical names, e.g. {@code node-lifecycle}
     * @param document     the policy
     */
    public record ControllerPolicy(String upstreamName, String suffix, PolicyDocument document) {
    }

    /**
     * One EventBridge rule of the interruption queue.
     *
     * @param upstreamName the name of the rule in upstream's guide, e.g. {@code SpotInterruptionRule} (kept in the
     *                     rule's description)
     * @param suffix       the suffix of the rule's logical and physical names, e.g. {@code spot-interruption}
     * @param source       the event source matched, e.g. {@code aws.ec2}
     * @param detailType   the event's {@code detail-type} matched
     */
    public record InterruptionRule(String upstreamName, String suffix, String source, String detailType) {

        /** The rule's event pattern (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html). */
        public String eventPattern() {
            var pattern = new LinkedHashMap<String, Object>();
            pattern.put("source", List.of(source));
            pattern.put("detail-type", List.of(detailType));
            return io.bigdatastack.support.Json.COMPACT.toJson(pattern);
        }
    }

    /**
     * The events Karpenter acts on before AWS takes a node away ({@link #INTERRUPTION}), one rule each, all sent to the
     * queue. The event names are AWS's: EC2 (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/spot-instance-termination-notices.html,
     * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/rebalance-recommendations.html,
     * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/monitoring-instance-state-changes.html,
     * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/capacity-reservations-interruptions.html) and AWS Health
     * (https://docs.aws.amazon.com/health/latest/ug/cloudwatch-events-health.html).
     */
    public static final List<InterruptionRule> INTERRUPTION_RULES = List.of(
            // Scheduled maintenance of an instance (retirement, reboot): drain and replace the node ahead of it.
            new InterruptionRule("ScheduledChangeRule", "scheduled-change", "aws.health", "AWS Health Event"),
            // Two minutes before EC2 reclaims a spot instance: cordon, drain, launch a replacement.
            new InterruptionRule("SpotInterruptionRule", "spot-interruption", "aws.ec2", "EC2 Spot Instance Interruption Warning"),
            // Elevated risk of spot interruption; Karpenter takes note of it (no action by default).
            new InterruptionRule("RebalanceRule", "rebalance", "aws.ec2", "EC2 Instance Rebalance Recommendation"),
            // An instance stopping or terminated outside Karpenter: its node is removed at once.
            new InterruptionRule("InstanceStateChangeRule", "instance-state-change", "aws.ec2", "EC2 Instance State-change Notification"),
            // An instance in a capacity reservation about to be reclaimed (for example an interruptible reservation).
            new InterruptionRule("CapacityReservationInterruptionRule", "capacity-reservation-interruption", "aws.ec2",
                    "EC2 Capacity Reservation Instance Interruption Warning"));

    /** Tag keys Karpenter puts on what it creates for a cluster and matches on when changing or deleting it. */
    static final String NODEPOOL_TAG = "karpenter.sh/nodepool";
    static final String NODECLASS_TAG = "karpenter.k8s.aws/ec2nodeclass";
    static final String NODECLAIM_TAG = "karpenter.sh/nodeclaim";
    static final String EKS_CLUSTER_NAME_TAG = "eks:eks-cluster-name";
    static final String REGION_TAG = "topology.kubernetes.io/region";

    private KarpenterAws() {
    }

    /** {@code kubernetes.io/cluster/<cluster>}: the ownership tag Karpenter sets to {@code owned}. */
    static String clusterTag(String clusterName) {
        return "kubernetes.io/cluster/" + clusterName;
    }

    /**
     * The instance profiles Karpenter makes for this cluster: it names each {@code <clusterName>_<hash>}
     * (EC2NodeClass.InstanceProfileName, pkg/apis/v1/ec2nodeclass.go of the pinned version). Upstream leaves the
     * resource at {@code instance-profile/*} and relies on the cluster's tags; the narrower resource also keeps
     * iam:CreateInstanceProfile and iam:AddRoleToInstanceProfile off every other profile of the account, whatever its
     * tags.
     */
    static String instanceProfiles(AwsScope scope, String clusterName) {
        return scope.iamArn("instance-profile/" + clusterName + "_*");
    }

    /** An EC2 resource type in this Region, of any account ({@code *}: subnets and groups may be shared to this one). */
    private static String ec2(AwsScope scope, String resourceType) {
        return "arn:" + scope.partition() + ":ec2:" + scope.region() + ":*:" + resourceType + "/*";
    }

    /** An EC2 resource type that carries no account in its ARN (images, snapshots). */
    private static String ec2NoAccount(AwsScope scope, String resourceType) {
        return "arn:" + scope.partition() + ":ec2:" + scope.region() + "::" + resourceType + "/*";
    }

    /** What Karpenter creates with RunInstances, CreateFleet and CreateLaunchTemplate, and tags at creation. */
    private static List<String> launchedResources(AwsScope scope) {
        return List.of(ec2(scope, "fleet"), ec2(scope, "instance"), ec2(scope, "volume"), ec2(scope, "network-interface"),
                ec2(scope, "launch-template"), ec2(scope, "spot-instances-request"));
    }

    /**
     * The controller's policies for this cluster, its node role and its queue, in a fixed order (their names and
     * descriptions are part of the plan). Each statement says what the controller does with it; the section of
     * {@link #PERMISSIONS_REFERENCE} it corresponds to is named beside it.
     */
    public static List<ControllerPolicy> controllerPolicies(AwsScope scope, String clusterName, String nodeRoleArn, String queueArn) {
        var cluster = clusterTag(clusterName);
        var clusterArn = scope.arn("eks", "cluster/" + clusterName);
        var profiles = instanceProfiles(scope, clusterName);
        return List.of(
                // Launching, tagging and terminating nodes (https://karpenter.sh/v1.14/reference/cloudformation/, section NodeLifecyclePolicy).
                new ControllerPolicy("NodeLifecyclePolicy", "node-lifecycle", PolicyDocument.of(
                        // A launch uses the image, its snapshots, the subnet, the security groups, and any capacity
                        // reservation or placement group an EC2NodeClass selects; none of them is Karpenter's own.
                        Statement.allow("LaunchFromSelectedImagesAndNetworks")
                                .actions("ec2:RunInstances", "ec2:CreateFleet")
                                .resources(ec2NoAccount(scope, "image"), ec2NoAccount(scope, "snapshot"),
                                        ec2(scope, "security-group"), ec2(scope, "subnet"),
                                        ec2(scope, "capacity-reservation"), ec2(scope, "placement-group")),
                        // A launch names a launch template: only one Karpenter made for a NodePool of this cluster.
                        Statement.allow("LaunchWithOwnLaunchTemplates")
                                .actions("ec2:RunInstances", "ec2:CreateFleet")
                                .resources(ec2(scope, "launch-template"))
                                .condition("StringEquals", "aws:ResourceTag/" + cluster, "owned")
                                .condition("StringLike", "aws:ResourceTag/" + NODEPOOL_TAG, "*"),
                        // What a launch creates must carry this cluster's tags in the request itself.
                        Statement.allow("CreateOnlyClusterTaggedResources")
                                .actions("ec2:RunInstances", "ec2:CreateFleet", "ec2:CreateLaunchTemplate")
                                .resources(launchedResources(scope))
                                .condition("StringEquals", "aws:RequestTag/" + cluster, "owned")
                                .condition("StringEquals", "aws:RequestTag/" + EKS_CLUSTER_NAME_TAG, clusterName)
                                .condition("StringLike", "aws:RequestTag/" + NODEPOOL_TAG, "*"),
                        // Tagging as part of those creating calls only (ec2:CreateAction), with the same tags.
                        Statement.allow("TagOnCreateWithClusterTags")
                                .actions("ec2:CreateTags")
                                .resources(launchedResources(scope))
                                .condition("StringEquals", "aws:RequestTag/" + cluster, "owned")
                                .condition("StringEquals", "aws:RequestTag/" + EKS_CLUSTER_NAME_TAG, clusterName)
                                .condition("StringEquals", "ec2:CreateAction", List.of("RunInstances", "CreateFleet", "CreateLaunchTemplate"))
                                .condition("StringLike", "aws:RequestTag/" + NODEPOOL_TAG, "*"),
                        // After launch the controller names its instances and links them to their NodeClaim: only
                        // those three tag keys, only on its own instances.
                        Statement.allow("TagOwnInstancesAfterLaunch")
                                .actions("ec2:CreateTags")
                                .resources(ec2(scope, "instance"))
                                .condition("StringEquals", "aws:ResourceTag/" + cluster, "owned")
                                .condition("StringLike", "aws:ResourceTag/" + NODEPOOL_TAG, "*")
                                .condition("StringEqualsIfExists", "aws:RequestTag/" + EKS_CLUSTER_NAME_TAG, clusterName)
                                .condition("ForAllValues:StringEquals", "aws:TagKeys", List.of(EKS_CLUSTER_NAME_TAG, NODECLAIM_TAG, "Name")),
                        // Removing nodes and stale launch templates: only its own.
                        Statement.allow("DeleteOwnInstancesAndLaunchTemplates")
                                .actions("ec2:TerminateInstances", "ec2:DeleteLaunchTemplate")
                                .resources(ec2(scope, "instance"), ec2(scope, "launch-template"))
                                .condition("StringEquals", "aws:ResourceTag/" + cluster, "owned")
                                .condition("StringLike", "aws:ResourceTag/" + NODEPOOL_TAG, "*"))),
                // Instance profiles for the node role (https://karpenter.sh/v1.14/reference/cloudformation/, section IAMIntegrationPolicy).
                new ControllerPolicy("IAMIntegrationPolicy", "iam-integration", PolicyDocument.of(
                        // Launching a node hands the node role to EC2, and only that role, only to EC2 (both partitions'
                        // service names, as upstream lists them).
                        Statement.allow("PassNodeRoleToEc2")
                                .actions("iam:PassRole")
                                .resources(nodeRoleArn)
                                .condition("StringEquals", "iam:PassedToService", List.of("ec2.amazonaws.com", "ec2.amazonaws.com.cn")),
                        // One instance profile per EC2NodeClass, created with this cluster's and Region's tags.
                        Statement.allow("CreateClusterInstanceProfiles")
                                .actions("iam:CreateInstanceProfile")
                                .resources(profiles)
                                .condition("StringEquals", "aws:RequestTag/" + cluster, "owned")
                                .condition("StringEquals", "aws:RequestTag/" + EKS_CLUSTER_NAME_TAG, clusterName)
                                .condition("StringEquals", "aws:RequestTag/" + REGION_TAG, scope.region())
                                .condition("StringLike", "aws:RequestTag/" + NODECLASS_TAG, "*"),
                        // Re-tagging its own profiles (e.g. adding the EKS cluster-name tag), keeping them this cluster's.
                        Statement.allow("TagClusterInstanceProfiles")
                                .actions("iam:TagInstanceProfile")
                                .resources(profiles)
                                .condition("StringEquals", "aws:ResourceTag/" + cluster, "owned")
                                .condition("StringEquals", "aws:ResourceTag/" + REGION_TAG, scope.region())
                                .condition("StringEquals", "aws:RequestTag/" + cluster, "owned")
                                .condition("StringEquals", "aws:RequestTag/" + EKS_CLUSTER_NAME_TAG, clusterName)
                                .condition("StringEquals", "aws:RequestTag/" + REGION_TAG, scope.region())
                                .condition("StringLike", "aws:ResourceTag/" + NODECLASS_TAG, "*")
                                .condition("StringLike", "aws:RequestTag/" + NODECLASS_TAG, "*"),
                        // Putting the node role into its profiles, swapping it, and deleting a profile no EC2NodeClass uses.
                        Statement.allow("ManageClusterInstanceProfiles")
                                .actions("iam:AddRoleToInstanceProfile", "iam:RemoveRoleFromInstanceProfile", "iam:DeleteInstanceProfile")
                                .resources(profiles)
                                .condition("StringEquals", "aws:ResourceTag/" + cluster, "owned")
                                .condition("StringEquals", "aws:ResourceTag/" + REGION_TAG, scope.region())
                                .condition("StringLike", "aws:ResourceTag/" + NODECLASS_TAG, "*"))),
                // The API server endpoint and CA for the nodes' bootstrap (https://karpenter.sh/v1.14/reference/cloudformation/, section EKSIntegrationPolicy).
                new ControllerPolicy("EKSIntegrationPolicy", "eks-integration", PolicyDocument.of(
                        Statement.allow("DescribeThisCluster")
                                .actions("eks:DescribeCluster")
                                .resources(clusterArn))),
                // Reading interruption events (https://karpenter.sh/v1.14/reference/cloudformation/, section InterruptionPolicy).
                new ControllerPolicy("InterruptionPolicy", "interruption", PolicyDocument.of(
                        Statement.allow("ConsumeInterruptionQueue")
                                .actions("sqs:DeleteMessage", "sqs:GetQueueUrl", "sqs:ReceiveMessage")
                                .resources(queueArn))),
                // Avoiding a zone ARC has shifted this cluster away from (https://karpenter.sh/v1.14/reference/cloudformation/, section
                // ZonalShiftPolicy). The action takes no resource ARN, so the condition names the cluster.
                new ControllerPolicy("ZonalShiftPolicy", "zonal-shift", PolicyDocument.of(
                        Statement.allow("ReadThisClustersZonalShift")
                                .actions("arc-zonal-shift:GetManagedResource")
                                .resources("*")
                                .condition("StringEquals", "arc-zonal-shift:ResourceIdentifier", clusterArn))),
                // Discovering images, types, offerings, prices, subnets and groups (https://karpenter.sh/v1.14/reference/cloudformation/, section
                // ResourceDiscoveryPolicy).
                new ControllerPolicy("ResourceDiscoveryPolicy", "resource-discovery", PolicyDocument.of(
                        // Describe calls accept no resource ARN; held to this Region.
                        Statement.allow("DescribeEc2InThisRegion")
                                .actions("ec2:DescribeCapacityReservations", "ec2:DescribeImages", "ec2:DescribeInstances",
                                        "ec2:DescribeInstanceStatus", "ec2:DescribeInstanceTypeOfferings", "ec2:DescribeInstanceTypes",
                                        "ec2:DescribeLaunchTemplates", "ec2:DescribePlacementGroups", "ec2:DescribeSecurityGroups",
                                        "ec2:DescribeSpotPriceHistory", "ec2:DescribeSubnets")
                                .resources("*")
                                .condition("StringEquals", "aws:RequestedRegion", scope.region()),
                        // AMI IDs of an alias (al2023@latest) are AWS's public SSM parameters.
                        Statement.allow("ReadAwsPublicParameters")
                                .actions("ssm:GetParameter")
                                .resources("arn:" + scope.partition() + ":ssm:" + scope.region() + "::parameter/aws/service/*"),
                        // On-demand prices for choosing the cheapest fitting type; the Price List API has no resource ARN.
                        Statement.allow("ReadPrices")
                                .actions("pricing:GetProducts")
                                .resources("*"),
                        // Listing the account's profiles to find this cluster's among them; listing takes no resource ARN.
                        Statement.allow("ListInstanceProfiles")
                                .actions("iam:ListInstanceProfiles")
                                .resources("*"),
                        Statement.allow("ReadClusterInstanceProfiles")
                                .actions("iam:GetInstanceProfile")
                                .resources(profiles))));
    }

    /**
     * The controller's policies with placeholder values: their names and order, for wiring resources before the stack's
     * values (Outputs) are known.
     */
    public static List<ControllerPolicy> controllerPolicyShapes() {
        return controllerPolicies(new AwsScope(AwsScope.COMMERCIAL_PARTITION, "r", "0"), "c", "n", "q");
    }
}
