// Kubernetes minors EKS offers, with their support windows: the same table as the program's
// src/main/java/io/bigdatastack/cluster/KubernetesVersions.java (KubernetesVersionsPolicyDataTest keeps the two equal).
// Source: Amazon EKS Kubernetes release calendar, checked 2026-11-29,
// https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html. A minor gets 14 months of standard
// support ($0.10 per cluster-hour), then 12 months of extended support ($0.60 per cluster-hour).
// Update this table, not the rule, when EKS releases or retires a version.
export interface EksVersion {
    readonly minor: string;
    /** Last day of standard support (ISO date). */
    readonly endOfStandardSupport: string;
    /** Last day of extended support (ISO date): after it EKS upgrades the cluster itself. */
    readonly endOfExtendedSupport: string;
}

export const EKS_VERSIONS: readonly EksVersion[] = [
    { minor: "1.33", endOfStandardSupport: "2026-07-29", endOfExtendedSupport: "2027-07-29" },
    { minor: "1.34", endOfStandardSupport: "2026-12-02", endOfExtendedSupport: "2027-12-02" },
    { minor: "1.35", endOfStandardSupport: "2027-03-27", endOfExtendedSupport: "2028-03-27" },
    { minor: "1.36", endOfStandardSupport: "2027-08-01", endOfExtendedSupport: "2028-08-01" },
];
