package io.bigdatastack.cluster;

import io.bigdatastack.naming.PhysicalNames;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.autoscaling.Tag;
import com.pulumi.aws.autoscaling.TagArgs;
import com.pulumi.aws.autoscaling.inputs.TagTagArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.eks.AccessEntry;
import com.pulumi.aws.eks.AccessEntryArgs;
import com.pulumi.aws.eks.AccessPolicyAssociation;
import com.pulumi.aws.eks.AccessPolicyAssociationArgs;
import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.AddonArgs;
import com.pulumi.aws.eks.Cluster;
import com.pulumi.aws.eks.ClusterArgs;
import com.pulumi.aws.eks.NodeGroup;
import com.pulumi.aws.eks.NodeGroupArgs;
import com.pulumi.aws.eks.inputs.AccessPolicyAssociationAccessScopeArgs;
import com.pulumi.aws.eks.inputs.ClusterAccessConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterEncryptionConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterEncryptionConfigProviderArgs;
import com.pulumi.aws.eks.inputs.ClusterUpgradePolicyArgs;
import com.pulumi.aws.eks.inputs.ClusterVpcConfigArgs;
import com.pulumi.aws.eks.inputs.NodeGroupScalingConfigArgs;
import com.pulumi.aws.eks.inputs.NodeGroupUpdateConfigArgs;
import com.pulumi.aws.eks.outputs.ClusterCertificateAuthority;
import com.pulumi.aws.iam.IamFunctions;
import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.inputs.GetRoleArgs;
import com.pulumi.aws.iam.outputs.GetRoleResult;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.bigdatastack.iam.AwsScope;
import io.bigdatastack.iam.IamRole;
import io.bigdatastack.iam.TrustPolicies;
import io.bigdatastack.protection.Stateful;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The EKS cluster Spark runs on: control plane, OIDC provider, managed add-ons, managed node groups, admin access,
 * and the Kubernetes provider every Kubernetes resource of the program goes through.
 *
 * <p>Built from {@code com.pulumi:aws} resources (the only {@code com.pulumi:eks} release is broken under the 1.x
 * SDK). Access is through access entries only; the API's default authentication mode is {@code CONFIG_MAP}, so the
 * mode is set explicitly, to {@code API_AND_CONFIG_MAP}: EMR on EKS requires it for its access-entry integration
 * ("Enable cluster access for Amazon EMR on EKS",
 * https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/setting-up-cluster-access.html), and a cluster
 * created with {@code API} can never go back to it. No aws-auth ConfigMap is written, so access entries remain the
 * only mechanism in use (https://docs.aws.amazon.com/eks/latest/userguide/grant-k8s-access.html).
 */
public final class EksCluster extends ComponentResource {

    public static final String TYPE = "bigdata:cluster:EksCluster";

    /** See the class comment: what EMR on EKS requires; changing it on an existing cluster is one-way (API only). */
    public static final String AUTHENTICATION_MODE = "API_AND_CONFIG_MAP";

    /** Control-plane log types shipped to CloudWatch: who called the API, what they did, how they authenticated. */
    public static final List<String> CONTROL_PLANE_LOGS = List.of("api", "audit", "authenticator");

    /** Add-ons the nodes need before they can become Ready (networking, kube-proxy, Pod Identity credentials). */
    public static final List<String> NODE_ADDONS = List.of("vpc-cni", "kube-proxy", "eks-pod-identity-agent");
    /** Add-ons that need nodes to schedule on. */
    public static final List<String> WORKLOAD_ADDONS = List.of("coredns");

    public static final String NODE_GROUP_LABEL = "node-group";
    public static final String AUTOSCALER_ENABLED_TAG = "k8s.io/cluster-autoscaler/enabled";
    public static final String AUTOSCALER_NODE_TEMPLATE_LABEL = "k8s.io/cluster-autoscaler/node-template/label/";
    /** The label EKS puts on every managed node: ON_DEMAND or SPOT. Spark's node selectors use it. */
    public static final String CAPACITY_TYPE_LABEL = "eks.amazonaws.com/capacityType";

    private static final String CLUSTER_ADMIN_ACCESS_POLICY = "AmazonEKSClusterAdminPolicy";

    private final Output<String> clusterName;
    private final Output<String> clusterArn;
    private final String kubernetesVersion;
    private final Output<String> oidcProviderArn;
    private final Output<String> oidcIssuerUrl;
    private final List<NodeGroup> nodeGroups;
    private final Output<AwsScope> scope;
    private final Provider kubernetesProvider;
    private final Output<String> kubeconfig;
    private final Optional<Output<String>> adminRoleArn;
    private final Output<AwsCredentials> humanCredentials;
    private final List<Resource> workloadReady;
    private final Output<String> clusterSecurityGroupId;

    public EksCluster(String name, EksClusterArgs args, ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        this.kubernetesVersion = args.kubernetesVersion();
        this.scope = args.scope();

        var cluster = controlPlane(name, args);
        this.clusterName = cluster.name();
        this.clusterArn = cluster.arn();
        this.clusterSecurityGroupId = cluster.vpcConfig().applyValue(vpc -> vpc.clusterSecurityGroupId().orElseThrow());
        this.oidcIssuerUrl = cluster.identities().applyValue(ids -> ids.get(0).oidcs().get(0).issuer().orElseThrow());
        this.oidcProviderArn = oidcProvider(name, args).arn();
        this.nodeGroups = nodes(name, args, cluster);
        this.workloadReady = workloadAddons(name, args, cluster, nodeGroups);
        this.adminRoleArn = adminRoleArn(args);
        adminRoleArn.ifPresent(arn -> grantClusterAdmin(name, cluster, arn, args.secrets().adminRoleName(), args.tags()));

        // --- Kubernetes provider for every Kubernetes resource of the program ---
        var caData = cluster.certificateAuthority().applyValue(ClusterCertificateAuthority::data).applyValue(d -> d.orElseThrow());
        this.kubernetesProvider = kubernetesProvider(name, args, cluster, caData);

        var credentials = humanCredentials(args);
        this.humanCredentials = args.adminRoleName().isEmpty() && args.secrets().deployerCredentials() ? credentials.asSecret() : credentials;
        this.kubeconfig = Output.tuple(cluster.name(), cluster.endpoint(), caData, credentials)
                .applyValue(t -> Kubeconfig.render(t.t1, t.t2, t.t3, args.region(), t.t4))
                .asSecret();

        registerOutputs(Map.of(
                "clusterName", clusterName,
                "oidcProviderArn", oidcProviderArn,
                "oidcIssuerUrl", oidcIssuerUrl,
                "kubeconfig", kubeconfig));
    }

    /** Builds the control plane: its service role, the secrets encryption key, the control-plane log group and the cluster. */
    private Cluster controlPlane(String name, EksClusterArgs args) {
        var tags = args.tags();
        var clusterRole = serviceRole(name + "-cluster", PhysicalNames.role(args.namePrefix(), "eks-cluster"), "eks.amazonaws.com",
                List.of("AmazonEKSClusterPolicy"), tags);

        var secretsKey = new Key(name + "-secrets", KeyArgs.builder()
                .description("Envelope encryption of Kubernetes secrets in EKS cluster " + args.clusterName())
                .enableKeyRotation(true)
                .tags(tags)
                .build(), Stateful.EKS_SECRETS_KEY.options(args.protectStatefulResources(), this).build());

        // EKS creates this log group on first write with no expiry; creating it first keeps retention ours.
        var controlPlaneLogs = new LogGroup(name + "-control-plane-logs", LogGroupArgs.builder()
                .name("/aws/eks/" + args.clusterName() + "/cluster")
                .retentionInDays(args.logRetentionDays())
                .tags(tags)
                .build(), Stateful.CONTROL_PLANE_LOGS.options(args.protectStatefulResources(), this).build());

        return new Cluster(name + "-cluster", ClusterArgs.builder()
                .name(args.clusterName())
                .version(args.kubernetesVersion())
                .roleArn(clusterRole.role().arn())
                .vpcConfig(ClusterVpcConfigArgs.builder()
                        .subnetIds(args.privateSubnetIds())
                        .endpointPrivateAccess(true)
                        .endpointPublicAccess(true)
                        .publicAccessCidrs(args.secrets().endpointPublicAccessCidrs()
                                ? Output.ofSecret(args.endpointPublicAccessCidrs()) : Output.of(args.endpointPublicAccessCidrs()))
                        .build())
                .accessConfig(ClusterAccessConfigArgs.builder()
                        .authenticationMode(AUTHENTICATION_MODE)
                        .bootstrapClusterCreatorAdminPermissions(true)
                        .build())
                .encryptionConfig(ClusterEncryptionConfigArgs.builder()
                        .resources("secrets")
                        .provider(ClusterEncryptionConfigProviderArgs.builder().keyArn(secretsKey.arn()).build())
                        .build())
                .enabledClusterLogTypes(CONTROL_PLANE_LOGS)
                // Extended support costs $0.60/h instead of $0.10/h: STANDARD unless the stack opts in (kubernetesSupportType).
                // Changing it later is an in-place update of the cluster.
                .upgradePolicy(ClusterUpgradePolicyArgs.builder().supportType(args.supportType().name()).build())
                // vpc-cni, kube-proxy and coredns come as managed add-ons below, not as unmanaged bootstrap copies.
                .bootstrapSelfManagedAddons(false)
                .tags(tags)
                .build(), Stateful.EKS_CLUSTER.options(args.protectStatefulResources(), this)
                .dependsOn(concat(List.of(controlPlaneLogs), clusterRole.grants()))
                // The name is fixed, so a replacement (e.g. of the encryption config) must delete the old cluster
                // first: creating the new one first would fail with "cluster already exists".
                .deleteBeforeReplace(true)
                // The mode is only ever set at creation. Clusters created by earlier versions of this program are in
                // API mode, and the mode only moves towards API (CONFIG_MAP -> API_AND_CONFIG_MAP -> API; "you can't change
                // the authentication mode back to a mode that removes the EKS API", and the ConfigMap method cannot be
                // enabled after creation: https://docs.aws.amazon.com/eks/latest/userguide/setting-up-access-entries.html).
                // Diffing the mode would turn every later `pulumi up` of such a stack into an update EKS refuses.
                .ignoreChanges("accessConfig.authenticationMode")
                .build());
    }

    /** Builds the IAM OIDC provider of the cluster's issuer: the identity of pods under IRSA. */
    private OpenIdConnectProvider oidcProvider(String name, EksClusterArgs args) {
        return new OpenIdConnectProvider(name + "-oidc", OpenIdConnectProviderArgs.builder()
                .url(oidcIssuerUrl)
                .clientIdLists(TrustPolicies.STS_AUDIENCE)
                .tags(args.tags())
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    /** Builds what nodes need (the node add-ons and the node role) and the managed node groups. */
    private List<NodeGroup> nodes(String name, EksClusterArgs args, Cluster cluster) {
        var tags = args.tags();
        var nodeAddons = new ArrayList<Resource>();
        for (var addon : NODE_ADDONS) {
            nodeAddons.add(addon(name, addon, args.kubernetesVersion(), cluster, tags, List.of()));
        }

        var nodeRole = serviceRole(name + "-node", PhysicalNames.role(args.namePrefix(), "eks-node"), "ec2.amazonaws.com",
                List.of("AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"), tags);
        // Nodes need the CNI to become Ready, their role's policies to join, and NAT egress to pull images.
        var nodeDependencies = concat(concat(nodeAddons, nodeRole.grants()), args.nodeDependencies());

        var groups = new ArrayList<NodeGroup>();
        for (var spec : args.nodeGroups()) {
            groups.add(nodeGroup(name, spec, args, cluster, nodeRole.role(), nodeDependencies));
        }
        return groups;
    }

    /** Builds the add-ons that need nodes (coredns); returns them with the node groups: what a workload waits for. */
    private List<Resource> workloadAddons(String name, EksClusterArgs args, Cluster cluster, List<NodeGroup> groups) {
        var workloadReady = new ArrayList<Resource>(groups);
        for (var addon : WORKLOAD_ADDONS) {
            workloadReady.add(addon(name, addon, args.kubernetesVersion(), cluster, args.tags(), List.copyOf(groups)));
        }
        return List.copyOf(workloadReady);
    }

    /** Looks up the ARN of the admin role, when one is configured (secret when its name is). */
    private Optional<Output<String>> adminRoleArn(EksClusterArgs args) {
        // --- Human access ---
        // Looked up rather than assembled: a role may live under a path (IAM Identity Center roles do,
        // /aws-reserved/sso.amazonaws.com/), and a missing role fails here with IAM's own message.
        // A secret role name keeps its ARN secret too (the access entry, the kubeconfig, EksConfigCommand).
        return args.adminRoleName().map(roleName -> {
            var arn = IamFunctions.getRole(GetRoleArgs.builder()
                            .name(args.secrets().adminRoleName() ? Output.ofSecret(roleName) : Output.of(roleName)).build(),
                    InvokeOptions.builder().parent(this).build()).applyValue(GetRoleResult::arn);
            return args.secrets().adminRoleName() ? arn.asSecret() : arn;
        });
    }

    /** Builds the Kubernetes provider every Kubernetes resource of the program goes through, as the deployer. */
    private Provider kubernetesProvider(String name, EksClusterArgs args, Cluster cluster, Output<String> caData) {
        var providerKubeconfig = Output.tuple(cluster.name(), cluster.endpoint(), caData)
                .applyValue(t -> Kubeconfig.render(t.t1, t.t2, t.t3, args.region(), args.deployerCredentials()))
                // The provider's kubeconfig names the deployer's profile and role: secret when they are.
                .apply(text -> args.secrets().deployerCredentials() ? Output.ofSecret(text) : Output.of(text));
        return new Provider(name + "-k8s", ProviderArgs.builder()
                .kubeconfig(providerKubeconfig)
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    /** The credentials of humans' kubeconfig: the admin role when there is one; otherwise only the deployer (the cluster creator) is admin. */
    private Output<AwsCredentials> humanCredentials(EksClusterArgs args) {
        var humanRoleArn = adminRoleArn.map(arn -> arn.applyValue(Optional::of)).orElse(Output.of(Optional.empty()));
        return humanRoleArn.applyValue(role -> role.isPresent() ? AwsCredentials.role(role.get()) : args.deployerCredentials());
    }

    /** A role an AWS service assumes, with AWS managed policies attached. */
    private IamRole serviceRole(String logicalName, String roleName, String servicePrincipal, List<String> managedPolicies,
                                Map<String, String> tags) {
        var role = IamRole.builder(logicalName + "-role", roleName, this)
                .trust(TrustPolicies.service(servicePrincipal).toJson())
                .tags(tags);
        managedPolicies.forEach(policy -> role.managedPolicy(logicalName + "-" + policy, scope.applyValue(s -> s.awsManagedPolicyArn(policy))));
        return role.build();
    }

    /**
     * An EKS managed add-on at the default version EKS publishes for the stack's Kubernetes version. EKS does not
     * update add-ons when the control plane is upgraded ("update your add-ons" is a step of its own,
     * https://docs.aws.amazon.com/eks/latest/userguide/update-cluster.html), and an add-on without a version would stay
     * where it was created; asking for the version of {@code kubernetesVersion} makes the one key move the add-ons too,
     * after the control plane (they depend on the cluster). https://docs.aws.amazon.com/eks/latest/userguide/updating-an-add-on.html
     */
    private Addon addon(String name, String addonName, String kubernetesVersion, Cluster cluster, Map<String, String> tags,
                        List<Resource> dependsOn) {
        var version = com.pulumi.aws.eks.EksFunctions.getAddonVersion(com.pulumi.aws.eks.inputs.GetAddonVersionArgs.builder()
                .addonName(addonName)
                .kubernetesVersion(kubernetesVersion)
                .mostRecent(false)
                .build()).applyValue(com.pulumi.aws.eks.outputs.GetAddonVersionResult::version);
        return new Addon(name + "-" + addonName, AddonArgs.builder()
                .clusterName(cluster.name())
                .addonName(addonName)
                .addonVersion(version)
                .resolveConflictsOnCreate("OVERWRITE")
                .resolveConflictsOnUpdate("OVERWRITE")
                .tags(tags)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(dependsOn).build());
    }

    private NodeGroup nodeGroup(String name, NodeGroupSpec spec, EksClusterArgs args, Cluster cluster, Role nodeRole,
                                List<Resource> dependsOn) {
        var labels = new LinkedHashMap<String, String>();
        labels.put(NODE_GROUP_LABEL, spec.name());
        labels.putAll(spec.labels());

        // The autoscaler discovers groups by these tags, and reads the node-template hints to scale a group up
        // from zero nodes, when it has no node to copy labels from (https://docs.aws.amazon.com/eks/latest/best-practices/cas.html).
        var templateHints = new LinkedHashMap<String, String>();
        labels.forEach((k, v) -> templateHints.put(AUTOSCALER_NODE_TEMPLATE_LABEL + k, v));
        templateHints.put(AUTOSCALER_NODE_TEMPLATE_LABEL + CAPACITY_TYPE_LABEL, spec.capacityType());
        var nodeGroupTags = new LinkedHashMap<>(args.tags());
        nodeGroupTags.put(AUTOSCALER_ENABLED_TAG, "true");
        nodeGroupTags.put(autoscalerOwnershipTag(args.clusterName()), "owned");
        nodeGroupTags.putAll(templateHints);

        var nodeGroup = new NodeGroup(name + "-" + spec.name(), NodeGroupArgs.builder()
                .clusterName(cluster.name())
                .version(args.kubernetesVersion())
                .nodeRoleArn(nodeRole.arn())
                .subnetIds(args.privateSubnetIds())
                .capacityType(spec.capacityType())
                .instanceTypes(spec.instanceTypes())
                .amiType(NodeAmi.amiType(spec.instanceTypes()))
                .diskSize(spec.diskGiB())
                .scalingConfig(NodeGroupScalingConfigArgs.builder()
                        .minSize(spec.minSize())
                        .desiredSize(spec.desiredSize())
                        .maxSize(spec.maxSize())
                        .build())
                // How a version, AMI or launch-template update rolls the group: a third of its nodes at a time are drained
                // and replaced (https://docs.aws.amazon.com/eks/latest/userguide/managed-node-update-behavior.html); the
                // change review names the roll as disrupting running work.
                .updateConfig(NodeGroupUpdateConfigArgs.builder().maxUnavailablePercentage(33).build())
                .labels(labels)
                .tags(Map.copyOf(nodeGroupTags))
                .build(), CustomResourceOptions.builder()
                .parent(this)
                .dependsOn(dependsOn)
                // The autoscaler owns the size after creation; the next `pulumi up` must not undo it.
                .ignoreChanges("scalingConfig.desiredSize")
                .build());

        // Managed node group tags stay on the node group; the Auto Scaling group only gets the discovery tags.
        // Copy the scale-from-zero hints onto the ASG, where the autoscaler reads them.
        var asgName = nodeGroup.resources().applyValue(resources -> resources.get(0).autoscalingGroups().get(0).name().orElseThrow());
        templateHints.forEach((key, value) -> new Tag(name + "-" + spec.name() + "-" + key.substring(AUTOSCALER_NODE_TEMPLATE_LABEL.length())
                .replaceAll("[^A-Za-z0-9-]", "-"), TagArgs.builder()
                .autoscalingGroupName(asgName)
                .tag(TagTagArgs.builder().key(key).value(value).propagateAtLaunch(false).build())
                .build(), CustomResourceOptions.builder().parent(this).build()));
        return nodeGroup;
    }

    private void grantClusterAdmin(String name, Cluster cluster, Output<String> roleArn, boolean secret, Map<String, String> tags) {
        var entry = new AccessEntry(name + "-admin", AccessEntryArgs.builder()
                .clusterName(cluster.name())
                .principalArn(roleArn)
                .type("STANDARD")
                .tags(tags)
                .build(), CustomResourceOptions.builder().parent(this).build());
        new AccessPolicyAssociation(name + "-admin", AccessPolicyAssociationArgs.builder()
                .clusterName(cluster.name())
                // Whether an engine marks an output secret because its input was is not ours to rely on: say it.
                .principalArn(secret ? entry.principalArn().asSecret() : entry.principalArn())
                .policyArn(scope.applyValue(s -> s.eksAccessPolicyArn(CLUSTER_ADMIN_ACCESS_POLICY)))
                .accessScope(AccessPolicyAssociationAccessScopeArgs.builder().type("cluster").build())
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    private static List<Resource> concat(List<? extends Resource> first, List<? extends Resource> second) {
        var all = new ArrayList<Resource>(first);
        all.addAll(second);
        return all;
    }

    /** The tag that marks an Auto Scaling group as this cluster's, for discovery and for IAM conditions. */
    public static String autoscalerOwnershipTag(String clusterName) {
        return "k8s.io/cluster-autoscaler/" + clusterName;
    }

    /** The cluster's name. */
    public Output<String> clusterName() { return clusterName; }

    /** The cluster's ARN (Pod Identity tags sessions with it). */
    public Output<String> clusterArn() { return clusterArn; }

    /**
     * The cluster security group EKS creates and attaches to the control plane's interfaces and to managed nodes
     * (https://docs.aws.amazon.com/eks/latest/userguide/sec-group-reqs.html); nodes of other provisioners join with it.
     */
    public Output<String> clusterSecurityGroupId() { return clusterSecurityGroupId; }

    /** The Kubernetes minor version, e.g. {@code 1.35}. */
    public String kubernetesVersion() { return kubernetesVersion; }

    /** ARN of the IAM OIDC provider, the {@code Federated} principal of IRSA trust policies. */
    public Output<String> oidcProviderArn() { return oidcProviderArn; }

    /** The cluster's OIDC issuer URL ({@code https://oidc.eks.<region>.amazonaws.com/id/<id>}). */
    public Output<String> oidcIssuerUrl() { return oidcIssuerUrl; }

    /** The managed node groups, for Kubernetes workloads that need nodes to exist first. */
    public List<NodeGroup> nodeGroups() { return List.copyOf(nodeGroups); }

    /** What a workload must wait for: the node groups and cluster DNS (coredns). Helm releases depend on these. */
    public List<Resource> workloadReady() { return workloadReady; }

    /** The provider every Kubernetes resource must use. */
    public Provider kubernetesProvider() { return kubernetesProvider; }

    /** A kubeconfig for humans (with the admin role when one is configured); secret. */
    public Output<String> kubeconfig() { return kubeconfig; }

    /** The credentials a human's kubeconfig uses: the admin role if configured, else the deployer's. */
    public Output<AwsCredentials> humanCredentials() { return humanCredentials; }

    /** ARN of the admin role granted cluster admin, when configured. */
    public Optional<Output<String>> adminRoleArn() { return adminRoleArn; }
}
