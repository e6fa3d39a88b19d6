package io.bigdatastack.addons;

import io.bigdatastack.cluster.KubernetesVersions;

import java.util.Optional;

/**
 * The one pinned Karpenter: chart (an OCI artifact whose version equals the app version) and where that exact
 * version's AWS requirements were learned from. What the controller needs of AWS (its IAM permissions, the node role's
 * managed policies, the interruption rules) is written as this program's own data in {@link KarpenterAws}, checked
 * against the version's permissions reference and getting-started template; nothing of upstream is shipped.
 *
 * <p>Why 1.14.1: the newest release whose permissions and compatibility matrix could be read here; its matrix
 * (https://karpenter.sh/v1.14/upgrading/compatibility/) requires Karpenter 1.5 for Kubernetes 1.33, 1.6 for 1.34, 1.9
 * for 1.35 and 1.13 for 1.36, which {@link KubernetesVersions#karpenterMinimum} records beside the other version
 * data. A Kubernetes version whose minimum is above {@link #VERSION} is refused with {@code nodeProvisioner:
 * karpenter} ({@link #check}).
 */
public final class KarpenterVersions {

    /** Chart version = app version (https://karpenter.sh/v1.14/getting-started/getting-started-with-karpenter/). */
    public static final String VERSION = "1.14.1";
    /** The chart as an OCI reference; Helm needs no repository for it. */
    public static final String CHART = "oci://public.ecr.aws/karpenter/karpenter";

    /**
     * The getting-started CloudFormation template of {@link #VERSION} at a fixed commit of aws/karpenter-provider-aws,
     * which {@link KarpenterAws} was checked against statement by statement (not shipped). Cited in each controller
     * policy's description, which AWS cannot change in place: changing this address replaces those policies.
     */
    public static final String TEMPLATE_SOURCE = "https://raw.githubusercontent.com/aws/karpenter-provider-aws/"
            + "692ccdd0629e488300821443f0fa0bc3c3e08047/website/content/en/v1.14/getting-started/getting-started-with-karpenter/cloudformation.yaml";

    private KarpenterVersions() {
    }

    /**
     * For config validation with {@code nodeProvisioner: karpenter}: the expected form when the pinned Karpenter does
     * not support {@code kubernetesVersion} (no row in the table, or a minimum above {@link #VERSION}).
     */
    public static Optional<String> check(String kubernetesVersion) {
        var minimum = KubernetesVersions.karpenterMinimum(kubernetesVersion);
        if (minimum.isPresent() && io.bigdatastack.support.Versions.compare(VERSION, minimum.get()) >= 0) {
            return Optional.empty();
        }
        var supported = KubernetesVersions.minors().stream()
                .filter(minor -> KubernetesVersions.karpenterMinimum(minor).map(min -> io.bigdatastack.support.Versions.compare(VERSION, min) >= 0).orElse(false))
                .toList();
        return Optional.of("a Kubernetes version the pinned Karpenter " + VERSION + " supports (its compatibility matrix, "
                + "KubernetesVersions.karpenterMinimum): " + String.join(", ", supported)
                + minimum.map(min -> "; Kubernetes " + kubernetesVersion + " needs Karpenter " + min + " or later").orElse(""));
    }
}
