package io.bigdatastack.addons;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The inputs every add-on with an AWS role shares (a Helm release in the cluster whose service account gets an IAM
 * role): the cluster it runs in, how its pods get the role's credentials, the role's name and tags, and what the
 * release waits for. {@link ClusterAutoscalerArgs}, {@link LoadBalancerControllerArgs} and {@link KarpenterArgs}
 * extend it with their own inputs; {@link AddonRole} turns it into the role.
 *
 * <p>Each input is documented at its {@link Builder} setter: what it is, its form or unit, and what changing it on a
 * deployed stack does (update in place or replace).
 */
public abstract class AddonRoleArgs {

    final String clusterName;
    final String region;
    final Output<String> oidcProviderArn;
    final Output<String> oidcIssuerUrl;
    final Optional<Output<String>> clusterArn;
    final AddonRoleBinding roleBinding;
    final Provider kubernetesProvider;
    final List<Resource> workloadReady;
    final String roleName;
    final Map<String, String> tags;

    protected AddonRoleArgs(Builder<?> b) {
        this.clusterName = Objects.requireNonNull(b.clusterName, "clusterName");
        this.region = Objects.requireNonNull(b.region, "region");
        this.roleBinding = Objects.requireNonNull(b.roleBinding, "roleBinding");
        if (roleBinding == AddonRoleBinding.irsa) {
            this.oidcProviderArn = Objects.requireNonNull(b.oidcProviderArn, "oidcProviderArn");
            this.oidcIssuerUrl = Objects.requireNonNull(b.oidcIssuerUrl, "oidcIssuerUrl");
        } else {
            this.oidcProviderArn = b.oidcProviderArn;
            this.oidcIssuerUrl = b.oidcIssuerUrl;
        }
        this.clusterArn = Optional.ofNullable(b.clusterArn);
        if (roleBinding == AddonRoleBinding.podIdentity && clusterArn.isEmpty()) {
            throw new IllegalArgumentException("clusterArn: required with roleBinding podIdentity (the trust names the cluster)");
        }
        this.kubernetesProvider = Objects.requireNonNull(b.kubernetesProvider, "kubernetesProvider");
        this.workloadReady = List.copyOf(b.workloadReady);
        this.roleName = Objects.requireNonNull(b.roleName, "roleName");
        this.tags = Map.copyOf(b.tags);
    }

    /**
     * The shared setters; {@code B} is the concrete builder, so a setter of this class returns it.
     *
     * @param <B> the concrete builder
     */
    public abstract static class Builder<B extends Builder<B>> {
        private String clusterName;
        private String region;
        private Output<String> oidcProviderArn;
        private Output<String> oidcIssuerUrl;
        private Output<String> clusterArn;
        private AddonRoleBinding roleBinding = AddonRoleBinding.irsa;
        private Provider kubernetesProvider;
        private List<? extends Resource> workloadReady = List.of();
        private String roleName;
        private Map<String, String> tags = Map.of();

        /** This builder, typed as the concrete builder. */
        protected abstract B self();

        /**
         * The EKS cluster's name, plain text (not an {@code Output}): it goes into the role's description, IAM
         * conditions and the chart's values. A new name is a new cluster; the role and the Helm values update with it.
         */
        public B clusterName(String value) { this.clusterName = value; return self(); }
        /** Region code, e.g. {@code eu-west-1}, given to the add-on explicitly. Changing it updates the Helm release. */
        public B region(String value) { this.region = value; return self(); }
        /**
         * ARN of the cluster's IAM OIDC identity provider, the IRSA trust's principal (required with {@code irsa}). A
         * new provider updates the role's trust in place.
         */
        public B oidcProviderArn(Output<String> value) { this.oidcProviderArn = value; return self(); }
        /**
         * The cluster's OIDC issuer URL ({@code https://oidc.eks...}), whose host is the prefix of the IRSA trust's
         * condition keys (required with {@code irsa}). A new issuer updates the role's trust in place.
         */
        public B oidcIssuerUrl(Output<String> value) { this.oidcIssuerUrl = value; return self(); }
        /**
         * The cluster's ARN, which a Pod Identity trust requires as the {@code eks-cluster-arn} session tag (required
         * with {@code podIdentity}). A new cluster updates the trust in place.
         */
        public B clusterArn(Output<String> value) { this.clusterArn = value; return self(); }
        /**
         * How the add-on's pods get the role: IRSA (the default) or EKS Pod Identity ({@link AddonRoleBinding}).
         * Switching rewrites the role's trust in place, adds or removes the Pod Identity association and the service
         * account's role annotation; the add-on's pods restart with the new credentials.
         */
        public B roleBinding(AddonRoleBinding value) { this.roleBinding = value; return self(); }
        /**
         * The cluster's Kubernetes provider; the Helm release is created through it. A provider pointing at another API
         * server replaces the release.
         */
        public B kubernetesProvider(Provider value) { this.kubernetesProvider = value; return self(); }
        /** What the Helm release waits for: the node groups and coredns (ordering only, nothing is read from them). */
        public B workloadReady(List<? extends Resource> value) { this.workloadReady = value; return self(); }
        /**
         * Physical name of the role and of its customer managed policies (at most 64 characters, derived from project
         * and stack). Changing it replaces them and updates the service account's annotation or association.
         */
        public B roleName(String value) { this.roleName = value; return self(); }
        /** Tags for the IAM resources (and whatever else the add-on tags with them). Changing them updates in place. */
        public B tags(Map<String, String> value) { this.tags = value; return self(); }
    }
}
