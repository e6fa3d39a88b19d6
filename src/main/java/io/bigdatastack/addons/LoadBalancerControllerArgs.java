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
 * <ul>
 *   <li>{@code clusterName}: the EKS cluster name; the controller tags what it creates with it.</li>
 *   <li>{@code region}, {@code vpcId}: given explicitly, so the controller never reads them from instance metadata
 *       (IMDSv2 with a hop limit of 1 hides it from pods).</li>
 *   <li>{@code oidcProviderArn}, {@code oidcIssuerUrl}: the cluster's IRSA identity provider.</li>
 *   <li>{@code kubernetesProvider}: the cluster's provider; {@code workloadReady}: the node groups and coredns the
 *       release waits for.</li>
 *   <li>{@code roleName}: the IAM role's (and policy's) physical name; {@code tags}: for the IAM resources, and the
 *       default tags of every load balancer the controller creates.</li>
 * </ul>
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

        public Builder clusterName(String value) { this.clusterName = value; return this; }
        public Builder region(String value) { this.region = value; return this; }
        public Builder vpcId(Output<String> value) { this.vpcId = value; return this; }
        public Builder oidcProviderArn(Output<String> value) { this.oidcProviderArn = value; return this; }
        public Builder oidcIssuerUrl(Output<String> value) { this.oidcIssuerUrl = value; return this; }
        public Builder kubernetesProvider(Provider value) { this.kubernetesProvider = value; return this; }
        public Builder workloadReady(List<? extends Resource> value) { this.workloadReady = value; return this; }
        public Builder roleName(String value) { this.roleName = value; return this; }
        public Builder tags(Map<String, String> value) { this.tags = value; return this; }

        public LoadBalancerControllerArgs build() { return new LoadBalancerControllerArgs(this); }
    }
}
