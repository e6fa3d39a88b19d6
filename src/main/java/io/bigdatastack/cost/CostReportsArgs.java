package io.bigdatastack.cost;

import com.pulumi.core.Output;
import io.bigdatastack.cluster.AwsCredentials;
import io.bigdatastack.iam.AwsScope;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Inputs of {@link CostReports}.
 *
 * <p>Each input is documented at its {@link Builder} setter: what it is, its form, and what changing it on a deployed
 * stack does (update in place or replace).
 */
public final class CostReportsArgs {

    final String namePrefix;
    final String project;
    final String stack;
    final String clusterName;
    final String region;
    final Output<AwsScope> scope;
    final List<TeamCostView.TeamNamespace> teams;
    final boolean protectStatefulResources;
    final AwsCredentials deployerCredentials;
    final boolean secretDeployerCredentials;
    final Map<String, String> tags;

    private CostReportsArgs(Builder b) {
        this.namePrefix = Objects.requireNonNull(b.namePrefix, "namePrefix");
        this.project = Objects.requireNonNull(b.project, "project");
        this.stack = Objects.requireNonNull(b.stack, "stack");
        this.clusterName = Objects.requireNonNull(b.clusterName, "clusterName");
        this.region = Objects.requireNonNull(b.region, "region");
        this.scope = Objects.requireNonNull(b.scope, "scope");
        this.teams = List.copyOf(b.teams);
        if (teams.isEmpty()) {
            throw new IllegalArgumentException("teams: expected at least the stack's one team");
        }
        this.protectStatefulResources = b.protectStatefulResources;
        this.deployerCredentials = Objects.requireNonNull(b.deployerCredentials, "deployerCredentials");
        this.secretDeployerCredentials = b.secretDeployerCredentials;
        this.tags = Map.copyOf(b.tags);
    }

    /** A builder; the inputs are documented at its setters. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String namePrefix;
        private String project;
        private String stack;
        private String clusterName;
        private String region;
        private Output<AwsScope> scope;
        private List<TeamCostView.TeamNamespace> teams = List.of();
        private boolean protectStatefulResources;
        private AwsCredentials deployerCredentials = AwsCredentials.AMBIENT;
        private boolean secretDeployerCredentials;
        private Map<String, String> tags = Map.of();

        /**
         * {@code <project>-<stack>}: the start of the export's, bucket's, workgroup's and database's names. A change
         * renames all of them: the export, workgroup, database, table and view are replaced, and the bucket too (it is
         * protected in prod, so that change stops at it).
         */
        public Builder namePrefix(String value) { this.namePrefix = value; return this; }
        /** The {@code project} tag value the view matches this stack's lines by; a change updates the view. */
        public Builder project(String value) { this.project = value; return this; }
        /** The {@code stack} tag value the view matches this stack's lines by; a change updates the view. */
        public Builder stack(String value) { this.stack = value; return this; }
        /** The EKS cluster name split cost allocation data tags pod lines with; a change updates the view. */
        public Builder clusterName(String value) { this.clusterName = value; return this; }
        /** The stack's Region: the bucket, workgroup and catalog live there, and the export delivers there. */
        public Builder region(String value) { this.region = value; return this; }
        /** Partition and account, for ARNs and the bucket's name. */
        public Builder scope(Output<AwsScope> value) { this.scope = value; return this; }
        /**
         * Team names and their namespaces, in configuration order; at least one. A change (a team added, removed or
         * renamed) updates the view in place.
         */
        public Builder teams(List<TeamCostView.TeamNamespace> value) { this.teams = value; return this; }
        /** Protect (and retain) the report bucket and its settings ({@link io.bigdatastack.protection.Stateful#COST_BUCKET}). */
        public Builder protectStatefulResources(boolean value) { this.protectStatefulResources = value; return this; }
        /**
         * The identity the stack deploys with ({@code aws:profile}, {@code aws:assumeRole}): the us-east-1 provider of
         * the export uses the same one. A change replaces that provider's configuration (an update of the export).
         */
        public Builder deployerCredentials(AwsCredentials value) { this.deployerCredentials = value; return this; }
        /** Whether {@code aws:profile} or {@code aws:assumeRole} is a secret: the provider's copy stays one. */
        public Builder secretDeployerCredentials(boolean value) { this.secretDeployerCredentials = value; return this; }
        /** Tags of every taggable resource (the common tags); tag changes are in-place updates. */
        public Builder tags(Map<String, String> value) { this.tags = value; return this; }

        /**
         * The inputs; throws {@link NullPointerException} or {@link IllegalArgumentException} naming a required input
         * that is missing or wrong.
         */
        public CostReportsArgs build() { return new CostReportsArgs(this); }
    }
}
