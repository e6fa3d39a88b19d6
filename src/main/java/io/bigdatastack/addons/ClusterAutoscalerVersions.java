package io.bigdatastack.addons;

import java.util.Map;
import java.util.Optional;

/**
 * The one table of Cluster Autoscaler releases by Kubernetes minor. The autoscaler's minor must equal the cluster's
 * (https://github.com/kubernetes/autoscaler/tree/master/cluster-autoscaler#releases); a Kubernetes version missing
 * here is a configuration error, never a silent fallback. Add a row when EKS adds a version.
 */
public final class ClusterAutoscalerVersions {

    /** Pinned chart of https://kubernetes.github.io/autoscaler; its appVersion lags, so the image tag is set explicitly. */
    public static final String CHART_VERSION = "9.59.0";
    public static final String IMAGE_REPOSITORY = "registry.k8s.io/autoscaling/cluster-autoscaler";

    // Latest patch releases as of July 2026 (kubernetes/autoscaler releases page).
    static final Map<String, String> IMAGE_TAGS = Map.of(
            "1.33", "v1.33.5",
            "1.34", "v1.34.5",
            "1.35", "v1.35.2",
            "1.36", "v1.36.1");

    private ClusterAutoscalerVersions() {
    }

    /** The image tag for a Kubernetes minor such as {@code 1.35}, if the table has one. */
    public static Optional<String> imageTag(String kubernetesVersion) {
        return Optional.ofNullable(IMAGE_TAGS.get(kubernetesVersion));
    }

    /** For config validation: the expected form when the version has no autoscaler release here. */
    public static Optional<String> check(String kubernetesVersion) {
        return imageTag(kubernetesVersion).isPresent() ? Optional.empty()
                : Optional.of("a Kubernetes version with a known Cluster Autoscaler release (add one to ClusterAutoscalerVersions): "
                + String.join(", ", new java.util.TreeSet<>(IMAGE_TAGS.keySet())));
    }
}
