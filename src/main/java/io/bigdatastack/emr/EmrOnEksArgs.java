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
 * <p>Each input is documented at its {@link Builder} setter: what it is, its form or unit, and what changing it
 * on a deployed stack does (update in place or replace).
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
    private final List<String> glueReadDatabases;
    private final boolean jobTemplate;
    private final boolean secretJobReadBuckets;
    private final int logRetentionDays;
    private final boolean protectStatefulResources;
    private final String region;
    private final String namePrefix;
    private final Map<String, String> tags;
    private final List<TeamSpec> teams;
    private final SparkPlacement sparkPlacement;
    private final int executorSlots;
    private final java.util.OptionalLong maxContainerMemoryMebibytes;

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
        this.glueReadDatabases = List.copyOf(b.glueReadDatabases);
        this.jobTemplate = b.jobTemplate;
        this.secretJobReadBuckets = b.secretJobReadBuckets;
        this.logRetentionDays = b.logRetentionDays;
        this.protectStatefulResources = b.protectStatefulResources;
        this.region = Objects.requireNonNull(b.region, "region");
        this.namePrefix = Objects.requireNonNull(b.namePrefix, "namePrefix");
        this.tags = Map.copyOf(b.tags);
        this.teams = List.copyOf(b.teams);
        this.sparkPlacement = Objects.requireNonNull(b.sparkPlacement, "sparkPlacement");
        if (b.executorSlots < 1) {
            throw new IllegalArgumentException("executorSlots " + b.executorSlots + ": expected at least 1");
        }
        this.executorSlots = b.executorSlots;
        this.maxContainerMemoryMebibytes = Objects.requireNonNull(b.maxContainerMemoryMebibytes, "maxContainerMemoryMebibytes");
        // StackConfig has refused a bad combination already; this asserts the same rule for other callers.
        EmrRules.jobRoleBindingForRelease(jobRoleBinding, releaseLabel).ifPresent(expected -> {
            throw new IllegalArgumentException("jobRoleBinding " + jobRoleBinding + ": expected " + expected);
        });
    }

    /** A builder; the inputs are documented at its setters. */
    public static Builder builder() {
        return new Builder();
    }

    /** See {@link Builder#clusterName}. */
    public Output<String> clusterName() { return clusterName; }
    /** See {@link Builder#clusterArn}. */
    public Output<String> clusterArn() { return clusterArn; }
    /** See {@link Builder#oidcProviderArn}. */
    public Output<String> oidcProviderArn() { return oidcProviderArn; }
    /** See {@link Builder#oidcIssuerUrl}. */
    public Output<String> oidcIssuerUrl() { return oidcIssuerUrl; }
    /** The stack's partition, Region and account, for every ARN and account-scoped name the component writes. */
    public Output<AwsScope> scope() { return scope; }
    /** The account, from {@link #scope()} (bucket name, IRSA subjects). */
    public Output<String> accountId() { return scope.applyValue(AwsScope::accountId); }
    /** See {@link Builder#kubernetesProvider}. */
    public Provider kubernetesProvider() { return kubernetesProvider; }
    /** See {@link Builder#namespace}. */
    public String namespace() { return namespace; }
    /** See {@link Builder#jobRoleName}. */
    public String jobRoleName() { return jobRoleName; }
    /** See {@link Builder#jobRoleBinding}. */
    public JobRoleBinding jobRoleBinding() { return jobRoleBinding; }
    /** See {@link Builder#releaseLabel}. */
    public String releaseLabel() { return releaseLabel; }
    /** See {@link Builder#jobReadBuckets}. */
    public List<String> jobReadBuckets() { return jobReadBuckets; }
    /** See {@link Builder#glueCatalogAccess}. */
    public boolean glueCatalogAccess() { return glueCatalogAccess; }
    /** See {@link Builder#glueReadDatabases}. */
    public List<String> glueReadDatabases() { return glueReadDatabases; }
    /** See {@link Builder#jobTemplate}. */
    public boolean jobTemplate() { return jobTemplate; }
    /** Whether {@code jobReadBuckets} came from a secret config value: the job role's policy is then a secret. */
    public boolean secretJobReadBuckets() { return secretJobReadBuckets; }
    /** See {@link Builder#logRetentionDays}. */
    public int logRetentionDays() { return logRetentionDays; }
    /** See {@link Builder#protectStatefulResources}. */
    public boolean protectStatefulResources() { return protectStatefulResources; }
    /** See {@link Builder#region}. */
    public String region() { return region; }
    /** See {@link Builder#namePrefix}. */
    public String namePrefix() { return namePrefix; }
    /** See {@link Builder#tags}. */
    public Map<String, String> tags() { return tags; }
    /** The teams of {@code teams}; empty for a stack with the one default team of {@link #namespace()}. */
    public List<TeamSpec> teams() { return teams; }
    /** See {@link Builder#sparkPlacement}. */
    public SparkPlacement sparkPlacement() { return sparkPlacement; }
    /** See {@link Builder#executorSlots}. */
    public int executorSlots() { return executorSlots; }
    /** See {@link Builder#maxContainerMemoryMebibytes}. */
    public java.util.OptionalLong maxContainerMemoryMebibytes() { return maxContainerMemoryMebibytes; }

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
        private List<String> glueReadDatabases = List.of();
        private boolean jobTemplate = true;
        private boolean secretJobReadBuckets;
        private int logRetentionDays = 30;
        private boolean protectStatefulResources;
        private String region;
        private String namePrefix;
        private Map<String, String> tags = Map.of();
        private List<TeamSpec> teams = List.of();
        private SparkPlacement sparkPlacement = SparkPlacement.MANAGED_NODE_GROUPS;
        private int executorSlots = JobTemplateDocument.JobSettings.DEFAULT.defaultMaxExecutors();
        private java.util.OptionalLong maxContainerMemoryMebibytes = java.util.OptionalLong.empty();

        /** Cluster name and ARN, OIDC provider and issuer and Kubernetes provider of {@code cluster}. */
        public Builder cluster(EksCluster cluster) {
            return clusterName(cluster.clusterName())
                    .clusterArn(cluster.clusterArn())
                    .oidcProviderArn(cluster.oidcProviderArn())
                    .oidcIssuerUrl(cluster.oidcIssuerUrl())
                    .kubernetesProvider(cluster.kubernetesProvider());
        }

        /** The EKS cluster's name. A new cluster replaces the namespace and the virtual cluster. */
        public Builder clusterName(Output<String> value) { this.clusterName = value; return this; }
        /** The EKS cluster's ARN, for the job role's and access entry's policies. */
        public Builder clusterArn(Output<String> value) { this.clusterArn = value; return this; }
        /**
         * ARN of the cluster's IAM OIDC identity provider, the IRSA trust's principal. A new provider updates the job
         * role's trust in place.
         */
        public Builder oidcProviderArn(Output<String> value) { this.oidcProviderArn = value; return this; }
        /**
         * The cluster's OIDC issuer URL ({@code https://oidc.eks...}), whose host is the prefix of the trust's
         * condition keys. A new issuer updates the job role's trust in place.
         */
        public Builder oidcIssuerUrl(Output<String> value) { this.oidcIssuerUrl = value; return this; }
        /**
         * The stack's partition, Region and account ({@link AwsScope#lookup}), for every ARN and account-scoped name
         * the component writes.
         */
        public Builder scope(Output<AwsScope> value) { this.scope = value; return this; }
        /**
         * The cluster's Kubernetes provider; the namespace and RBAC are created through it. A provider pointing at
         * another API server replaces them.
         */
        public Builder kubernetesProvider(Provider value) { this.kubernetesProvider = value; return this; }
        /**
         * Kubernetes namespace of the virtual cluster (RFC 1123 label), created here. Changing it replaces the
         * namespace (with everything in it) and the virtual cluster; the job role's trust is updated.
         */
        public Builder namespace(String value) { this.namespace = value; return this; }
        /**
         * The job execution role's name (at most 64 characters, see {@link EmrNames#jobRoleName}); fixed up front
         * because its base36 form is part of the trust policy. Changing it replaces the role.
         */
        public Builder jobRoleName(String value) { this.jobRoleName = value; return this; }
        /**
         * How pods get the job role: IRSA (the default), Pod Identity or both ({@link JobRoleBinding}); must suit
         * {@code releaseLabel}. Changing it creates or deletes the Pod Identity association and updates the trust.
         */
        public Builder jobRoleBinding(JobRoleBinding value) { this.jobRoleBinding = value; return this; }
        /**
         * EMR release of the job template and the sample command, e.g. {@code emr-7.13.0-latest}. Changing it updates
         * the job template.
         */
        public Builder releaseLabel(String value) { this.releaseLabel = value; return this; }
        /**
         * Names of other S3 buckets jobs may read (never write). Changing them updates the job role's policy in place.
         */
        public Builder jobReadBuckets(List<String> value) { this.jobReadBuckets = value; return this; }
        /**
         * Whether jobs may use this account's Glue Data Catalog in the Region: the stack creates the team's own
         * database, the only one its role writes. Turning it on creates the database and updates the role's policy;
         * turning it off deletes the database (its table definitions, not the data in S3) unless it is protected.
         */
        public Builder glueCatalogAccess(boolean value) { this.glueCatalogAccess = value; return this; }
        /**
         * Glue databases the default team's jobs may read besides their own (with {@code glueCatalogAccess}). Changing
         * them updates the job role's policy in place.
         */
        public Builder glueReadDatabases(List<String> value) { this.glueReadDatabases = value; return this; }
        /**
         * Whether to create the EMR job template (true by default). Turning it off deletes the template's
         * CloudFormation stack.
         */
        public Builder jobTemplate(boolean value) { this.jobTemplate = value; return this; }
        /**
         * Whether {@code jobReadBuckets} came from a secret config value: the job role's policy is then a Pulumi
         * secret.
         */
        public Builder secretJobReadBuckets(boolean value) { this.secretJobReadBuckets = value; return this; }
        /**
         * Retention of the job log group, in days (a value CloudWatch Logs accepts; 30 by default), and the age at
         * which S3 job logs expire. Lowering it is an update that deletes older logs.
         */
        public Builder logRetentionDays(int value) { this.logRetentionDays = value; return this; }
        /**
         * True protects the bucket, log group, namespace and virtual cluster ({@code protect} + {@code retainOnDelete})
         * and versions the bucket; false makes them destroyable with their contents. Changing it is an update.
         */
        public Builder protectStatefulResources(boolean value) { this.protectStatefulResources = value; return this; }
        /** Region code, e.g. {@code eu-west-1}, for the Glue ARNs and the sample command. */
        public Builder region(String value) { this.region = value; return this; }
        /**
         * Prefix of physical names (bucket, log group, virtual cluster, template), e.g. {@code big-data-stack-dev}.
         * Changing it replaces them.
         */
        public Builder namePrefix(String value) { this.namePrefix = value; return this; }
        /** Tags for every taggable AWS resource. Changing them updates in place. */
        public Builder tags(Map<String, String> value) { this.tags = value; return this; }
        /**
         * The data teams ({@link TeamSpec}), each with its own namespace, virtual cluster, role and template; empty
         * (the default) for one team from {@code namespace}. Setting it on a stack that had none replaces the default
         * team's resources; later, adding a team creates, removing deletes, renaming replaces its resources.
         */
        public Builder teams(List<TeamSpec> value) { this.teams = value; return this; }
        /**
         * Node selectors of the job submitter, driver and executor pods ({@link SparkPlacement}): managed node groups'
         * capacity types (the default) or Karpenter's pools, which also go into the team pod templates. Changing them updates every job template (CloudFormation replaces the template
         * inside its stack: new template ID) and the sample commands; running jobs keep their pods.
         */
        public Builder sparkPlacement(SparkPlacement value) { this.sparkPlacement = value; return this; }
        /**
         * How many default-size executors the executor node groups hold at their maximum size
         * ({@link SparkJobDefaults#executorSlots}): the {@code MaxExecutors} default of a team without a quota. Changing
         * it updates the templates as above.
         */
        public Builder executorSlots(int value) { this.executorSlots = value; return this; }
        /**
         * Allocatable memory of the largest node the stack can launch, in MiB (see
         * {@link io.bigdatastack.cluster.InstanceCapacity}); the team LimitRanges' per-container memory maximum. Empty
         * (the default) when a node's instance type is unknown: no maximum is imposed then, rather than a guessed one.
         * Changing it updates the LimitRanges in place; running pods are not affected.
         */
        public Builder maxContainerMemoryMebibytes(java.util.OptionalLong value) { this.maxContainerMemoryMebibytes = value; return this; }

        /**
         * The inputs; throws {@link NullPointerException} or {@link IllegalArgumentException} naming a required input
         * that is missing or wrong.
         */
        public EmrOnEksArgs build() { return new EmrOnEksArgs(this); }
    }
}
