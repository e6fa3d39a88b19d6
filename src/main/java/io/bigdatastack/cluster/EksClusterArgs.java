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
 * <ul>
 *   <li>{@code clusterName}: the EKS cluster name (unique per account and Region).</li>
 *   <li>{@code kubernetesVersion}: control plane and node version, e.g. {@code 1.35}.</li>
 *   <li>{@code supportType}: the cluster's upgrade policy; {@code EXTENDED} allows a version past standard support.</li>
 *   <li>{@code privateSubnetIds}: where the control-plane ENIs and the nodes go.</li>
 *   <li>{@code endpointPublicAccessCidrs}: who may reach the public API endpoint; the private endpoint is always on.</li>
 *   <li>{@code adminRoleName}: an IAM role (by name, in this account) granted cluster admin through an access entry.</li>
 *   <li>{@code region}: for the kubeconfig and the {@code aws eks} commands.</li>
 *   <li>{@code scope}: the stack's partition, Region and account ({@link AwsScope#lookup}), for the ARNs of AWS managed
 *       policies and of the EKS access policy.</li>
 *   <li>{@code deployerCredentials}: the AWS provider's profile and assumed role, which the Kubernetes provider's
 *       {@code aws eks get-token} must use too.</li>
 *   <li>{@code nodeGroups}: managed node groups, see {@link NodeGroupSpec}.</li>
 *   <li>{@code nodeDependencies}: what nodes need before they start besides the cluster, e.g. the private subnets'
 *       NAT routes ({@code Network.privateEgress()}).</li>
 *   <li>{@code logRetentionDays}: retention of the control-plane log group.</li>
 *   <li>{@code protectStatefulResources}: protect the cluster, its secrets key and control-plane log group
 *       ({@link io.bigdatastack.protection.Stateful}).</li>
 *   <li>{@code namePrefix}: prefix of physical names (IAM roles, KMS alias), e.g. {@code big-data-stack-dev}.</li>
 *   <li>{@code tags}: tags for every taggable resource.</li>
 *   <li>{@code secrets}: which of the inputs above came from secret config values; what derives from them stays secret.</li>
 * </ul>
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

    /** Which inputs are Pulumi secrets (set with {@code pulumi config set --secret}). */
    public record Secrets(boolean endpointPublicAccessCidrs, boolean adminRoleName, boolean deployerCredentials) {
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

    public static Builder builder() {
        return new Builder();
    }

    public String clusterName() { return clusterName; }
    public String kubernetesVersion() { return kubernetesVersion; }
    public SupportType supportType() { return supportType; }
    public Output<List<String>> privateSubnetIds() { return privateSubnetIds; }
    public List<String> endpointPublicAccessCidrs() { return endpointPublicAccessCidrs; }
    public Optional<String> adminRoleName() { return adminRoleName; }
    public String region() { return region; }
    public Output<AwsScope> scope() { return scope; }
    public AwsCredentials deployerCredentials() { return deployerCredentials; }
    public List<NodeGroupSpec> nodeGroups() { return nodeGroups; }
    public List<Resource> nodeDependencies() { return nodeDependencies; }
    public int logRetentionDays() { return logRetentionDays; }
    public boolean protectStatefulResources() { return protectStatefulResources; }
    public String namePrefix() { return namePrefix; }
    public Map<String, String> tags() { return tags; }
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

        public Builder clusterName(String value) { this.clusterName = value; return this; }
        public Builder kubernetesVersion(String value) { this.kubernetesVersion = value; return this; }
        public Builder supportType(SupportType value) { this.supportType = value; return this; }
        public Builder privateSubnetIds(Output<List<String>> value) { this.privateSubnetIds = value; return this; }
        public Builder endpointPublicAccessCidrs(List<String> value) { this.endpointPublicAccessCidrs = value; return this; }
        public Builder adminRoleName(Optional<String> value) { this.adminRoleName = value; return this; }
        public Builder region(String value) { this.region = value; return this; }
        public Builder scope(Output<AwsScope> value) { this.scope = value; return this; }
        public Builder deployerCredentials(AwsCredentials value) { this.deployerCredentials = value; return this; }
        public Builder nodeGroups(List<NodeGroupSpec> value) { this.nodeGroups = value; return this; }
        public Builder nodeDependencies(List<? extends Resource> value) { this.nodeDependencies = value; return this; }
        public Builder logRetentionDays(int value) { this.logRetentionDays = value; return this; }
        public Builder protectStatefulResources(boolean value) { this.protectStatefulResources = value; return this; }
        public Builder namePrefix(String value) { this.namePrefix = value; return this; }
        public Builder tags(Map<String, String> value) { this.tags = value; return this; }
        public Builder secrets(Secrets value) { this.secrets = value; return this; }

        public EksClusterArgs build() { return new EksClusterArgs(this); }
    }
}
