package io.bigdatastack.addons;

import com.pulumi.core.Output;
import io.bigdatastack.iam.AwsScope;

import java.util.List;
import java.util.Objects;

/**
 * Inputs of {@link Karpenter}: those of every add-on with an AWS role ({@link AddonRoleArgs}: the controller's
 * role) and its own.
 *
 * <p>Each input is documented at its {@link Builder} setter: what it is, its form or unit, and what changing it
 * on a deployed stack does (update in place or replace).
 */
public final class KarpenterArgs extends AddonRoleArgs {

    final String kubernetesVersion;
    final Output<AwsScope> scope;
    final Output<List<String>> privateSubnetIds;
    final int privateSubnetCount;
    final Output<String> nodeSecurityGroupId;
    final String namePrefix;
    final int controllerReplicas;
    final KarpenterPools pools;

    private KarpenterArgs(Builder b) {
        super(b);
        this.kubernetesVersion = Objects.requireNonNull(b.kubernetesVersion, "kubernetesVersion");
        KarpenterVersions.check(kubernetesVersion).ifPresent(expected -> {
            throw new IllegalArgumentException("kubernetesVersion " + kubernetesVersion + ": expected " + expected);
        });
        this.scope = Objects.requireNonNull(b.scope, "scope");
        this.privateSubnetIds = Objects.requireNonNull(b.privateSubnetIds, "privateSubnetIds");
        if (b.privateSubnetCount < 1) {
            throw new IllegalArgumentException("privateSubnetCount: expected 1 or more, got " + b.privateSubnetCount);
        }
        this.privateSubnetCount = b.privateSubnetCount;
        this.nodeSecurityGroupId = Objects.requireNonNull(b.nodeSecurityGroupId, "nodeSecurityGroupId");
        this.namePrefix = Objects.requireNonNull(b.namePrefix, "namePrefix");
        if (b.controllerReplicas < 1 || b.controllerReplicas > 2) {
            throw new IllegalArgumentException("controllerReplicas: expected 1 or 2, got " + b.controllerReplicas);
        }
        this.controllerReplicas = b.controllerReplicas;
        this.pools = Objects.requireNonNull(b.pools, "pools");
    }

    /** A builder; the inputs are documented at its setters. */
    public static Builder builder() {
        return new Builder();
    }

    /** Karpenter's own setters beside the shared ones of {@link AddonRoleArgs.Builder}. */
    public static final class Builder extends AddonRoleArgs.Builder<Builder> {
        private String kubernetesVersion;
        private Output<AwsScope> scope;
        private Output<List<String>> privateSubnetIds;
        private int privateSubnetCount;
        private Output<String> nodeSecurityGroupId;
        private String namePrefix;
        private int controllerReplicas = 2;
        private KarpenterPools pools;

        /** This builder. */
        @Override
        protected Builder self() { return this; }

        /**
         * The control plane's minor version, e.g. {@code 1.35}; refused when the pinned Karpenter does not support it
         * ({@link KarpenterVersions#check}). Nodes Karpenter launches follow the control plane through the AMI alias.
         */
        public Builder kubernetesVersion(String value) { this.kubernetesVersion = value; return this; }
        /** The stack's partition, Region and account ({@link AwsScope#lookup}), filled into the upstream policies. */
        public Builder scope(Output<AwsScope> value) { this.scope = value; return this; }
        /**
         * The private subnets Karpenter launches nodes in; each gets the {@code karpenter.sh/discovery} tag (an
         * {@code aws:ec2/tag:Tag} of its own, so the subnet itself is untouched). New subnets move the tags.
         */
        public Builder privateSubnetIds(Output<List<String>> value) { this.privateSubnetIds = value; return this; }
        /** How many private subnets there are (one per AZ): one discovery tag each. */
        public Builder privateSubnetCount(int value) { this.privateSubnetCount = value; return this; }
        /**
         * The security group nodes carry: the cluster security group EKS creates and puts on managed nodes. It gets the
         * discovery tag; a new cluster (a new group) moves it.
         */
        public Builder nodeSecurityGroupId(Output<String> value) { this.nodeSecurityGroupId = value; return this; }
        /**
         * {@code <project>-<stack>}: the start of the node role's, queue's and rules' names. Changing it replaces
         * them, and the NodeClasses drift (every Karpenter node is replaced).
         */
        public Builder namePrefix(String value) { this.namePrefix = value; return this; }
        /**
         * Controller replicas, 1 or 2 (upstream's default is 2, one per node). The controller runs only on the
         * on-demand base group, which nothing scales once Karpenter replaces the Cluster Autoscaler, so it can
         * have no more replicas than base nodes. Changing it updates the Helm release.
         */
        public Builder controllerReplicas(int value) { this.controllerReplicas = value; return this; }
        /**
         * The Spark pools ({@link KarpenterPools}). Limits, consolidation and budgets update the NodePools in place
         * without touching nodes; architectures, the AMI alias and the root volume drift the nodes (Karpenter
         * replaces them, sparing nodes of running drivers, which are annotated do-not-disrupt).
         */
        public Builder pools(KarpenterPools value) { this.pools = value; return this; }

        /**
         * The inputs; throws {@link NullPointerException} or {@link IllegalArgumentException} naming a required input
         * that is missing or wrong.
         */
        public KarpenterArgs build() { return new KarpenterArgs(this); }
    }
}
