package io.bigdatastack.emr;

import io.bigdatastack.iam.AwsScope;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import io.bigdatastack.cluster.EksCluster;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Inputs of {@link EmrOnEks}.
 *
 * <ul>
 *   <li>{@code clusterName}, {@code clusterArn}, {@code oidcProviderArn}, {@code oidcIssuerUrl}, {@code accountId},
 *       {@code kubernetesProvider}: the EKS cluster the virtual cluster runs on (set all six with
 *       {@link Builder#cluster(EksCluster)}). The cluster must use the {@code API} or {@code API_AND_CONFIG_MAP}
 *       authentication mode, so that EMR can create its own access entry.</li>
 *   <li>{@code namespace}: Kubernetes namespace of the virtual cluster (RFC 1123 label), created here.</li>
 *   <li>{@code jobRoleName}: the job execution role's name; fixed up front because its base36 form is part of the
 *       trust policy (see {@link EmrNames#jobRoleName}).</li>
 *   <li>{@code jobRoleBinding}: IRSA, Pod Identity or both (see {@link JobRoleBinding}).</li>
 *   <li>{@code releaseLabel}: EMR release of the job template and the sample command, e.g. {@code emr-7.13.0-latest}.</li>
 *   <li>{@code jobReadBuckets}: names of other S3 buckets jobs may read (no write).</li>
 *   <li>{@code glueCatalogAccess}: whether jobs may use this account's Glue Data Catalog in the Region.</li>
 *   <li>{@code logRetentionDays}: retention of the job log group, and age at which S3 job logs expire.</li>
 *   <li>{@code protectStatefulResources}: true protects the bucket and log group ({@code protect} +
 *       {@code retainOnDelete}) and versions the bucket; false makes them destroyable with their contents.</li>
 *   <li>{@code region}: for the Glue ARNs and the sample command.</li>
 *   <li>{@code namePrefix}: prefix of physical names, e.g. {@code big-data-stack-dev}.</li>
 *   <li>{@code tags}: tags for every taggable AWS resource.</li>
 * </ul>
 */
public final class EmrOnEksArgs {

    private final Output<String> clusterName;
    private final Output<String> clusterArn;
    private final Output<String> oidcProviderArn;
    private final Output<String> oidcIssuerUrl;
    private final Output<AwsScope> scope;
    private final Provider kubernetesProvider;
    private final String namespace;
    private final String jobRoleName;
    private final JobRoleBinding jobRoleBinding;
    private final String releaseLabel;
    private final List<String> jobReadBuckets;
    private final boolean glueCatalogAccess;
    private final boolean jobTemplate;
    private final boolean secretJobReadBuckets;
    private final int logRetentionDays;
    private final boolean protectStatefulResources;
    private final String region;
    private final String namePrefix;
    private final Map<String, String> tags;
    private final List<TeamSpec> teams;

    private EmrOnEksArgs(Builder b) {
        this.clusterName = Objects.requireNonNull(b.clusterName, "clusterName");
        this.clusterArn = Objects.requireNonNull(b.clusterArn, "clusterArn");
        this.oidcProviderArn = Objects.requireNonNull(b.oidcProviderArn, "oidcProviderArn");
        this.oidcIssuerUrl = Objects.requireNonNull(b.oidcIssuerUrl, "oidcIssuerUrl");
        this.scope = Objects.requireNonNull(b.scope, "scope");
        this.kubernetesProvider = Objects.requireNonNull(b.kubernetesProvider, "kubernetesProvider");
        this.namespace = Objects.requireNonNull(b.namespace, "namespace");
        this.jobRoleName = Objects.requireNonNull(b.jobRoleName, "jobRoleName");
        this.jobRoleBinding = Objects.requireNonNull(b.jobRoleBinding, "jobRoleBinding");
        this.releaseLabel = Objects.requireNonNull(b.releaseLabel, "releaseLabel");
        this.jobReadBuckets = List.copyOf(b.jobReadBuckets);
        this.glueCatalogAccess = b.glueCatalogAccess;
        this.jobTemplate = b.jobTemplate;
        this.secretJobReadBuckets = b.secretJobReadBuckets;
        this.logRetentionDays = b.logRetentionDays;
        this.protectStatefulResources = b.protectStatefulResources;
        this.region = Objects.requireNonNull(b.region, "region");
        this.namePrefix = Objects.requireNonNull(b.namePrefix, "namePrefix");
        this.tags = Map.copyOf(b.tags);
        this.teams = List.copyOf(b.teams);
        // StackConfig has refused a bad combination already; this asserts the same rule for other callers.
        EmrRules.jobRoleBindingForRelease(jobRoleBinding, releaseLabel).ifPresent(expected -> {
            throw new IllegalArgumentException("jobRoleBinding " + jobRoleBinding + ": expected " + expected);
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    public Output<String> clusterName() { return clusterName; }
    public Output<String> clusterArn() { return clusterArn; }
    public Output<String> oidcProviderArn() { return oidcProviderArn; }
    public Output<String> oidcIssuerUrl() { return oidcIssuerUrl; }
    /** The stack's partition, Region and account, for every ARN and account-scoped name the component writes. */
    public Output<AwsScope> scope() { return scope; }
    /** The account, from {@link #scope()} (bucket name, IRSA subjects). */
    public Output<String> accountId() { return scope.applyValue(AwsScope::accountId); }
    public Provider kubernetesProvider() { return kubernetesProvider; }
    public String namespace() { return namespace; }
    public String jobRoleName() { return jobRoleName; }
    public JobRoleBinding jobRoleBinding() { return jobRoleBinding; }
    public String releaseLabel() { return releaseLabel; }
    public List<String> jobReadBuckets() { return jobReadBuckets; }
    public boolean glueCatalogAccess() { return glueCatalogAccess; }
    public boolean jobTemplate() { return jobTemplate; }
    /** Whether {@code jobReadBuckets} came from a secret config value: the job role's policy is then a secret. */
    public boolean secretJobReadBuckets() { return secretJobReadBuckets; }
    public int logRetentionDays() { return logRetentionDays; }
    public boolean protectStatefulResources() { return protectStatefulResources; }
    public String region() { return region; }
    public String namePrefix() { return namePrefix; }
    public Map<String, String> tags() { return tags; }
    /** The teams of {@code teams}; empty for a stack with the one default team of {@link #namespace()}. */
    public List<TeamSpec> teams() { return teams; }

    public static final class Builder {
        private Output<String> clusterName;
        private Output<String> clusterArn;
        private Output<String> oidcProviderArn;
        private Output<String> oidcIssuerUrl;
        private Output<AwsScope> scope;
        private Provider kubernetesProvider;
        private String namespace;
        private String jobRoleName;
        private JobRoleBinding jobRoleBinding = JobRoleBinding.irsa;
        private String releaseLabel;
        private List<String> jobReadBuckets = List.of();
        private boolean glueCatalogAccess;
        private boolean jobTemplate = true;
        private boolean secretJobReadBuckets;
        private int logRetentionDays = 30;
        private boolean protectStatefulResources;
        private String region;
        private String namePrefix;
        private Map<String, String> tags = Map.of();
        private List<TeamSpec> teams = List.of();

        /** Cluster name and ARN, OIDC provider and issuer and Kubernetes provider of {@code cluster}. */
        public Builder cluster(EksCluster cluster) {
            return clusterName(cluster.clusterName())
                    .clusterArn(cluster.clusterArn())
                    .oidcProviderArn(cluster.oidcProviderArn())
                    .oidcIssuerUrl(cluster.oidcIssuerUrl())
                    .kubernetesProvider(cluster.kubernetesProvider());
        }

        public Builder clusterName(Output<String> value) { this.clusterName = value; return this; }
        public Builder clusterArn(Output<String> value) { this.clusterArn = value; return this; }
        public Builder oidcProviderArn(Output<String> value) { this.oidcProviderArn = value; return this; }
        public Builder oidcIssuerUrl(Output<String> value) { this.oidcIssuerUrl = value; return this; }
        public Builder scope(Output<AwsScope> value) { this.scope = value; return this; }
        public Builder kubernetesProvider(Provider value) { this.kubernetesProvider = value; return this; }
        public Builder namespace(String value) { this.namespace = value; return this; }
        public Builder jobRoleName(String value) { this.jobRoleName = value; return this; }
        public Builder jobRoleBinding(JobRoleBinding value) { this.jobRoleBinding = value; return this; }
        public Builder releaseLabel(String value) { this.releaseLabel = value; return this; }
        public Builder jobReadBuckets(List<String> value) { this.jobReadBuckets = value; return this; }
        public Builder glueCatalogAccess(boolean value) { this.glueCatalogAccess = value; return this; }
        public Builder jobTemplate(boolean value) { this.jobTemplate = value; return this; }
        public Builder secretJobReadBuckets(boolean value) { this.secretJobReadBuckets = value; return this; }
        public Builder logRetentionDays(int value) { this.logRetentionDays = value; return this; }
        public Builder protectStatefulResources(boolean value) { this.protectStatefulResources = value; return this; }
        public Builder region(String value) { this.region = value; return this; }
        public Builder namePrefix(String value) { this.namePrefix = value; return this; }
        public Builder tags(Map<String, String> value) { this.tags = value; return this; }
        public Builder teams(List<TeamSpec> value) { this.teams = value; return this; }

        public EmrOnEksArgs build() { return new EmrOnEksArgs(this); }
    }
}
