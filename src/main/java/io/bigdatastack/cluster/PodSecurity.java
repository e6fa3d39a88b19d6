package io.bigdatastack.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pod Security Admission labels for the namespaces we create
 * (https://kubernetes.io/docs/concepts/security/pod-security-admission/, enabled on every EKS version we deploy:
 * https://docs.aws.amazon.com/eks/latest/userguide/pod-security-policy-removal-faq.html).
 *
 * <p>{@code baseline} is enforced: no privileged containers, host namespaces (network, PID, IPC), hostPath volumes,
 * host ports or added capabilities, so whoever may submit a job cannot take over a node through it.
 * {@code restricted} is only warned about (and audited): EMR on EKS's job pods do not set what it asks for (a
 * seccomp profile, dropping every capability), and AWS documents no Pod Security level for them. What EMR documents
 * for its job pods and pod templates (https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/pod-templates.html)
 * uses emptyDir volumes, node selectors and sidecars only, all allowed by baseline. A pod template that mounts a
 * hostPath (for example a node's local NVMe disk) is refused by baseline: use emptyDir on the node's instance store.
 */
public final class PodSecurity {

    public static final String ENFORCE = "pod-security.kubernetes.io/enforce";
    public static final String WARN = "pod-security.kubernetes.io/warn";
    public static final String AUDIT = "pod-security.kubernetes.io/audit";
    public static final String BASELINE = "baseline";
    public static final String RESTRICTED = "restricted";

    private PodSecurity() {
    }

    /** The labels of a workload namespace: baseline enforced, restricted warned and audited. */
    public static Map<String, String> baselineEnforcedRestrictedWarned() {
        var labels = new LinkedHashMap<String, String>();
        labels.put(ENFORCE, BASELINE);
        labels.put(WARN, RESTRICTED);
        labels.put(AUDIT, RESTRICTED);
        return labels;
    }
}
