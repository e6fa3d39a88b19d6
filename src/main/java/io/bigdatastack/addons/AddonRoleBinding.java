package io.bigdatastack.addons;

import io.bigdatastack.emr.JobRoleBinding;

/**
 * How an add-on's service account gets its IAM role.
 *
 * <ul>
 *   <li>{@code irsa}: IAM roles for service accounts; the trust names the exact service account ({@code sub}) and
 *       audience, and the service account carries the role's ARN as an annotation
 *       (https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts.html).</li>
 *   <li>{@code podIdentity}: EKS Pod Identity; the trust admits {@code pods.eks.amazonaws.com} for this cluster,
 *       namespace and service account (session tags), and an association binds the service account
 *       (https://docs.aws.amazon.com/eks/latest/userguide/pod-identities.html).</li>
 * </ul>
 */
public enum AddonRoleBinding {
    irsa, podIdentity;

    /**
     * The mechanism that follows the stack's {@code jobRoleBinding}: a stack that moved its Spark jobs to Pod
     * Identity ({@code podIdentity} or {@code both}) gets it for the add-on too, one mechanism per add-on.
     */
    public static AddonRoleBinding following(JobRoleBinding jobRoleBinding) {
        return jobRoleBinding.usesPodIdentity() ? podIdentity : irsa;
    }
}
