package io.bigdatastack.addons;

import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.ec2.Tag;
import com.pulumi.aws.ec2.TagArgs;
import com.pulumi.aws.eks.AccessEntry;
import com.pulumi.aws.eks.AccessEntryArgs;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.aws.sqs.QueuePolicy;
import com.pulumi.aws.sqs.QueuePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.bigdatastack.cluster.EksCluster;
import io.bigdatastack.emr.SparkPlacement;
import io.bigdatastack.iam.IamRole;
import io.bigdatastack.iam.PolicyDocument;
import io.bigdatastack.iam.PolicyDocument.Statement;
import io.bigdatastack.iam.TrustPolicies;
import io.bigdatastack.naming.PhysicalNames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Karpenter, the node provisioner for Spark when {@code nodeProvisioner} is {@code karpenter}: it launches EC2
 * instances that fit the pending pods (drivers on on-demand, executors spot first), and removes them when empty.
 *
 * <p>Built as upstream's getting-started guide for the pinned version describes it
 * (https://karpenter.sh/v1.14/getting-started/getting-started-with-karpenter/), with what that version needs from AWS
 * written as our own data ({@link KarpenterAws}):
 * <ul>
 *   <li>a node role with the guide's AWS managed policies and an EKS access entry of type {@code EC2_LINUX}, so
 *       its nodes can join (https://docs.aws.amazon.com/eks/latest/userguide/creating-access-entries.html);</li>
 *   <li>the interruption queue (SQS, SSE, five-minute retention) with a policy admitting only EventBridge (from this
 *       stack's rules) and SQS, and denying every request not over TLS; and EventBridge rules for the five interruption events
 *       (https://karpenter.sh/v1.14/concepts/disruption/#interruption);</li>
 *   <li>the controller's role (IRSA or Pod Identity, {@link AddonRoleArgs}) with the controller's policies,
 *       filled in for this cluster, this node role ({@code iam:PassRole}) and this queue;</li>
 *   <li>{@code karpenter.sh/discovery} tags on the private subnets and the node security group, which the
 *       EC2NodeClasses select by;</li>
 *   <li>the {@code karpenter-crd} chart (CRDs, upgraded with the version, which a chart's crds/ directory never is)
 *       and the {@code karpenter} chart, on the on-demand base group only;</li>
 *   <li>EC2NodeClasses and NodePools for Spark ({@link KubernetesCustomResource}).</li>
 * </ul>
 *
 * <p>Order: NodePools depend on their EC2NodeClasses, both on the controller and the CRDs, the controller on its role,
 * queue and CRDs. {@code pulumi destroy} reverses it: the NodePools and NodeClasses go first, while the controller still
 * runs to drain and terminate the nodes it launched (their finalizers), then the controller, then its role and queue.
 */
public final class Karpenter extends ComponentResource {

    public static final String TYPE = "bigdata:addons:Karpenter";
    public static final HelmChart CHART = HelmChart.oci(KarpenterVersions.CHART, KarpenterVersions.VERSION);
    public static final HelmChart CRD_CHART = HelmChart.oci(KarpenterVersions.CHART + "-crd", KarpenterVersions.VERSION);
    public static final String NAMESPACE = "kube-system";
    public static final String SERVICE_ACCOUNT = "karpenter";
    public static final String RELEASE_NAME = "karpenter";
    public static final String CRD_RELEASE_NAME = "karpenter-crd";
    /** The tag subnets and security groups are discovered by (upstream's convention). */
    public static final String DISCOVERY_TAG = "karpenter.sh/discovery";
    /** The EC2NodeClass of drivers: EBS only. */
    public static final String NODE_CLASS = "spark";
    /** The EC2NodeClass of executors: instance-store NVMe as one RAID0 array for emptyDir (shuffle, spill). */
    public static final String NVME_NODE_CLASS = "spark-nvme";
    /** The target ID upstream's rules give the queue. */
    static final String QUEUE_TARGET_ID = "KarpenterInterruptionQueueTarget";
    /** How far one voluntary disruption may reach at a time (per pool, of its nodes). */
    public static final String DISRUPTION_BUDGET = "10%";

    private final Release controller;
    private final Output<String> queueName;
    private final Output<String> nodeRoleArn;
    private final Output<String> controllerRoleArn;
    private final List<KubernetesCustomResource> nodePools;
    private final List<KubernetesCustomResource> nodeClasses;

    public Karpenter(String name, KarpenterArgs args, ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var tags = args.tags;

        // --- Node role and its access entry ---
        var nodeRoleName = PhysicalNames.role(args.namePrefix, "karpenter-node");
        var nodeRoleBuilder = IamRole.builder(name + "-karpenter-node", nodeRoleName, this)
                .description("Nodes Karpenter launches for EKS cluster " + args.clusterName)
                .trust(TrustPolicies.service("ec2.amazonaws.com").toJson())
                .tags(tags);
        for (var policy : KarpenterAws.NODE_MANAGED_POLICIES) {
            nodeRoleBuilder.managedPolicy(name + "-karpenter-node-" + policy, args.scope.applyValue(s -> s.awsManagedPolicyArn(policy)));
        }
        var nodeRole = nodeRoleBuilder.build();
        this.nodeRoleArn = nodeRole.role().arn();
        var nodeAccess = new AccessEntry(name + "-karpenter-node", AccessEntryArgs.builder()
                .clusterName(args.clusterName)
                .principalArn(nodeRole.role().arn())
                .type("EC2_LINUX")
                .tags(tags)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(nodeRole.grants()).build());

        // --- Interruption queue and rules ---
        var queue = new Queue(name + "-karpenter-interruption-queue", QueueArgs.builder()
                .name(PhysicalNames.fit(args.namePrefix + "-karpenter", 80))
                .messageRetentionSeconds(KarpenterAws.QUEUE_MESSAGE_RETENTION_SECONDS)
                .sqsManagedSseEnabled(true)
                .tags(tags)
                .build(), child);
        this.queueName = queue.name();
        var ruleArns = new ArrayList<Output<String>>();
        var rulesAndTargets = new ArrayList<Resource>();
        for (var rule : KarpenterAws.INTERRUPTION_RULES) {
            var suffix = rule.suffix();
            var eventRule = new EventRule(name + "-karpenter-" + suffix, EventRuleArgs.builder()
                    .name(PhysicalNames.fit(args.namePrefix + "-karpenter-" + suffix, 64))
                    .description("Karpenter " + KarpenterVersions.VERSION + " interruption events (" + rule.upstreamName()
                            + ") for EKS cluster " + args.clusterName)
                    .eventPattern(rule.eventPattern())
                    .tags(tags)
                    .build(), child);
            ruleArns.add(eventRule.arn());
            rulesAndTargets.add(eventRule);
            rulesAndTargets.add(new EventTarget(name + "-karpenter-" + suffix, EventTargetArgs.builder()
                    .rule(eventRule.name())
                    .targetId(QUEUE_TARGET_ID)
                    .arn(queue.arn())
                    .build(), child));
        }
        var queuePolicy = new QueuePolicy(name + "-karpenter-interruption-queue", QueuePolicyArgs.builder()
                .queueUrl(queue.url())
                .policy(Output.tuple(queue.arn(), Output.all(ruleArns), args.scope)
                        .applyValue(t -> queuePolicy(t.t1, t.t2, t.t3.accountId()).toJson()))
                .build(), child);

        // --- Controller role: the permissions the pinned controller needs, for this cluster, node role and queue ---
        var policies = Output.tuple(args.scope, nodeRole.role().arn(), queue.arn())
                .applyValue(t -> KarpenterAws.controllerPolicies(t.t1, args.clusterName, t.t2, t.t3));
        // The policies' names and order, without the stack's values (which are Outputs).
        var shapes = KarpenterAws.controllerPolicyShapes();
        var addonRole = AddonRole.create(name + "-karpenter", args, this, "Karpenter controller", NAMESPACE, SERVICE_ACCOUNT, role -> {
            for (int i = 0; i < shapes.size(); i++) {
                final int index = i;
                var shape = shapes.get(i);
                // The description names the upstream policy this one corresponds to and where it was learned from; it
                // is kept unchanged because AWS cannot change a policy's description in place.
                role.customerManagedPolicy(name + "-karpenter-" + shape.suffix(),
                        PhysicalNames.fit(args.roleName + "-" + shape.suffix(), PhysicalNames.IAM_POLICY_NAME_MAX),
                        "Karpenter " + KarpenterVersions.VERSION + " upstream " + shape.upstreamName() + " (" + KarpenterVersions.TEMPLATE_SOURCE + ")",
                        policies.applyValue(list -> list.get(index).document().toJson()));
            }
            return role;
        });
        this.controllerRoleArn = addonRole.iamRole().role().arn();

        // --- Discovery tags: separate tag resources, so the subnets and the group themselves are not changed ---
        var discovery = new ArrayList<Resource>();
        for (int i = 0; i < args.privateSubnetCount; i++) {
            final int index = i;
            discovery.add(new Tag(name + "-karpenter-discovery-subnet-" + i, TagArgs.builder()
                    .resourceId(args.privateSubnetIds.applyValue(ids -> ids.get(index)))
                    .key(DISCOVERY_TAG)
                    .value(args.clusterName)
                    .build(), child));
        }
        discovery.add(new Tag(name + "-karpenter-discovery-node-security-group", TagArgs.builder()
                .resourceId(args.nodeSecurityGroupId)
                .key(DISCOVERY_TAG)
                .value(args.clusterName)
                .build(), child));

        // --- CRDs and controller ---
        var crds = CRD_CHART.install(name + "-karpenter-crd", CRD_RELEASE_NAME, NAMESPACE, Output.of(Map.of()), this,
                args.kubernetesProvider, args.workloadReady);
        var controllerDependencies = new ArrayList<Resource>(addonRole.releaseDependencies());
        controllerDependencies.add(queue);
        controllerDependencies.add(queuePolicy);
        controllerDependencies.addAll(rulesAndTargets);
        controllerDependencies.add(crds);
        this.controller = CHART.install(name + "-karpenter", RELEASE_NAME, NAMESPACE,
                Output.tuple(queue.name(), addonRole.serviceAccountAnnotations())
                        .applyValue(t -> values(args.clusterName, t.t1, t.t2, args.controllerReplicas)),
                this, args.kubernetesProvider, controllerDependencies, true);

        // --- Node classes and pools ---
        var classDependencies = new ArrayList<Resource>(List.of(crds, controller, nodeAccess));
        classDependencies.addAll(discovery);
        var sparkClass = customResource(name + "-karpenter-nodeclass-" + NODE_CLASS, KubernetesCustomResource.Kind.EC2_NODE_CLASS, NODE_CLASS,
                nodeClassSpec(nodeRoleName, args.clusterName, args.pools, false, tags), args, classDependencies);
        var nvmeClass = customResource(name + "-karpenter-nodeclass-" + NVME_NODE_CLASS, KubernetesCustomResource.Kind.EC2_NODE_CLASS, NVME_NODE_CLASS,
                nodeClassSpec(nodeRoleName, args.clusterName, args.pools, true, tags), args, classDependencies);
        this.nodeClasses = List.of(sparkClass, nvmeClass);
        var driverPool = customResource(name + "-karpenter-nodepool-" + SparkPlacement.DRIVER_POOL, KubernetesCustomResource.Kind.NODE_POOL,
                SparkPlacement.DRIVER_POOL, driverPoolSpec(args.pools), args, List.of(crds, controller, sparkClass));
        var executorPool = customResource(name + "-karpenter-nodepool-" + SparkPlacement.EXECUTOR_POOL, KubernetesCustomResource.Kind.NODE_POOL,
                SparkPlacement.EXECUTOR_POOL, executorPoolSpec(args.pools), args, List.of(crds, controller, nvmeClass));
        this.nodePools = List.of(driverPool, executorPool);

        registerOutputs(Map.of("queueName", queueName, "nodeRoleArn", nodeRoleArn, "controllerRoleArn", controllerRoleArn));
    }

    private KubernetesCustomResource customResource(String logicalName, KubernetesCustomResource.Kind kind, String objectName,
                                                    Map<String, Object> spec, KarpenterArgs args, List<Resource> dependsOn) {
        return new KubernetesCustomResource(logicalName, kind, KubernetesCustomResourceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(objectName).build())
                .spec(spec)
                .build(), CustomResourceOptions.builder()
                .parent(this)
                .provider(args.kubernetesProvider)
                .dependsOn(dependsOn)
                .build());
    }

    /**
     * The queue's policy: upstream's two statements, narrowed. EventBridge may send only from this stack's rules
     * (aws:SourceArn, as the EventBridge guide recommends for SQS targets:
     * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sqs-permissions), SQS
     * only on behalf of this account; any request not over TLS is denied.
     */
    static PolicyDocument queuePolicy(String queueArn, List<String> ruleArns, String accountId) {
        return PolicyDocument.of(
                Statement.allow("EventBridgeRulesOfThisStack")
                        .principal("Service", "events.amazonaws.com")
                        .actions("sqs:SendMessage")
                        .resources(queueArn)
                        .condition("ArnEquals", "aws:SourceArn", List.copyOf(ruleArns)),
                Statement.allow("SqsOfThisAccount")
                        .principal("Service", "sqs.amazonaws.com")
                        .actions("sqs:SendMessage")
                        .resources(queueArn)
                        .condition("StringEquals", "aws:SourceAccount", accountId),
                Statement.deny("DenyHTTP")
                        .principal("AWS", "*")
                        .actions("sqs:*")
                        .resources(queueArn)
                        .condition("Bool", "aws:SecureTransport", "false"));
    }

    /**
     * Chart values (charts/karpenter/values.yaml of the pinned version):
     * <ul>
     *   <li>{@code settings.clusterName} and {@code settings.interruptionQueue}: this cluster, this queue;</li>
     *   <li>the service account under a fixed name, which the role's trust names; its role annotation with IRSA;</li>
     *   <li>{@code nodeSelector} on the on-demand base group: the controller must never run on a node it manages
     *       (the chart's affinity already keeps it off Karpenter nodes), nor on spot;</li>
     *   <li>{@code replicas}: at most the base group's nodes (the chart's anti-affinity puts one per node);</li>
     *   <li>controller requests and a memory limit as the getting-started guide sets them (1 CPU, 1Gi), halved for
     *       CPU: the base group also hosts coredns and the other controllers.</li>
     * </ul>
     */
    static Map<String, Object> values(String clusterName, String queueName, Map<String, String> serviceAccountAnnotations, int replicas) {
        var values = new LinkedHashMap<String, Object>();
        values.put("settings", Map.of("clusterName", clusterName, "interruptionQueue", queueName));
        values.put("serviceAccount", Map.of("create", true, "name", SERVICE_ACCOUNT, "annotations", new TreeMap<>(serviceAccountAnnotations)));
        values.put("replicas", replicas);
        values.put("nodeSelector", new TreeMap<>(Map.of("kubernetes.io/os", "linux", EksCluster.CAPACITY_TYPE_LABEL, "ON_DEMAND")));
        values.put("controller", Map.of("resources", Map.of(
                "requests", Map.of("cpu", "500m", "memory", "1Gi"),
                "limits", Map.of("memory", "1Gi"))));
        return values;
    }

    /**
     * An EC2NodeClass (https://karpenter.sh/v1.14/concepts/nodeclasses/): Amazon Linux 2023, this stack's subnets and
     * node security group by discovery tag, IMDSv2 required with a hop limit of 1 (pods cannot reach the node's
     * credentials through instance metadata), an encrypted gp3 root volume; with {@code nvme} the instance-store
     * volumes joined as one RAID0 array that holds kubelet and container storage, so emptyDir (Spark's shuffle and
     * spill) lands on NVMe.
     */
    static Map<String, Object> nodeClassSpec(String nodeRoleName, String clusterName, KarpenterPools pools, boolean nvme,
                                             Map<String, String> tags) {
        var discovery = List.of(Map.of("tags", Map.of(DISCOVERY_TAG, clusterName)));
        var spec = new LinkedHashMap<String, Object>();
        spec.put("role", nodeRoleName);
        spec.put("amiSelectorTerms", List.of(Map.of("alias", pools.amiAlias())));
        spec.put("subnetSelectorTerms", discovery);
        spec.put("securityGroupSelectorTerms", discovery);
        var metadata = new LinkedHashMap<String, Object>();
        metadata.put("httpEndpoint", "enabled");
        metadata.put("httpProtocolIPv6", "disabled");
        metadata.put("httpPutResponseHopLimit", 1);
        metadata.put("httpTokens", "required");
        spec.put("metadataOptions", metadata);
        var ebs = new LinkedHashMap<String, Object>();
        ebs.put("volumeSize", pools.rootVolumeGiB() + "Gi");
        ebs.put("volumeType", "gp3");
        ebs.put("encrypted", true);
        ebs.put("deleteOnTermination", true);
        spec.put("blockDeviceMappings", List.of(Map.of("deviceName", "/dev/xvda", "ebs", ebs)));
        if (nvme) {
            spec.put("instanceStorePolicy", "RAID0");
        }
        spec.put("tags", new TreeMap<>(tags));
        return spec;
    }

    /** Drivers: on-demand only (a lost driver loses the job), general-purpose and memory families of recent generations. */
    static Map<String, Object> driverPoolSpec(KarpenterPools pools) {
        return poolSpec(NODE_CLASS, List.of(
                requirement("karpenter.sh/capacity-type", "In", "on-demand"),
                requirement("kubernetes.io/arch", "In", pools.architectures().toArray(String[]::new)),
                requirement("karpenter.k8s.aws/instance-category", "In", "m", "r"),
                requirement("karpenter.k8s.aws/instance-generation", "Gt", "5"),
                requirement("karpenter.k8s.aws/instance-size", "NotIn", "nano", "micro", "small", "medium", "metal")),
                "WhenEmpty", KarpenterPools.DRIVER_CONSOLIDATE_AFTER, pools.driverCpuLimit(), pools.driverMemoryGiBLimit());
    }

    /**
     * Executors: spot and on-demand allowed, so Karpenter launches spot and falls back to on-demand when no spot pool
     * has capacity (https://karpenter.sh/v1.14/concepts/nodepools/#capacity-type); compute, general-purpose and memory
     * families of recent generations and many sizes (diversification is what keeps spot available), only types with
     * local NVMe (the RAID0 node class); consolidated when empty or underutilized, but only after
     * {@code executorConsolidateAfter}, longer than Spark's executor idle timeout.
     */
    static Map<String, Object> executorPoolSpec(KarpenterPools pools) {
        return poolSpec(NVME_NODE_CLASS, List.of(
                requirement("karpenter.sh/capacity-type", "In", "spot", "on-demand"),
                requirement("kubernetes.io/arch", "In", pools.architectures().toArray(String[]::new)),
                requirement("karpenter.k8s.aws/instance-category", "In", "c", "m", "r"),
                requirement("karpenter.k8s.aws/instance-generation", "Gt", "5"),
                requirement("karpenter.k8s.aws/instance-size", "NotIn", "nano", "micro", "small", "medium", "metal"),
                requirement("karpenter.k8s.aws/instance-local-nvme", "Gt", "0")),
                "WhenEmptyOrUnderutilized", pools.executorConsolidateAfter(), pools.executorCpuLimit(), pools.executorMemoryGiBLimit());
    }

    private static Map<String, Object> poolSpec(String nodeClass, List<Map<String, Object>> requirements, String consolidationPolicy,
                                                java.time.Duration consolidateAfter, int cpuLimit, int memoryGiBLimit) {
        var nodeSpec = new LinkedHashMap<String, Object>();
        nodeSpec.put("nodeClassRef", Map.of("group", KubernetesCustomResource.Kind.EC2_NODE_CLASS.group(),
                "kind", KubernetesCustomResource.Kind.EC2_NODE_CLASS.kind(), "name", nodeClass));
        nodeSpec.put("requirements", requirements);
        var disruption = new LinkedHashMap<String, Object>();
        disruption.put("consolidationPolicy", consolidationPolicy);
        disruption.put("consolidateAfter", consolidateAfter.toSeconds() + "s");
        disruption.put("budgets", List.of(Map.of("nodes", DISRUPTION_BUDGET)));
        var spec = new LinkedHashMap<String, Object>();
        spec.put("template", Map.of("spec", nodeSpec));
        spec.put("disruption", disruption);
        spec.put("limits", Map.of("cpu", String.valueOf(cpuLimit), "memory", memoryGiBLimit + "Gi"));
        return spec;
    }

    private static Map<String, Object> requirement(String key, String operator, String... values) {
        var requirement = new LinkedHashMap<String, Object>();
        requirement.put("key", key);
        requirement.put("operator", operator);
        requirement.put("values", List.of(values));
        return requirement;
    }

    /** The controller's Helm release: what must go before the controller on destroy depends on it. */
    public Release controller() { return controller; }

    /** The NodePools ({@code spark-driver}, {@code spark-executor}). */
    public List<KubernetesCustomResource> nodePools() { return nodePools; }

    /** The EC2NodeClasses ({@code spark}, {@code spark-nvme}). */
    public List<KubernetesCustomResource> nodeClasses() { return nodeClasses; }

    /** Name of the interruption queue (the controller's {@code settings.interruptionQueue}). */
    public Output<String> queueName() { return queueName; }

    /** ARN of the role Karpenter's nodes run with. */
    public Output<String> nodeRoleArn() { return nodeRoleArn; }

    /** ARN of the controller's role. */
    public Output<String> controllerRoleArn() { return controllerRoleArn; }
}
