// Kubernetes versions EKS offers in standard support for the life of this stack (late 2026): 1.33-1.36.
// Anything older is in extended support ($0.60/h per cluster instead of $0.10/h) or gone.
// https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html
// Update this list, not the rule, when EKS releases or retires a version.
export const SUPPORTED_EKS_VERSIONS: readonly string[] = ["1.33", "1.34", "1.35", "1.36"];
