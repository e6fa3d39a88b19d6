package io.bigdatastack.addons;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Inputs of {@link LoadBalancerController}.
 *
 * <p>Each input is documented at its {@link Builder} setter: what it is, its form or unit, and what changing it
 * on a deployed stack does (update in place or replace).
 */
public final class LoadBalancerControllerArgs {

    final String clusterName;
    final String region;
    final Output<String> vpcId;
    final Output<String> oidcProviderArn;
    final Output<String> oidcIssuerUrl;
    final Provider kubernetesProvider;
    final List<Resource> workloadReady;
    final String roleName;
    final Map<String, String> tags;

    private LoadBalancerControllerArgs(Builder b) {
        this.clusterName = Objects.requireNonNull(b.clusterName, "clusterName");
        this.region = Objects.requireNonNull(b.region, "region");
        this.vpcId = Objects.requireNonNull(b.vpcId, "vpcId");
        this.oidcProviderArn = Objects.requireNonNull(b.oidcProviderArn, "oidcProviderArn");
        this.oidcIssuerUrl = Objects.requireNonNull(b.oidcIssuerUrl, "oidcIssuerUrl");
        this.kubernetesProvider = Objects.requireNonNull(b.kubernetesProvider, "kubernetesProvider");
        this.workloadReady = List.copyOf(b.workloadReady);
        this.roleName = Objects.requireNonNull(b.roleName, "roleName");
        this.tags = Map.copyOf(b.tags);
    }

    /** A builder; the inputs are documented at its setters. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String clusterName;
        private String region;
        private Output<String> vpcId;
        private Output<String> oidcProviderArn;
        private Output<String> oidcIssuerUrl;
        private Provider kubernetesProvider;
        private List<? extends Resource> workloadReady = List.of();
        private String roleName;
        private Map<String, String> tags = Map.of();

        /**
         * The EKS cluster's name; the controller tags the load balancers it creates with it. Changing it updates the
         * Helm release.
         */
        public Builder clusterName(String value) { this.clusterName = value; return this; }
        /**
         * Region code, e.g. {@code eu-west-1}, given to the controller explicitly: IMDSv2 with a hop limit of 1 hides
         * instance metadata from pods. Changing it updates the Helm release.
         */
        public Builder region(String value) { this.region = value; return this; }
        /**
         * The cluster's VPC ID ({@code vpc-...}), given explicitly for the same reason as {@code region}. A new VPC
         * updates the Helm release.
         */
        public Builder vpcId(Output<String> value) { this.vpcId = value; return this; }
        /**
         * ARN of the cluster's IAM OIDC identity provider, the IRSA trust's principal. A new provider updates the
         * role's trust in place.
         */
        public Builder oidcProviderArn(Output<String> value) { this.oidcProviderArn = value; return this; }
        /**
         * The cluster's OIDC issuer URL ({@code https://oidc.eks...}), whose host is the prefix of the trust's
         * condition keys. A new issuer updates the role's trust in place.
         */
        public Builder oidcIssuerUrl(Output<String> value) { this.oidcIssuerUrl = value; return this; }
        /**
         * The cluster's Kubernetes provider; the Helm release is created through it. A provider pointing at another API
         * server replaces the release.
         */
        public Builder kubernetesProvider(Provider value) { this.kubernetesProvider = value; return this; }
        /** The node groups and coredns the Helm release waits for (ordering only). */
        public Builder workloadReady(List<? extends Resource> value) { this.workloadReady = value; return this; }
        /**
         * Physical name of the IRSA role and of its policy (at most 64 characters, derived from project and stack).
         * Changing it replaces both and updates the service account's annotation.
         */
        public Builder roleName(String value) { this.roleName = value; return this; }
        /**
         * Tags for the IAM resources, and the default tags of every load balancer the controller creates. Changing them
         * updates in place (the controller retags its load balancers).
         */
        public Builder tags(Map<String, String> value) { this.tags = value; return this; }

        /**
         * The inputs; throws {@link NullPointerException} or {@link IllegalArgumentException} naming a required input
         * that is missing or wrong.
         */
        public LoadBalancerControllerArgs build() { return new LoadBalancerControllerArgs(this); }
    }
}
