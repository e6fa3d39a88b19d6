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
 * <ul>
 *   <li>{@code clusterName}: the EKS cluster name, plain text: it is part of IAM condition keys and discovery tags.</li>
 *   <li>{@code kubernetesVersion}: picks the autoscaler image ({@link ClusterAutoscalerVersions}).</li>
 *   <li>{@code region}: where the Auto Scaling groups are.</li>
 *   <li>{@code oidcProviderArn}, {@code oidcIssuerUrl}: the cluster's IRSA identity provider.</li>
 *   <li>{@code kubernetesProvider}: the cluster's provider; {@code nodeGroups}: the release waits for them.</li>
 *   <li>{@code roleName}: the IAM role's physical name; {@code tags}: for the IAM resources.</li>
 * </ul>
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

        public Builder clusterName(String value) { this.clusterName = value; return this; }
        public Builder kubernetesVersion(String value) { this.kubernetesVersion = value; return this; }
        public Builder region(String value) { this.region = value; return this; }
        public Builder oidcProviderArn(Output<String> value) { this.oidcProviderArn = value; return this; }
        public Builder oidcIssuerUrl(Output<String> value) { this.oidcIssuerUrl = value; return this; }
        public Builder scope(Output<AwsScope> value) { this.scope = value; return this; }
        public Builder kubernetesProvider(Provider value) { this.kubernetesProvider = value; return this; }
        public Builder nodeGroups(List<? extends Resource> value) { this.nodeGroups = value; return this; }
        public Builder roleName(String value) { this.roleName = value; return this; }
        public Builder tags(Map<String, String> value) { this.tags = value; return this; }

        public ClusterAutoscalerArgs build() { return new ClusterAutoscalerArgs(this); }
    }
}
