package io.bigdatastack.cluster;

import com.google.gson.JsonParser;
import io.bigdatastack.config.InvalidConfigException;
import io.bigdatastack.plan.Plan;
import io.bigdatastack.testing.Json;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EksClusterTest {

    private static Plan plan;

    @BeforeAll
    static void planDefaults() {
        plan = TestStacks.plan(Map.of("eksAdminRoleName", "PlatformAdmin", "spotNodeMinSize", "0", "spotNodeDesiredSize", "0"));
    }

    private static Plan.Resource cluster() {
        return plan.one("aws:eks/cluster:Cluster");
    }

    private static Plan.Resource nodeGroup(Plan p, String name) {
        return p.named("test-" + name);
    }

    @Test
    void clusterUsesApiAndConfigMapAuthenticationWithCreatorAdmin() {
        // EMR on EKS's access-entry integration requires API_AND_CONFIG_MAP, and an API cluster cannot go back to it
        // (https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/setting-up-cluster-access.html).
        assertEquals("API_AND_CONFIG_MAP", cluster().inputString("accessConfig.authenticationMode"));
        assertTrue(plan.ofType("kubernetes:core/v1:ConfigMap").stream().noneMatch(c -> "aws-auth".equals(c.inputString("metadata.name"))),
                "access entries stay the only mechanism: no aws-auth ConfigMap");
        assertTrue(cluster().input("accessConfig.bootstrapClusterCreatorAdminPermissions").orElseThrow().getAsBoolean());
    }

    @Test
    void authenticationModeIsSetAtCreationOnly() {
        // Stacks created by earlier versions run in API mode, which EKS cannot move back to API_AND_CONFIG_MAP: the
        // program must not try on every later update.
        assertTrue(cluster().options().ignoreChanges().contains("accessConfig.authenticationMode"));
    }

    @Test
    void clusterNameVersionAndSupportType() {
        assertEquals("big-data-stack-test", cluster().inputString("name"));
        assertEquals("1.35", cluster().inputString("version"));
        assertEquals("STANDARD", cluster().inputString("upgradePolicy.supportType"));
        var older = TestStacks.plan(Map.of("kubernetesVersion", "1.34", "clusterName", "analytics"));
        assertEquals("1.34", older.one("aws:eks/cluster:Cluster").inputString("version"));
        assertEquals("analytics", older.one("aws:eks/cluster:Cluster").inputString("name"));
        for (var group : older.ofType("aws:eks/nodeGroup:NodeGroup")) {
            assertEquals("1.34", group.inputString("version"), "nodes follow the control plane");
        }
    }

    @Test
    void secretsAreEnvelopeEncryptedWithARotatedKey() {
        var key = plan.one("aws:kms/key:Key");
        assertTrue(key.input("enableKeyRotation").orElseThrow().getAsBoolean());
        var encryption = cluster().input("encryptionConfig").orElseThrow().getAsJsonObject();
        assertEquals(List.of("secrets"), Json.strings(cluster(), "encryptionConfig.resources"));
        assertTrue(encryption.getAsJsonObject("provider").get("keyArn").getAsString().startsWith("arn:aws:kms:us-east-1:123456789012:key/"));
        assertTrue(cluster().dependencies().contains(key.urn()));
    }

    @Test
    void controlPlaneLogsGoToARetainedLogGroup() {
        assertTrue(Json.strings(cluster(), "enabledClusterLogTypes").containsAll(List.of("api", "audit", "authenticator")));
        var logGroup = plan.named("test-control-plane-logs");
        assertEquals("/aws/eks/big-data-stack-test/cluster", logGroup.inputString("name"));
        assertEquals(30, logGroup.input("retentionInDays").orElseThrow().getAsInt());
        assertTrue(cluster().dependencies().contains(logGroup.urn()), "the log group must exist before EKS writes to it");
    }

    @Test
    void endpointIsPrivateAndPublicLimitedToConfiguredCidrs() {
        assertTrue(cluster().input("vpcConfig.endpointPrivateAccess").orElseThrow().getAsBoolean());
        assertTrue(cluster().input("vpcConfig.endpointPublicAccess").orElseThrow().getAsBoolean());
        assertEquals(List.of("0.0.0.0/0"), Json.strings(cluster(), "vpcConfig.publicAccessCidrs"));
        var prod = TestStacks.planStackFile("prod").one("aws:eks/cluster:Cluster");
        assertEquals(List.of("203.0.113.0/24"), Json.strings(prod, "vpcConfig.publicAccessCidrs"));
    }

    @Test
    void controlPlaneAndNodesUseThePrivateSubnets() {
        var privateSubnets = plan.ofType("aws:ec2/subnet:Subnet").stream().filter(s -> s.name().contains("private")).map(Plan.Resource::urn).toList();
        var publicSubnets = plan.ofType("aws:ec2/subnet:Subnet").stream().filter(s -> s.name().contains("public")).map(Plan.Resource::urn).toList();
        assertEquals(3, privateSubnets.size());
        for (var consumer : List.of(cluster(), nodeGroup(plan, "base"), nodeGroup(plan, "spot"))) {
            assertEquals(3, Json.strings(consumer, consumer.type().contains("cluster") ? "vpcConfig.subnetIds" : "subnetIds").size());
            assertTrue(consumer.dependencies().containsAll(privateSubnets), consumer.name());
            assertTrue(publicSubnets.stream().noneMatch(consumer.dependencies()::contains), consumer.name() + " must not use public subnets");
        }
    }

    @Test
    void clusterRoleTrustsEksAndHasTheClusterPolicy() {
        var role = plan.named("test-cluster-role");
        assertEquals("big-data-stack-test-eks-cluster", role.inputString("name"));
        assertEquals(JsonParser.parseString("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"eks.amazonaws.com"},"Action":"sts:AssumeRole"}]}
                """), Json.document(role, "assumeRolePolicy"));
        assertEquals(Set.of("arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"), attachedPolicies(plan, role));
    }

    @Test
    void nodeRoleTrustsEc2AndHasTheThreeNodePolicies() {
        var role = plan.named("test-node-role");
        assertEquals("ec2.amazonaws.com", Json.document(role, "assumeRolePolicy").getAsJsonArray("Statement").get(0).getAsJsonObject()
                .getAsJsonObject("Principal").get("Service").getAsString());
        assertEquals(Set.of("arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy", "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
                "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"), attachedPolicies(plan, role));
    }

    private static Set<String> attachedPolicies(Plan p, Plan.Resource role) {
        var roleName = role.inputString("name");
        return p.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").stream()
                .filter(a -> a.inputString("role").equals(roleName))
                .map(a -> a.inputString("policyArn"))
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void oidcProviderTrustsTheClusterIssuerForSts() {
        var oidc = plan.one("aws:iam/openIdConnectProvider:OpenIdConnectProvider");
        assertEquals(List.of("sts.amazonaws.com"), Json.strings(oidc, "clientIdLists"));
        assertTrue(oidc.inputString("url").matches("https://oidc\\.eks\\.us-east-1\\.amazonaws\\.com/id/[0-9A-F]{32}"), oidc.inputString("url"));
        assertTrue(oidc.dependencies().contains(cluster().urn()));
    }

    @Test
    void managedAddonsAreInstalledInTheRightOrder() {
        var addons = plan.ofType("aws:eks/addon:Addon");
        assertEquals(Set.of("vpc-cni", "coredns", "kube-proxy", "eks-pod-identity-agent"),
                addons.stream().map(a -> a.inputString("addonName")).collect(java.util.stream.Collectors.toSet()));
        assertFalse(cluster().input("bootstrapSelfManagedAddons").orElseThrow().getAsBoolean());
        var groups = plan.ofType("aws:eks/nodeGroup:NodeGroup");
        for (var addon : addons) {
            var name = addon.inputString("addonName");
            for (var group : groups) {
                if (name.equals("coredns")) {
                    assertTrue(addon.dependencies().contains(group.urn()), "coredns needs nodes to schedule on");
                } else {
                    assertTrue(group.dependencies().contains(addon.urn()), group.name() + " needs " + name + " to become Ready");
                }
            }
        }
    }

    @Test
    void nodeGroupsAreOnDemandBaseAndSpotWithConfiguredSizes() {
        var base = nodeGroup(plan, "base");
        var spot = nodeGroup(plan, "spot");
        assertEquals("ON_DEMAND", base.inputString("capacityType"));
        assertEquals("SPOT", spot.inputString("capacityType"));
        assertEquals(List.of("m5.xlarge"), Json.strings(base, "instanceTypes"));
        assertEquals(List.of("c5.2xlarge", "c5a.2xlarge", "c6i.2xlarge"), Json.strings(spot, "instanceTypes"));
        assertEquals(Map.of("minSize", "1", "desiredSize", "1", "maxSize", "20"), Json.stringMap(base, "scalingConfig"));
        assertEquals(Map.of("minSize", "0", "desiredSize", "0", "maxSize", "20"), Json.stringMap(spot, "scalingConfig"));
        assertEquals(50, base.input("diskSize").orElseThrow().getAsInt());
        for (var group : List.of(base, spot)) {
            assertEquals("AL2023_x86_64_STANDARD", group.inputString("amiType"));
            assertFalse(group.input("remoteAccess").isPresent(), "no SSH into nodes");
            assertEquals(List.of("scalingConfig.desiredSize"), group.options().ignoreChanges());
        }
    }

    @Test
    void nodesStartOnlyOnceTheirSubnetsHaveNatEgress() {
        var routes = plan.ofType("aws:ec2/route:Route").stream().filter(r -> r.input("natGatewayId").isPresent()).toList();
        assertEquals(3, routes.size());
        for (var group : plan.ofType("aws:eks/nodeGroup:NodeGroup")) {
            for (var route : routes) {
                assertTrue(group.dependencies().contains(route.urn()), group.name() + " must wait for " + route.name());
            }
        }
    }

    @Test
    void aFixedNameClusterIsDeletedBeforeItIsReplaced() {
        assertTrue(cluster().options().deleteBeforeReplace());
    }

    @Test
    void gravitonInstanceTypesGetTheArmAmi() {
        var p = TestStacks.plan(Map.of("baseNodeInstanceTypes", "[\"m7g.xlarge\"]"));
        assertEquals("AL2023_ARM_64_STANDARD", nodeGroup(p, "base").inputString("amiType"));
        assertEquals("AL2023_x86_64_STANDARD", nodeGroup(p, "spot").inputString("amiType"));
    }

    @Test
    void nodeLabelsAndAutoscalerTagsAllowScaleFromZero() {
        var spot = nodeGroup(plan, "spot");
        assertEquals(Map.of("node-group", "spot"), Json.stringMap(spot, "labels"));
        var tags = Json.stringMap(spot, "tags");
        assertEquals("true", tags.get("k8s.io/cluster-autoscaler/enabled"));
        assertEquals("owned", tags.get("k8s.io/cluster-autoscaler/big-data-stack-test"));
        assertEquals("spot", tags.get("k8s.io/cluster-autoscaler/node-template/label/node-group"));
        assertEquals("SPOT", tags.get("k8s.io/cluster-autoscaler/node-template/label/eks.amazonaws.com/capacityType"));
        assertEquals("test", tags.get("stack"));

        var asgTags = plan.ofType("aws:autoscaling/tag:Tag").stream().filter(t -> t.dependencies().contains(spot.urn())).toList();
        var hints = new HashMap<String, String>();
        for (var tag : asgTags) {
            assertTrue(tag.inputString("autoscalingGroupName").startsWith("eks-"));
            assertFalse(tag.input("tag.propagateAtLaunch").orElseThrow().getAsBoolean());
            hints.put(tag.inputString("tag.key"), tag.inputString("tag.value"));
        }
        assertEquals(Map.of("k8s.io/cluster-autoscaler/node-template/label/node-group", "spot",
                "k8s.io/cluster-autoscaler/node-template/label/eks.amazonaws.com/capacityType", "SPOT"), hints);
    }

    @Test
    void adminRoleGetsAClusterScopedAdminPolicy() {
        var entry = plan.one("aws:eks/accessEntry:AccessEntry");
        assertEquals("arn:aws:iam::123456789012:role/PlatformAdmin", entry.inputString("principalArn"));
        assertEquals("STANDARD", entry.inputString("type"));
        var association = plan.one("aws:eks/accessPolicyAssociation:AccessPolicyAssociation");
        assertEquals("arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", association.inputString("policyArn"));
        assertEquals("cluster", association.inputString("accessScope.type"));
        assertEquals("arn:aws:iam::123456789012:role/PlatformAdmin", association.inputString("principalArn"));
        assertTrue(association.dependencies().contains(entry.urn()));
    }

    @Test
    void noAccessEntryWithoutAnAdminRole() {
        var p = TestStacks.plan(Map.of());
        assertTrue(p.ofType("aws:eks/accessEntry:AccessEntry").isEmpty());
        assertTrue(p.ofType("aws:eks/accessPolicyAssociation:AccessPolicyAssociation").isEmpty());
        assertEquals("aws eks update-kubeconfig --name big-data-stack-test --region us-east-1", p.outputs().get("EksConfigCommand").getAsString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubernetesProviderAuthenticatesWithAwsEksGetToken() {
        var provider = plan.one("pulumi:providers:kubernetes");
        Map<String, Object> kubeconfig = new Yaml().load(provider.inputString("kubeconfig"));
        var cluster = ((List<Map<String, Map<String, String>>>) kubeconfig.get("clusters")).get(0).get("cluster");
        assertTrue(cluster.get("server").startsWith("https://") && cluster.get("server").endsWith(".eks.amazonaws.com"));
        assertFalse(cluster.get("certificate-authority-data").isEmpty());
        var exec = ((List<Map<String, Map<String, Map<String, Object>>>>) kubeconfig.get("users")).get(0).get("user").get("exec");
        assertEquals("client.authentication.k8s.io/v1beta1", exec.get("apiVersion"));
        assertEquals("aws", exec.get("command"));
        assertEquals(List.of("eks", "get-token", "--cluster-name", "big-data-stack-test", "--region", "us-east-1", "--output", "json"), exec.get("args"));
    }

    @Test
    void outputsNameTheClusterAndHideTheKubeconfig() {
        assertEquals("big-data-stack-test", plan.outputs().get("ClusterName").getAsString());
        assertEquals("aws eks update-kubeconfig --name big-data-stack-test --region us-east-1 --role-arn arn:aws:iam::123456789012:role/PlatformAdmin",
                plan.outputs().get("EksConfigCommand").getAsString());
        assertEquals(Plan.SECRET, plan.outputs().get("Kubeconfig").getAsString());
    }

    @Test
    void configRejectsMixedArchitecturesAndBadRetention() {
        var problems = assertThrows(InvalidConfigException.class, () -> TestStacks.config(Map.of(
                "spotNodeInstanceTypes", "[\"c6g.2xlarge\", \"c6i.2xlarge\"]",
                "logRetentionDays", "10"))).problems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("spotNodeInstanceTypes") && problems.get(0).contains("one architecture"), problems.get(0));
        assertTrue(problems.get(1).contains("logRetentionDays") && problems.get(1).contains("'10'"), problems.get(1));
    }

    @Test
    void amiTypeFollowsTheArchitecture() {
        assertEquals(NodeAmi.AL2023_ARM_64, NodeAmi.amiType(List.of("m7g.large", "c6gn.xlarge", "r6gd.2xlarge")));
        assertEquals(NodeAmi.AL2023_X86_64, NodeAmi.amiType(List.of("m5.large", "g5.xlarge", "m7i-flex.large")));
        assertThrows(IllegalArgumentException.class, () -> NodeAmi.amiType(List.of("m5.large", "m7g.large")));
    }

    @Test
    void kubeconfigTextIsTheSameOnEveryRun() {
        // Golden text: keys in a fixed order (a Map.of would reorder them from one JVM to the next).
        var expected = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: c
                  cluster:
                    server: https://e
                    certificate-authority-data: Q0E=
                contexts:
                - name: c
                  context:
                    cluster: c
                    user: c
                current-context: c
                users:
                - name: c
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1beta1
                      command: aws
                      args:
                      - eks
                      - get-token
                      - --cluster-name
                      - c
                      - --region
                      - us-east-1
                      - --output
                      - json
                      interactiveMode: Never
                """;
        assertEquals(expected, Kubeconfig.render("c", "https://e", "Q0E=", "us-east-1", java.util.Optional.empty()));
    }
}
