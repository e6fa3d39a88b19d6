package io.bigdatastack.addons;

import com.pulumi.core.Output;

import java.util.Objects;

/**
 * Inputs of {@link LoadBalancerController}: those of every add-on with an AWS role ({@link AddonRoleArgs}) and its
 * own. Its {@code tags} are also the default tags of every load balancer the controller creates (changing them
 * updates in place: the controller retags its load balancers).
 *
 * <p>Each input is documented at its {@link Builder} setter: what it is, its form or unit, and what changing it
 * on a deployed stack does (update in place or replace).
 */
public final class LoadBalancerControllerArgs extends AddonRoleArgs {

    final Output<String> vpcId;

    private LoadBalancerControllerArgs(Builder b) {
        super(b);
        this.vpcId = Objects.requireNonNull(b.vpcId, "vpcId");
    }

    /** A builder; the inputs are documented at its setters. */
    public static Builder builder() {
        return new Builder();
    }

    /** The controller's own setters beside the shared ones of {@link AddonRoleArgs.Builder}. */
    public static final class Builder extends AddonRoleArgs.Builder<Builder> {
        private Output<String> vpcId;

        /** This builder. */
        @Override
        protected Builder self() { return this; }

        /**
         * The cluster's VPC ID ({@code vpc-...}), given explicitly: IMDSv2 with a hop limit of 1 hides instance
         * metadata from pods. A new VPC updates the Helm release.
         */
        public Builder vpcId(Output<String> value) { this.vpcId = value; return this; }

        /**
         * The inputs; throws {@link NullPointerException} or {@link IllegalArgumentException} naming a required input
         * that is missing or wrong.
         */
        public LoadBalancerControllerArgs build() { return new LoadBalancerControllerArgs(this); }
    }
}
