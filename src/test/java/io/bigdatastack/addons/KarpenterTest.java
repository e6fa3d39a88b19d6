package io.bigdatastack.addons;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.bigdatastack.emr.SparkPlacement;
import io.bigdatastack.plan.Plan;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code nodeProvisioner: karpenter}: the controller, its IAM, queue and rules, node classes and pools, on the mock engine. */
class KarpenterTest {

    private static final String CLUSTER = "big-data-stack-test";
    private static Plan plan;
    private static Plan defaults;

    @BeforeAll
    static void planBoth() {
        plan = TestStacks.plan(Map.of("nodeProvisioner", "karpenter"));
        defaults = TestStacks.plan(Map.of());
    }

    private static Plan.Resource release(String name) {
        return plan.named("kubernetes:helm.sh/v3:Release", name);
    }

    private static JsonObject document(Plan.Resource resource, String input) {
        return JsonParser.parseString(resource.inputString(input)).getAsJsonObject();
    }

    private static List<JsonObject> statements(JsonObject document) {
        var list = new ArrayList<JsonObject>();
        document.getAsJsonArray("Statement").forEach(s -> list.add(s.getAsJsonObject()));
        return list;
    }

    private static List<String> strings(JsonElement element) {
        var list = new ArrayList<String>();
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> list.add(e.getAsString()));
        } else {
            list.add(element.getAsString());
        }
        return list;
    }

    private static boolean dependsOn(Plan.Resource dependent, Plan.Resource dependency) {
        return dependent.dependencies().contains(dependency.urn());
    }

    @Test
    void theDefaultIsTheClusterAutoscalerWithBothNodeGroupsAndNoKarpenter() {
        assertTrue(defaults.find(r -> r.type().equals(Karpenter.TYPE)).isPresent() == false);
        assertEquals(1, defaults.ofType(ClusterAutoscaler.TYPE).size());
        assertEquals(2, defaults.ofType("aws:eks/nodeGroup:NodeGroup").size());
        assertTrue(defaults.ofType("kubernetes:karpenter.sh/v1:NodePool").isEmpty());
    }

    @Test
    void karpenterReplacesTheAutoscalerAndTheSpotGroupButKeepsTheOnDemandBaseGroup() {
        assertTrue(plan.ofType(ClusterAutoscaler.TYPE).isEmpty());
        assertTrue(plan.find(r -> r.name().contains("cluster-autoscaler")).isEmpty());
        var groups = plan.ofType("aws:eks/nodeGroup:NodeGroup");
        assertEquals(1, groups.size());
        assertEquals("ON_DEMAND", groups.get(0).inputString("capacityType"));
        // The base group keeps its URN: a running stack switching provisioner keeps its system pods' nodes.
        var defaultBase = defaults.ofType("aws:eks/nodeGroup:NodeGroup").stream().filter(g -> g.inputString("capacityType").equals("ON_DEMAND")).findFirst().orElseThrow();
        assertEquals(defaultBase.urn().replace("::test::", "::test::"), groups.get(0).urn());
        assertEquals(defaultBase.inputs(), groups.get(0).inputs());
    }

    @Test
    void bothChartsArePinnedToTheSameOciVersionAndTheControllerLeavesTheCrdsToTheCrdChart() {
        var controller = release("test-karpenter");
        var crds = release("test-karpenter-crd");
        assertEquals("oci://public.ecr.aws/karpenter/karpenter", controller.inputString("chart"));
        assertEquals("oci://public.ecr.aws/karpenter/karpenter-crd", crds.inputString("chart"));
        assertEquals("1.14.1", controller.inputString("version"));
        assertEquals("1.14.1", crds.inputString("version"));
        assertTrue(controller.input("repositoryOpts").isEmpty(), "an OCI chart names no repository");
        assertTrue(controller.input("skipCrds").orElseThrow().getAsBoolean());
        assertTrue(crds.input("skipCrds").isEmpty());
        assertEquals("kube-system", controller.inputString("namespace"));
        assertTrue(dependsOn(controller, crds));
    }

    @Test
    void theControllerRunsOnlyOnTheOnDemandBaseGroupForThisClusterAndQueue() {
        var values = release("test-karpenter").input("values").orElseThrow().getAsJsonObject();
        assertEquals("ON_DEMAND", values.getAsJsonObject("nodeSelector").get("eks.amazonaws.com/capacityType").getAsString());
        assertEquals(CLUSTER, values.getAsJsonObject("settings").get("clusterName").getAsString());
        var queue = plan.one("aws:sqs/queue:Queue");
        assertEquals(queue.inputString("name"), values.getAsJsonObject("settings").get("interruptionQueue").getAsString());
        assertEquals("karpenter", values.getAsJsonObject("serviceAccount").get("name").getAsString());
        // The test stack's base group has one node (baseNodeMinSize default 1): one replica, the chart's anti-affinity
        // would leave a second pending with nothing to scale the base group.
        assertEquals(1, values.get("replicas").getAsInt());
        assertEquals(2, TestStacks.plan(Map.of("nodeProvisioner", "karpenter", "baseNodeMinSize", "3", "baseNodeDesiredSize", "3"))
                .named("kubernetes:helm.sh/v3:Release", "test-karpenter").input("values.replicas").orElseThrow().getAsInt());
    }

    @Test
    void irsaTrustNamesExactlyTheControllersServiceAccount() {
        var role = plan.named("aws:iam/role:Role", "test-karpenter");
        var trust = document(role, "assumeRolePolicy");
        var condition = statements(trust).get(0).getAsJsonObject("Condition").getAsJsonObject("StringEquals");
        assertTrue(condition.entrySet().stream().anyMatch(e -> e.getKey().endsWith(":sub")
                && e.getValue().getAsString().equals("system:serviceaccount:kube-system:karpenter")), trust.toString());
        var annotations = release("test-karpenter").input("values.serviceAccount.annotations").orElseThrow().getAsJsonObject();
        assertTrue(annotations.get("eks.amazonaws.com/role-arn").getAsString().endsWith(":role/" + role.inputString("name")));
        assertTrue(plan.ofType("aws:eks/podIdentityAssociation:PodIdentityAssociation").isEmpty());
    }

    @Test
    void podIdentityFollowsTheJobRoleBindingWithAnAssociationAndNoAnnotation() {
        var pod = TestStacks.plan(Map.of("nodeProvisioner", "karpenter", "jobRoleBinding", "podIdentity"));
        var association = pod.named("aws:eks/podIdentityAssociation:PodIdentityAssociation", "test-karpenter");
        assertEquals("kube-system", association.inputString("namespace"));
        assertEquals("karpenter", association.inputString("serviceAccount"));
        var trust = JsonParser.parseString(pod.named("aws:iam/role:Role", "test-karpenter").inputString("assumeRolePolicy")).getAsJsonObject();
        var statement = statements(trust).get(0);
        assertEquals("pods.eks.amazonaws.com", statement.getAsJsonObject("Principal").get("Service").getAsString());
        assertEquals("karpenter", strings(statement.getAsJsonObject("Condition").getAsJsonObject("StringEquals")
                .get("aws:RequestTag/kubernetes-service-account")).get(0));
        var release = pod.named("kubernetes:helm.sh/v3:Release", "test-karpenter");
        assertEquals(0, release.input("values.serviceAccount.annotations").orElseThrow().getAsJsonObject().size());
        assertTrue(dependsOn(release, association), "the controller must not start before its credentials exist");
    }

    @Test
    void theControllerPoliciesAreUpstreamsFilledInForThisClusterNodeRoleAndQueue() {
        var nodeRole = plan.named("aws:iam/role:Role", "test-karpenter-node");
        var queue = plan.one("aws:sqs/queue:Queue");
        var policies = plan.ofType("aws:iam/policy:Policy").stream().filter(p -> p.name().startsWith("test-karpenter-")).toList();
        assertEquals(List.of("test-karpenter-node-lifecycle", "test-karpenter-iam-integration", "test-karpenter-eks-integration",
                "test-karpenter-interruption", "test-karpenter-zonal-shift", "test-karpenter-resource-discovery"),
                policies.stream().map(Plan.Resource::name).toList());
        var passRoles = new ArrayList<JsonObject>();
        for (var policy : policies) {
            var text = policy.inputString("policy");
            assertFalse(text.contains("${"), policy.name() + " left a template variable: " + text);
            for (var statement : statements(document(policy, "policy"))) {
                if (strings(statement.get("Action")).contains("iam:PassRole")) {
                    passRoles.add(statement);
                }
                if (strings(statement.get("Action")).contains("sqs:ReceiveMessage")) {
                    assertEquals(List.of("arn:aws:sqs:us-east-1:123456789012:" + queue.inputString("name")), strings(statement.get("Resource")));
                }
                if (statement.has("Condition")) {
                    var condition = statement.get("Condition").toString();
                    assertFalse(condition.contains("kubernetes.io/cluster/}") , condition);
                }
            }
        }
        assertEquals(1, passRoles.size());
        assertEquals(List.of("arn:aws:iam::123456789012:role/" + nodeRole.inputString("name")), strings(passRoles.get(0).get("Resource")));
        var iamIntegration = policies.get(1).inputString("policy");
        assertFalse(iamIntegration.contains("instance-profile/*"), "narrowed to this cluster's profiles: " + iamIntegration);
        assertTrue(iamIntegration.contains(":instance-profile/" + CLUSTER + "_*\""), iamIntegration);
        // Compared in compact form, whatever the document's layout.
        var lifecycle = JsonParser.parseString(policies.get(0).inputString("policy")).toString();
        assertTrue(lifecycle.contains("\"aws:ResourceTag/kubernetes.io/cluster/" + CLUSTER + "\":\"owned\""), lifecycle);
        assertTrue(lifecycle.contains("arn:aws:ec2:us-east-1:*:instance/*"), lifecycle);
    }

    @Test
    void theNodeRoleHasUpstreamsManagedPoliciesAndAnEc2LinuxAccessEntry() {
        var attachments = new TreeSet<String>();
        plan.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").stream()
                .filter(a -> a.name().startsWith("test-karpenter-node-Amazon"))
                .forEach(a -> attachments.add(a.inputString("policyArn")));
        assertEquals(new TreeSet<>(List.of("arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy", "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
                "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly", "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore")), attachments);
        var entry = plan.named("aws:eks/accessEntry:AccessEntry", "test-karpenter-node");
        assertEquals("EC2_LINUX", entry.inputString("type"));
        var nodeRole = plan.named("aws:iam/role:Role", "test-karpenter-node");
        assertEquals("arn:aws:iam::123456789012:role/" + nodeRole.inputString("name"), entry.inputString("principalArn"));
        var trust = statements(document(nodeRole, "assumeRolePolicy")).get(0);
        assertEquals("ec2.amazonaws.com", trust.getAsJsonObject("Principal").get("Service").getAsString());
    }

    @Test
    void theQueueIsEncryptedAndAdmitsOnlyEventBridgeFromThisStacksRulesAndSqsOverTls() {
        var queue = plan.one("aws:sqs/queue:Queue");
        assertTrue(queue.input("sqsManagedSseEnabled").orElseThrow().getAsBoolean());
        assertEquals(300, queue.input("messageRetentionSeconds").orElseThrow().getAsInt());
        var policy = document(plan.one("aws:sqs/queuePolicy:QueuePolicy"), "policy");
        var services = new TreeSet<String>();
        var ruleArns = plan.ofType("aws:cloudwatch/eventRule:EventRule").stream()
                .map(r -> "arn:aws:events:us-east-1:123456789012:rule/" + r.inputString("name")).toList();
        boolean denyHttp = false;
        for (var statement : statements(policy)) {
            if (statement.get("Effect").getAsString().equals("Allow")) {
                var principal = statement.getAsJsonObject("Principal");
                assertEquals(List.of("Service"), new ArrayList<>(principal.keySet()));
                services.addAll(strings(principal.get("Service")));
                assertEquals(List.of("sqs:SendMessage"), strings(statement.get("Action")));
                if (strings(principal.get("Service")).contains("events.amazonaws.com")) {
                    assertEquals(new TreeSet<>(ruleArns), new TreeSet<>(strings(statement.getAsJsonObject("Condition")
                            .getAsJsonObject("ArnEquals").get("aws:SourceArn"))));
                }
            } else {
                denyHttp = statement.getAsJsonObject("Condition").getAsJsonObject("Bool").get("aws:SecureTransport").getAsString().equals("false")
                        && strings(statement.get("Action")).equals(List.of("sqs:*"));
            }
        }
        assertEquals(new TreeSet<>(List.of("events.amazonaws.com", "sqs.amazonaws.com")), services);
        assertTrue(denyHttp, policy.toString());
    }

    @Test
    void theRulesAreExactlyUpstreamsForThePinnedVersionEachTargetingTheQueue() {
        var detailTypes = new TreeSet<String>();
        var rules = plan.ofType("aws:cloudwatch/eventRule:EventRule");
        for (var rule : rules) {
            var pattern = JsonParser.parseString(rule.inputString("eventPattern")).getAsJsonObject();
            detailTypes.addAll(strings(pattern.get("detail-type")));
        }
        assertEquals(new TreeSet<>(List.of("AWS Health Event", "EC2 Spot Instance Interruption Warning", "EC2 Instance Rebalance Recommendation",
                "EC2 Instance State-change Notification", "EC2 Capacity Reservation Instance Interruption Warning")), detailTypes);
        var targets = plan.ofType("aws:cloudwatch/eventTarget:EventTarget");
        assertEquals(rules.size(), targets.size());
        var queueArn = "arn:aws:sqs:us-east-1:123456789012:" + plan.one("aws:sqs/queue:Queue").inputString("name");
        targets.forEach(t -> assertEquals(queueArn, t.inputString("arn")));
        rules.forEach(r -> assertTrue(r.inputString("name").length() <= 64, r.inputString("name")));
    }

    @Test
    void discoveryTagsGoOnEveryPrivateSubnetAndTheClusterSecurityGroupAndTheNodeClassesSelectByThem() {
        var tags = plan.ofType("aws:ec2/tag:Tag");
        var subnets = plan.ofType("aws:ec2/subnet:Subnet").stream()
                .filter(s -> s.name().contains("private")).map(s -> s.urn()).toList();
        assertEquals(subnets.size() + 1, tags.size());
        tags.forEach(t -> {
            assertEquals("karpenter.sh/discovery", t.inputString("key"));
            assertEquals(CLUSTER, t.inputString("value"));
        });
        assertTrue(tags.stream().anyMatch(t -> t.inputString("resourceId").startsWith("sg-")));
        assertTrue(defaults.ofType("aws:ec2/tag:Tag").isEmpty(), "the default stack's subnets and groups stay untouched");
        for (var nodeClass : plan.ofType("kubernetes:karpenter.k8s.aws/v1:EC2NodeClass")) {
            for (var selector : List.of("spec.subnetSelectorTerms", "spec.securityGroupSelectorTerms")) {
                var term = nodeClass.input(selector).orElseThrow().getAsJsonArray().get(0).getAsJsonObject();
                assertEquals(CLUSTER, term.getAsJsonObject("tags").get("karpenter.sh/discovery").getAsString());
            }
            tags.forEach(t -> assertTrue(dependsOn(nodeClass, t), nodeClass.name() + " before the tags it selects by"));
        }
    }

    @Test
    void nodeClassesRequireImdsV2WithHopLimitOneAndEncryptedGp3AndOnlyTheExecutorClassUsesRaid0() {
        var classes = plan.ofType("kubernetes:karpenter.k8s.aws/v1:EC2NodeClass");
        assertEquals(2, classes.size());
        for (var nodeClass : classes) {
            assertEquals("karpenter.k8s.aws/v1", nodeClass.inputString("apiVersion"));
            assertEquals("EC2NodeClass", nodeClass.inputString("kind"));
            assertEquals("required", nodeClass.inputString("spec.metadataOptions.httpTokens"));
            assertEquals(1, nodeClass.input("spec.metadataOptions.httpPutResponseHopLimit").orElseThrow().getAsInt());
            var ebs = nodeClass.input("spec.blockDeviceMappings").orElseThrow().getAsJsonArray().get(0).getAsJsonObject().getAsJsonObject("ebs");
            assertTrue(ebs.get("encrypted").getAsBoolean());
            assertEquals("gp3", ebs.get("volumeType").getAsString());
            assertEquals("100Gi", ebs.get("volumeSize").getAsString());
            assertEquals("al2023@latest", nodeClass.input("spec.amiSelectorTerms").orElseThrow().getAsJsonArray().get(0).getAsJsonObject().get("alias").getAsString());
            assertEquals(plan.named("aws:iam/role:Role", "test-karpenter-node").inputString("name"), nodeClass.inputString("spec.role"));
        }
        assertEquals("RAID0", plan.named("test-karpenter-nodeclass-spark-nvme").inputString("spec.instanceStorePolicy"));
        assertTrue(plan.named("test-karpenter-nodeclass-spark").input("spec.instanceStorePolicy").isEmpty());
    }

    private static JsonObject requirement(Plan.Resource pool, String key) {
        for (var element : pool.input("spec.template.spec.requirements").orElseThrow().getAsJsonArray()) {
            if (element.getAsJsonObject().get("key").getAsString().equals(key)) {
                return element.getAsJsonObject();
            }
        }
        throw new AssertionError(pool.name() + " has no requirement " + key);
    }

    @Test
    void theDriverPoolIsOnDemandAndConsolidatedOnlyWhenEmpty() {
        var driver = plan.named("test-karpenter-nodepool-spark-driver");
        assertEquals("spark-driver", driver.inputString("metadata.name"));
        assertEquals(List.of("on-demand"), strings(requirement(driver, "karpenter.sh/capacity-type").get("values")));
        assertEquals("WhenEmpty", driver.inputString("spec.disruption.consolidationPolicy"));
        assertEquals("spark", driver.inputString("spec.template.spec.nodeClassRef.name"));
        assertEquals("64", driver.inputString("spec.limits.cpu"));
        assertEquals("256Gi", driver.inputString("spec.limits.memory"));
        assertEquals("10%", driver.input("spec.disruption.budgets").orElseThrow().getAsJsonArray().get(0).getAsJsonObject().get("nodes").getAsString());
    }

    @Test
    void theExecutorPoolPrefersSpotFallsBackToOnDemandIsDiversifiedAndWaitsLongerThanSparksIdleTimeout() {
        var executor = plan.named("test-karpenter-nodepool-spark-executor");
        assertEquals(List.of("spot", "on-demand"), strings(requirement(executor, "karpenter.sh/capacity-type").get("values")));
        assertEquals(List.of("c", "m", "r"), strings(requirement(executor, "karpenter.k8s.aws/instance-category").get("values")));
        assertEquals(List.of("amd64"), strings(requirement(executor, "kubernetes.io/arch").get("values")));
        assertEquals("Gt", requirement(executor, "karpenter.k8s.aws/instance-local-nvme").get("operator").getAsString());
        assertEquals("spark-nvme", executor.inputString("spec.template.spec.nodeClassRef.name"));
        assertEquals("WhenEmptyOrUnderutilized", executor.inputString("spec.disruption.consolidationPolicy"));
        var after = executor.inputString("spec.disruption.consolidateAfter");
        assertEquals("300s", after);
        assertTrue(Integer.parseInt(after.replace("s", "")) > SparkPlacement.EXECUTOR_IDLE_TIMEOUT.toSeconds());
        assertEquals("512", executor.inputString("spec.limits.cpu"));
        assertEquals("2048Gi", executor.inputString("spec.limits.memory"));
    }

    @Test
    void poolKeysReachTheNodePoolsAndNodeClasses() {
        var custom = TestStacks.plan(TestStacks.overrides("nodeProvisioner", "karpenter", "karpenterExecutorCpuLimit", "96",
                "karpenterExecutorMemoryGiBLimit", "384", "karpenterDriverCpuLimit", "8", "karpenterArchitectures", "[\"amd64\", \"arm64\"]",
                "karpenterAmiAlias", "al2023@v20260801", "karpenterNodeDiskGiB", "200", "karpenterExecutorConsolidateAfterSeconds", "900"));
        var executor = custom.named("test-karpenter-nodepool-spark-executor");
        assertEquals("96", executor.inputString("spec.limits.cpu"));
        assertEquals("384Gi", executor.inputString("spec.limits.memory"));
        assertEquals("900s", executor.inputString("spec.disruption.consolidateAfter"));
        assertEquals(List.of("amd64", "arm64"), strings(requirement(executor, "kubernetes.io/arch").get("values")));
        assertEquals("8", custom.named("test-karpenter-nodepool-spark-driver").inputString("spec.limits.cpu"));
        var nodeClass = custom.named("test-karpenter-nodeclass-spark");
        assertEquals("al2023@v20260801", nodeClass.input("spec.amiSelectorTerms").orElseThrow().getAsJsonArray().get(0).getAsJsonObject().get("alias").getAsString());
        assertTrue(nodeClass.input("spec.blockDeviceMappings").orElseThrow().toString().contains("\"200Gi\""));
    }

    @Test
    void teardownOrderPoolsBeforeClassesBeforeTheControllerBeforeItsRoleAndQueue() {
        var controller = release("test-karpenter");
        var crds = release("test-karpenter-crd");
        var driverClass = plan.named("test-karpenter-nodeclass-spark");
        var nvmeClass = plan.named("test-karpenter-nodeclass-spark-nvme");
        for (var pool : plan.ofType("kubernetes:karpenter.sh/v1:NodePool")) {
            assertTrue(dependsOn(pool, controller) && dependsOn(pool, crds), pool.name());
            assertTrue(dependsOn(pool, driverClass) || dependsOn(pool, nvmeClass), pool.name());
            assertTrue(pool.provider().contains("pulumi:providers:kubernetes"), pool.provider());
        }
        for (var nodeClass : List.of(driverClass, nvmeClass)) {
            assertTrue(dependsOn(nodeClass, controller) && dependsOn(nodeClass, crds), nodeClass.name());
            assertTrue(dependsOn(nodeClass, plan.named("aws:eks/accessEntry:AccessEntry", "test-karpenter-node")));
        }
        assertTrue(dependsOn(controller, plan.one("aws:sqs/queue:Queue")));
        assertTrue(dependsOn(controller, plan.one("aws:sqs/queuePolicy:QueuePolicy")));
        // The controller role's six policies (the node role's attachments are AWS managed policies named after them).
        var controllerPolicies = List.of("node-lifecycle", "iam-integration", "eks-integration", "interruption", "zonal-shift", "resource-discovery");
        var attachments = plan.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").stream()
                .filter(a -> controllerPolicies.stream().anyMatch(p -> a.name().equals("test-karpenter-" + p))).toList();
        assertEquals(controllerPolicies.size(), attachments.size(), attachments.toString());
        for (var attachment : attachments) {
            assertTrue(dependsOn(controller, attachment), attachment.name());
        }
    }

    @Test
    void sparkPodsSelectThePoolsAndDriversAreNeverDisrupted() {
        var driverTemplate = plan.named("test-emr-pod-template-adhoc-driver").inputString("content");
        assertTrue(driverTemplate.contains("karpenter.sh/do-not-disrupt: \"true\""), driverTemplate);
        assertTrue(driverTemplate.contains("karpenter.sh/nodepool: spark-driver"), driverTemplate);
        var executorTemplate = plan.named("test-emr-pod-template-production-executor").inputString("content");
        assertTrue(executorTemplate.contains("karpenter.sh/nodepool: spark-executor"), executorTemplate);
        assertFalse(executorTemplate.contains("do-not-disrupt"), executorTemplate);
        var jobTemplate = plan.one("aws:cloudformation/stack:Stack").inputString("templateBody");
        assertTrue(jobTemplate.contains("spark.kubernetes.driver.node.selector.karpenter.sh/nodepool=spark-driver"), jobTemplate);
        assertTrue(jobTemplate.contains("spark.kubernetes.executor.node.selector.karpenter.sh/nodepool=spark-executor"), jobTemplate);
        assertTrue(jobTemplate.contains("spark.kubernetes.driver.annotation.karpenter.sh/do-not-disrupt=true"), jobTemplate);
        assertFalse(jobTemplate.contains("eks.amazonaws.com/capacityType"), "no managed-node-group label is left: executors would never schedule");
        var sample = plan.outputs().get("SampleJobCommand").getAsString();
        assertTrue(sample.contains("karpenter.sh/nodepool=spark-executor"), sample);
        // The default stack's templates carry no selector (its spark-submit settings do).
        assertFalse(defaults.named("test-emr-pod-template-adhoc-driver").inputString("content").contains("nodeSelector"));
    }

    @Test
    void oneJobIsPinnedToOneZoneByTheNodeSelectorSparkAppliesToDriverAndExecutors() {
        // spark.kubernetes.node.selector.* applies to driver and executor pods alike
        // (https://spark.apache.org/docs/latest/running-on-kubernetes.html#spark-properties).
        assertEquals("spark.kubernetes.node.selector.topology.kubernetes.io/zone=us-west-2a", SparkPlacement.zoneConf("us-west-2a"));
        assertEquals(List.of("spark.kubernetes.driver.node.selector.karpenter.sh/nodepool=spark-driver",
                "spark.kubernetes.executor.node.selector.karpenter.sh/nodepool=spark-executor",
                "spark.kubernetes.driver.annotation.karpenter.sh/do-not-disrupt=true"), SparkPlacement.KARPENTER.sparkConfs());
    }

    @Test
    void theIdleEstimateShowsBothPoolsAtZeroAndTheControllerOnTheBaseNodes() {
        var estimate = io.bigdatastack.insight.CostEstimate.of(plan, "us-east-1");
        var pools = estimate.lineItems().stream().filter(l -> l.item().startsWith("Karpenter NodePool")).toList();
        assertEquals(2, pools.size());
        pools.forEach(l -> {
            assertEquals(0, l.quantity());
            assertEquals(0, l.monthly().signum());
        });
        assertEquals(io.bigdatastack.insight.CostEstimate.SPOT_NODES, pools.stream().filter(l -> l.item().contains("spark-executor")).findFirst().orElseThrow().category());
        assertTrue(estimate.notPriced().stream().anyMatch(n -> n.item().equals("Karpenter controller")));
        assertEquals(CostOf.base(defaults), estimate.total(io.bigdatastack.insight.CostEstimate.ON_DEMAND_NODES));
    }

    @Test
    void aMigrationKeepsEveryResourceOfTheAutoscalerStackAndAddsKarpenterForNewJobs() {
        var migrating = TestStacks.plan(Map.of("nodeProvisioner", "karpenter", "nodeProvisionerMigration", "true"));
        var urns = new TreeSet<String>();
        migrating.resources().forEach(r -> urns.add(r.urn()));
        var deleted = defaults.resources().stream().map(Plan.Resource::urn).filter(urn -> !urns.contains(urn)).toList();
        assertEquals(List.of(), deleted, "step 1 of a switch deletes nothing: running jobs keep the spot group and autoscaler");
        for (var name : List.of("test-spot", "test-cluster-autoscaler")) {
            var before = defaults.named(name);
            assertEquals(before.inputs(), migrating.named(before.type(), name).inputs(), name);
        }
        assertEquals(2, migrating.ofType("kubernetes:karpenter.sh/v1:NodePool").size());
        // New jobs already go to the pools.
        assertTrue(migrating.named("test-emr-pod-template-adhoc-executor").inputString("content").contains("spark-executor"));

        // The way back: Karpenter and its pools stay beside the autoscaler; jobs use the node groups again.
        var back = TestStacks.plan(Map.of("nodeProvisionerMigration", "true"));
        assertEquals(2, back.ofType("kubernetes:karpenter.sh/v1:NodePool").size());
        assertEquals(1, back.ofType(ClusterAutoscaler.TYPE).size());
        assertEquals(2, back.ofType("aws:eks/nodeGroup:NodeGroup").size());
        assertFalse(back.named("test-emr-pod-template-adhoc-executor").inputString("content").contains("karpenter"));
    }

    /**
     * A prod-shaped stack with Karpenter, written to target/test-plans/: {@code mvn verify} runs the policy pack over that
     * directory too, so the pack's zero-false-positive check covers Karpenter's resources (IRSA here; the Pod Identity
     * variant is covered by the rules' own tests). Not target/plan/, which holds the stack files' plans only: the README's
     * pull-request flow copies that directory's plans as the reviewed baseline.
     */
    @Test
    void aProdShapedKarpenterPlanIsWrittenForThePolicyCheck() throws Exception {
        var stack = "prod-karpenter";
        var config = io.bigdatastack.config.StackConfig.load(TestStacks.source(stack, TestStacks.overrides(
                "nodeProvisioner", "karpenter", "natGateways", "perAz", "endpointPublicAccessCidrs", "[\"203.0.113.0/24\"]",
                "baseNodeMinSize", "2", "baseNodeDesiredSize", "2", "protectStatefulResources", "true", "eksAdminRoleName", "PlatformAdmin")),
                TestStacks.CLOCK);
        var prodPlan = io.bigdatastack.cli.Planner.plan(config, stack);
        var file = io.bigdatastack.plan.PlanJson.write(prodPlan, java.nio.file.Path.of("target", "test-plans"));
        assertTrue(java.nio.file.Files.readString(file).contains("kubernetes:karpenter.sh/v1:NodePool"));
        assertEquals(2, prodPlan.named("kubernetes:helm.sh/v3:Release", "prod-karpenter-karpenter").input("values.replicas").orElseThrow().getAsInt());
    }

    /** The default stack's on-demand line: the base group Karpenter keeps. */
    private static final class CostOf {
        static java.math.BigDecimal base(Plan p) {
            return io.bigdatastack.insight.CostEstimate.of(p, "us-east-1").total(io.bigdatastack.insight.CostEstimate.ON_DEMAND_NODES);
        }
    }
}
