package io.bigdatastack.addons;

import io.bigdatastack.cluster.KubernetesVersions;

import java.util.Optional;

/**
 * Cluster Autoscaler releases by Kubernetes minor, read from the one version table ({@link KubernetesVersions}). The autoscaler's minor must equal the cluster's
 * (https://github.com/kubernetes/autoscaler/tree/master/cluster-autoscaler#releases); a Kubernetes version missing
 * there is a configuration error, never a silent fallback.
 */
public final class ClusterAutoscalerVersions {

    /** Pinned chart of https://kubernetes.github.io/autoscaler; its appVersion lags, so the image tag is set explicitly. */
    public static final String CHART_VERSION = "9.59.0";
    public static final String IMAGE_REPOSITORY = "registry.k8s.io/autoscaling/cluster-autoscaler";

    private ClusterAutoscalerVersions() {
    }

    /** The image tag for a Kubernetes minor such as {@code 1.35}, if the table has one. */
    public static Optional<String> imageTag(String kubernetesVersion) {
        return KubernetesVersions.find(kubernetesVersion).map(KubernetesVersions.Version::autoscalerImageTag);
    }

    /** For config validation: the expected form when the version has no autoscaler release here. */
    public static Optional<String> check(String kubernetesVersion) {
        return imageTag(kubernetesVersion).isPresent() ? Optional.empty()
                : Optional.of("a Kubernetes version with a known Cluster Autoscaler release (add a row to KubernetesVersions): "
                + String.join(", ", KubernetesVersions.minors()));
    }
}
