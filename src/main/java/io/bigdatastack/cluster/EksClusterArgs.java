package io.bigdatastack.cluster;

import io.bigdatastack.iam.AwsScope;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link EksCluster}.
 *
 * <p>Each input is documented at its {@link Builder} setter: what it is, its form or unit, and what changing it
 * on a deployed stack does (update in place or replace).
 */
public final class EksClusterArgs {

    private final String clusterName;
    private final String kubernetesVersion;
    private final SupportType supportType;
    private final Output<List<String>> privateSubnetIds;
    private final List<String> endpointPublicAccessCidrs;
    private final Optional<String> adminRoleName;
    private final String region;
    private final Output<AwsScope> scope;
    private final AwsCredentials deployerCredentials;
    private final List<NodeGroupSpec> nodeGroups;
    private final List<Resource> nodeDependencies;
    private final int logRetentionDays;
    private final boolean protectStatefulResources;
    private final String namePrefix;
    private final Map<String, String> tags;
    private final Secrets secrets;

    /**
     * Which inputs are Pulumi secrets (set with {@code pulumi config set --secret}); what derives from a secret input
     * (the cluster's access CIDRs, the admin access entry, the kubeconfig) stays a secret in the state.
     *
     * @param endpointPublicAccessCidrs whether {@code endpointPublicAccessCidrs} is a secret
     * @param adminRoleName             whether {@code adminRoleName} is a secret
     * @param deployerCredentials       whether the deployer's profile or assumed role is a secret
     */
    public record Secrets(boolean endpointPublicAccessCidrs, boolean adminRoleName, boolean deployerCredentials) {
        /** No input is a secret. */
        public static final Secrets NONE = new Secrets(false, false, false);
    }

    private EksClusterArgs(Builder b) {
        this.clusterName = Objects.requireNonNull(b.clusterName, "clusterName");
        this.kubernetesVersion = Objects.requireNonNull(b.kubernetesVersion, "kubernetesVersion");
        this.supportType = Objects.requireNonNull(b.supportType, "supportType");
        this.privateSubnetIds = Objects.requireNonNull(b.privateSubnetIds, "privateSubnetIds");
        this.endpointPublicAccessCidrs = List.copyOf(b.endpointPublicAccessCidrs);
        this.adminRoleName = Objects.requireNonNull(b.adminRoleName);
        this.region = Objects.requireNonNull(b.region, "region");
        this.scope = Objects.requireNonNull(b.scope, "scope");
        this.deployerCredentials = Objects.requireNonNull(b.deployerCredentials, "deployerCredentials");
        this.nodeGroups = List.copyOf(b.nodeGroups);
        this.nodeDependencies = List.copyOf(b.nodeDependencies);
        this.logRetentionDays = b.logRetentionDays;
        this.protectStatefulResources = b.protectStatefulResources;
        this.namePrefix = Objects.requireNonNull(b.namePrefix, "namePrefix");
        this.tags = Map.copyOf(b.tags);
        this.secrets = Objects.requireNonNull(b.secrets, "secrets");
        if (endpointPublicAccessCidrs.isEmpty()) {
            throw new IllegalArgumentException("endpointPublicAccessCidrs must not be empty");
        }
    }

    /** A builder; the inputs are documented at its setters. */
    public static Builder builder() {
        return new Builder();
    }

    /** See {@link Builder#clusterName}. */
    public String clusterName() { return clusterName; }
    /** See {@link Builder#kubernetesVersion}. */
    public String kubernetesVersion() { return kubernetesVersion; }
    /** See {@link Builder#supportType}. */
    public SupportType supportType() { return supportType; }
    /** See {@link Builder#privateSubnetIds}. */
    public Output<List<String>> privateSubnetIds() { return privateSubnetIds; }
    /** See {@link Builder#endpointPublicAccessCidrs}. */
    public List<String> endpointPublicAccessCidrs() { return endpointPublicAccessCidrs; }
    /** See {@link Builder#adminRoleName}. */
    public Optional<String> adminRoleName() { return adminRoleName; }
    /** See {@link Builder#region}. */
    public String region() { return region; }
    /** See {@link Builder#scope}. */
    public Output<AwsScope> scope() { return scope; }
    /** See {@link Builder#deployerCredentials}. */
    public AwsCredentials deployerCredentials() { return deployerCredentials; }
    /** See {@link Builder#nodeGroups}. */
    public List<NodeGroupSpec> nodeGroups() { return nodeGroups; }
    /** See {@link Builder#nodeDependencies}. */
    public List<Resource> nodeDependencies() { return nodeDependencies; }
    /** See {@link Builder#logRetentionDays}. */
    public int logRetentionDays() { return logRetentionDays; }
    /** See {@link Builder#protectStatefulResources}. */
    public boolean protectStatefulResources() { return protectStatefulResources; }
    /** See {@link Builder#namePrefix}. */
    public String namePrefix() { return namePrefix; }
    /** See {@link Builder#tags}. */
    public Map<String, String> tags() { return tags; }
    /** See {@link Builder#secrets}. */
    public Secrets secrets() { return secrets; }

