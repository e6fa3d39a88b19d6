package io.bigdatastack.cluster;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The one table of Kubernetes minors this program deploys on EKS: their support windows and the Cluster Autoscaler
 * release matching each minor.
 *
 * <p>Support dates: Amazon EKS Kubernetes release calendar, checked 2026-11-29
 * (https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html). A minor gets 14 months of standard
 * support, then 12 months of extended support billed at the extended per-cluster-hour rate; a cluster whose
 * {@code upgradePolicy.supportType} is {@code STANDARD} cannot run a version past standard support (EKS refuses it,
 * https://docs.aws.amazon.com/eks/latest/APIReference/API_UpgradePolicyRequest.html).
 *
 * <p>Autoscaler tags: latest patch release of each minor on the kubernetes/autoscaler releases page, checked
 * 2026-11-29; the autoscaler's minor must equal the cluster's
 * (https://github.com/kubernetes/autoscaler/tree/master/cluster-autoscaler#releases).
 *
 * <p>Add a row when EKS adds a version; drop a row once its extended support has ended.
 */
public final class KubernetesVersions {

    /**
     * One Kubernetes minor on EKS.
     *
     * @param endOfStandardSupport last day the version is in standard support
     * @param endOfExtendedSupport last day the version is supported at all (EKS then upgrades the cluster itself)
     * @param datesEstimated true while AWS has not published the dates (14 + 12 months from release are assumed)
     * @param autoscalerImageTag the Cluster Autoscaler release of this minor
     * @param karpenterMinimum the oldest Karpenter release that supports this minor, from Karpenter's compatibility
     *                         matrix (https://karpenter.sh/v1.14/upgrading/compatibility/, read at
     *                         aws/karpenter-provider-aws commit 1d927085dd81, 2026-08-21); {@code nodeProvisioner:
     *                         karpenter} refuses a minor the pinned Karpenter is older than ({@code addons.KarpenterVersions#check})
     */
    public record Version(String minor, LocalDate endOfStandardSupport, LocalDate endOfExtendedSupport,
                          boolean datesEstimated, String autoscalerImageTag, String karpenterMinimum) {

        public boolean inStandardSupport(LocalDate today) {
            return !today.isAfter(endOfStandardSupport);
        }

        public boolean supported(LocalDate today) {
            return !today.isAfter(endOfExtendedSupport);
        }
    }

    public static final List<Version> ALL = List.of(
            new Version("1.33", LocalDate.of(2026, 7, 29), LocalDate.of(2027, 7, 29), false, "v1.33.6", "1.5"),
            new Version("1.34", LocalDate.of(2026, 12, 2), LocalDate.of(2027, 12, 2), false, "v1.34.5", "1.6"),
            new Version("1.35", LocalDate.of(2027, 3, 27), LocalDate.of(2028, 3, 27), false, "v1.35.2", "1.9"),
            // Not yet on the EKS calendar when checked: 14 and 26 months from its EKS release (about June 2026).
            new Version("1.36", LocalDate.of(2027, 8, 1), LocalDate.of(2028, 8, 1), true, "v1.36.1", "1.13"));

    private KubernetesVersions() {
    }

    public static Optional<Version> find(String minor) {
        return ALL.stream().filter(v -> v.minor().equals(minor)).findFirst();
    }

    /** How far ahead a coming end of standard support is announced. */
    public static final int WARNING_DAYS = 30;

    /**
     * A warning when a STANDARD cluster's version leaves standard support within {@link #WARNING_DAYS} days: EKS then
     * upgrades the cluster itself, and the next `pulumi up` is refused until the stack moves on or opts into EXTENDED.
     */
    public static Optional<String> upcomingEndOfStandardSupport(String minor, SupportType supportType, java.time.LocalDate today) {
        return find(minor)
                .filter(v -> supportType == SupportType.STANDARD && v.inStandardSupport(today)
                        && !today.plusDays(WARNING_DAYS).isBefore(v.endOfStandardSupport()))
                .map(v -> "Kubernetes " + minor + " leaves EKS standard support on " + v.endOfStandardSupport()
                        + ": after that EKS upgrades the cluster itself, and this stack is refused until kubernetesVersion is raised"
                        + " or kubernetesSupportType is set to EXTENDED");
    }

    /** The oldest Karpenter release supporting {@code minor}, if the matrix covers it. */
    public static Optional<String> karpenterMinimum(String minor) {
        return find(minor).map(Version::karpenterMinimum);
    }

    /** The minors of the table, oldest first. */
    public static List<String> minors() {
        return ALL.stream().map(Version::minor).toList();
    }
}
