package io.bigdatastack.addons;

import io.bigdatastack.iam.AwsScope;
import com.pulumi.core.Output;

import java.util.Objects;

/**
 * Inputs of {@link ClusterAutoscaler}: those of every add-on with an AWS role ({@link AddonRoleArgs}) and its own.
 *
 * <p>Each input is documented at its {@link Builder} setter: what it is, its form or unit, and what changing it
 * on a deployed stack does (update in place or replace).
 */
public final class ClusterAutoscalerArgs extends AddonRoleArgs {

    final String kubernetesVersion;
    final Output<AwsScope> scope;

    private ClusterAutoscalerArgs(Builder b) {
        super(b);
        this.kubernetesVersion = Objects.requireNonNull(b.kubernetesVersion, "kubernetesVersion");
        this.scope = Objects.requireNonNull(b.scope, "scope");
    }

    /** A builder; the inputs are documented at its setters. */
    public static Builder builder() {
        return new Builder();
    }

    /** The autoscaler's own setters beside the shared ones of {@link AddonRoleArgs.Builder}. */
    public static final class Builder extends AddonRoleArgs.Builder<Builder> {
        private String kubernetesVersion;
        private Output<AwsScope> scope;

        /** This builder. */
        @Override
        protected Builder self() { return this; }

        /**
         * The control plane's minor version, e.g. {@code 1.35}; picks the autoscaler image ({@link
         * ClusterAutoscalerVersions}). Changing it updates the Helm release in place (new image).
         */
        public Builder kubernetesVersion(String value) { this.kubernetesVersion = value; return this; }
        /** The stack's partition, Region and account ({@link AwsScope#lookup}), for the ARNs in the role's policy. */
        public Builder scope(Output<AwsScope> value) { this.scope = value; return this; }

        /**
         * The inputs; throws {@link NullPointerException} or {@link IllegalArgumentException} naming a required input
         * that is missing or wrong.
         */
        public ClusterAutoscalerArgs build() { return new ClusterAutoscalerArgs(this); }
    }
}
