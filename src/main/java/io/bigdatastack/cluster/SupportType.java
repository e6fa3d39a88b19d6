package io.bigdatastack.cluster;

/**
 * The cluster's {@code upgradePolicy.supportType}
 * (https://docs.aws.amazon.com/eks/latest/APIReference/API_UpgradePolicyRequest.html).
 * {@code STANDARD}: EKS upgrades the cluster when standard support ends, and refuses a version past it.
 * {@code EXTENDED}: the cluster may stay on (or be created with) a version in extended support, billed at the
 * extended per-cluster-hour rate.
 */
public enum SupportType {
    STANDARD,
    EXTENDED
}
