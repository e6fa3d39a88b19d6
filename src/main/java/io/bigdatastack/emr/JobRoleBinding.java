package io.bigdatastack.emr;

/**
 * How Spark pods of EMR on EKS get the job execution role's credentials.
 *
 * <ul>
 *   <li>{@code irsa}: IAM roles for service accounts, through the cluster's OIDC provider. Every release label and
 *       EMR Studio's interactive endpoints work with it.</li>
 *   <li>{@code podIdentity}: EKS Pod Identity (needs the {@code eks-pod-identity-agent} add-on and emr-7.3.0 or later,
 *       StartJobRun only).</li>
 *   <li>{@code both}: either path works; useful while moving from one to the other.</li>
 * </ul>
 */
public enum JobRoleBinding {
    irsa, podIdentity, both;

    public boolean usesIrsa() {
        return this != podIdentity;
    }

    public boolean usesPodIdentity() {
        return this != irsa;
    }
}