    public static final class Builder {
        private String clusterName;
        private String kubernetesVersion;
        private SupportType supportType = SupportType.STANDARD;
        private Output<List<String>> privateSubnetIds;
        private List<String> endpointPublicAccessCidrs = List.of();
        private Optional<String> adminRoleName = Optional.empty();
        private String region;
        private Output<AwsScope> scope;
        private AwsCredentials deployerCredentials = AwsCredentials.AMBIENT;
        private List<NodeGroupSpec> nodeGroups = List.of();
        private List<? extends Resource> nodeDependencies = List.of();
        private int logRetentionDays = 30;
        private boolean protectStatefulResources;
        private String namePrefix;
        private Map<String, String> tags = Map.of();
        private Secrets secrets = Secrets.NONE;

        /**
         * The EKS cluster's name (unique per account and Region; 1-100 characters). Changing it replaces the cluster,
         * its log group, node groups, add-ons, access entries, OIDC provider and Kubernetes provider, and so every
         * Kubernetes object on it.
         */
        public Builder clusterName(String value) { this.clusterName = value; return this; }
        /**
         * Control plane and node version, {@code <major>.<minor>}, e.g. {@code 1.35}. Raising it upgrades the control
         * plane in place, then both node groups; EKS cannot downgrade.
         */
        public Builder kubernetesVersion(String value) { this.kubernetesVersion = value; return this; }
        /**
         * The cluster's upgrade policy: {@code STANDARD} (the default) or {@code EXTENDED}, which allows a version past
         * standard support at a higher hourly price. Changing it updates the cluster in place.
         */
        public Builder supportType(SupportType value) { this.supportType = value; return this; }
        /**
         * Subnet IDs ({@code subnet-...}) for the control-plane ENIs and the nodes, one per AZ. Adding or removing one
         * updates the cluster's subnet list in place and replaces the node groups.
         */
        public Builder privateSubnetIds(Output<List<String>> value) { this.privateSubnetIds = value; return this; }
        /**
         * CIDR blocks (at least one) that may reach the public API endpoint; the private endpoint is always on.
         * Changing them updates the cluster in place.
         */
        public Builder endpointPublicAccessCidrs(List<String> value) { this.endpointPublicAccessCidrs = value; return this; }
        /**
         * An IAM role's name (in this account) granted cluster admin through an access entry; empty for none. Changing
         * it replaces the access entry and its policy association.
         */
        public Builder adminRoleName(Optional<String> value) { this.adminRoleName = value; return this; }
        /** Region code, e.g. {@code eu-west-1}, for the kubeconfig and the {@code aws eks} commands. */
        public Builder region(String value) { this.region = value; return this; }
        /**
         * The stack's partition, Region and account ({@link AwsScope#lookup}), for the ARNs of AWS managed policies and
         * of the EKS access policy.
         */
        public Builder scope(Output<AwsScope> value) { this.scope = value; return this; }
        /**
         * The AWS provider's profile and assumed role, which the Kubernetes provider's {@code aws eks get-token} must
         * use too ({@link AwsCredentials#AMBIENT} by default). Changing them updates the kubeconfig, and so the
         * Kubernetes provider.
         */
        public Builder deployerCredentials(AwsCredentials value) { this.deployerCredentials = value; return this; }
        /**
         * The managed node groups ({@link NodeGroupSpec}). Changing instance types or disk size replaces that node
         * group (nodes are recycled); sizes update in place.
         */
        public Builder nodeGroups(List<NodeGroupSpec> value) { this.nodeGroups = value; return this; }
        /**
         * What nodes need before they start besides the cluster, e.g. the private subnets' NAT routes ({@code
         * Network.privateEgress()}); ordering only.
         */
        public Builder nodeDependencies(List<? extends Resource> value) { this.nodeDependencies = value; return this; }
        /**
         * Retention of the control-plane log group, in days (a value CloudWatch Logs accepts; 30 by default). Lowering
         * it is an update that deletes older logs.
         */
        public Builder logRetentionDays(int value) { this.logRetentionDays = value; return this; }
        /**
         * Protect the cluster, its secrets key and control-plane log group ({@link
         * io.bigdatastack.protection.Stateful}); then a change that would replace or delete them stops at preview.
         * Turning it off is an update.
         */
        public Builder protectStatefulResources(boolean value) { this.protectStatefulResources = value; return this; }
        /**
         * Prefix of physical names (IAM roles, KMS alias), e.g. {@code big-data-stack-dev}, derived from project and
         * stack so it does not change on a stack. Changing it would replace the roles and the alias and, through the
         * cluster role (EKS cannot change a cluster's role), the cluster and its node groups.
         */
        public Builder namePrefix(String value) { this.namePrefix = value; return this; }
        /** Tags for every taggable resource. Changing them updates in place. */
        public Builder tags(Map<String, String> value) { this.tags = value; return this; }
        /**
         * Which of the inputs came from secret config values ({@link Secrets#NONE} by default); what derives from them
         * stays a Pulumi secret.
         */
        public Builder secrets(Secrets value) { this.secrets = value; return this; }

        /**
         * The inputs; throws {@link NullPointerException} or {@link IllegalArgumentException} naming a required input
         * that is missing or wrong.
         */
        public EksClusterArgs build() { return new EksClusterArgs(this); }
    }
}
