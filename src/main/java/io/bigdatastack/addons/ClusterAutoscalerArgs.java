package io.bigdatastack.addons;

import io.bigdatastack.iam.AwsScope;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Inputs of {@link ClusterAutoscaler}.
 *
 * <p>Each input is documented at its {@link Builder} setter: what it is, its form or unit, and what changing it
 * on a deployed stack does (update in place or replace).
 */
public final class ClusterAutoscalerArgs {

    final String clusterName;
    final String kubernetesVersion;
    final String region;
    final Output<String> oidcProviderArn;
    final Output<String> oidcIssuerUrl;
    final Output<AwsScope> scope;
    final Provider kubernetesProvider;
    final List<Resource> nodeGroups;
    final String roleName;
    final Map<String, String> tags;

    private ClusterAutoscalerArgs(Builder b) {
        this.clusterName = Objects.requireNonNull(b.clusterName, "clusterName");
        this.kubernetesVersion = Objects.requireNonNull(b.kubernetesVersion, "kubernetesVersion");
        this.region = Objects.requireNonNull(b.region, "region");
        this.oidcProviderArn = Objects.requireNonNull(b.oidcProviderArn, "oidcProviderArn");
        this.oidcIssuerUrl = Objects.requireNonNull(b.oidcIssuerUrl, "oidcIssuerUrl");
        this.scope = Objects.requireNonNull(b.scope, "scope");
        this.kubernetesProvider = Objects.requireNonNull(b.kubernetesProvider, "kubernetesProvider");
        this.nodeGroups = List.copyOf(b.nodeGroups);
        this.roleName = Objects.requireNonNull(b.roleName, "roleName");
        this.tags = Map.copyOf(b.tags);
    }

    /** A builder; the inputs are documented at its setters. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String clusterName;
        private String kubernetesVersion;
        private String region;
        private Output<String> oidcProviderArn;
        private Output<String> oidcIssuerUrl;
        private Output<AwsScope> scope;
        private Provider kubernetesProvider;
        private List<? extends Resource> nodeGroups = List.of();
        private String roleName;
        private Map<String, String> tags = Map.of();

        /**
         * The EKS cluster's name, plain text (not an {@code Output}): it is part of the IAM policy's condition keys and
         * of the Auto Scaling group discovery tags. A new name is a new cluster; the role policy and Helm values update
         * with it.
         */
        public Builder clusterName(String value) { this.clusterName = value; return this; }
        /**
         * The control plane's minor version, e.g. {@code 1.35}; picks the autoscaler image ({@link
         * ClusterAutoscalerVersions}). Changing it updates the Helm release in place (new image).
         */
        public Builder kubernetesVersion(String value) { this.kubernetesVersion = value; return this; }
        /** Region code of the Auto Scaling groups, e.g. {@code eu-west-1}. Changing it updates the Helm release. */
        public Builder region(String value) { this.region = value; return this; }
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
        /** The stack's partition, Region and account ({@link AwsScope#lookup}), for the ARNs in the role's policy. */
        public Builder scope(Output<AwsScope> value) { this.scope = value; return this; }
        /**
         * The cluster's Kubernetes provider; the Helm release is created through it. A provider pointing at another API
         * server replaces the release.
         */
        public Builder kubernetesProvider(Provider value) { this.kubernetesProvider = value; return this; }
        /** The node groups the Helm release waits for (ordering only, nothing is read from them). */
        public Builder nodeGroups(List<? extends Resource> value) { this.nodeGroups = value; return this; }
        /**
         * Physical name of the IRSA role (at most 64 characters, derived from project and stack). Changing it replaces
         * the role and updates the service account's annotation.
         */
        public Builder roleName(String value) { this.roleName = value; return this; }
        /** Tags for the IAM resources. Changing them updates in place. */
        public Builder tags(Map<String, String> value) { this.tags = value; return this; }

        /**
         * The inputs; throws {@link NullPointerException} or {@link IllegalArgumentException} naming a required input
         * that is missing or wrong.
         */
        public ClusterAutoscalerArgs build() { return new ClusterAutoscalerArgs(this); }
    }
}
