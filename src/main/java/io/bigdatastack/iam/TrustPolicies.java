package io.bigdatastack.iam;

import io.bigdatastack.iam.PolicyDocument.Statement;

/** Trust (assume-role) policies in the exact forms AWS documents for each kind of principal. */
public final class TrustPolicies {

    /** The audience EKS-issued tokens carry for IRSA (https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html). */
    public static final String STS_AUDIENCE = "sts.amazonaws.com";

    private TrustPolicies() {
    }

    /** An AWS service assumes the role, e.g. {@code eks.amazonaws.com}. */
    public static PolicyDocument service(String servicePrincipal) {
        return PolicyDocument.of(Statement.allow("")
                .principal("Service", servicePrincipal)
                .actions("sts:AssumeRole"));
    }

    /**
     * An AWS service assumes the role only on behalf of resources of one account: {@code aws:SourceAccount} and
     * {@code aws:SourceArn} guard against the confused-deputy problem
     * (https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html). EMR Studio's service and user roles
     * take this form (https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-studio-service-role.html).
     *
     * @param sourceArnPattern an {@code ArnLike} pattern, e.g. {@code arn:aws:elasticmapreduce:us-east-1:123456789012:*}
     * @param actions          {@code sts:AssumeRole}, plus e.g. {@code sts:SetContext} where the service needs it
     */
    public static PolicyDocument serviceOnBehalfOfAccount(String servicePrincipal, String sourceAccount, String sourceArnPattern,
                                                          String... actions) {
        return PolicyDocument.of(Statement.allow("")
                .principal("Service", servicePrincipal)
                .actions(actions.length == 0 ? new String[]{"sts:AssumeRole"} : actions)
                .condition("StringEquals", "aws:SourceAccount", sourceAccount)
                .condition("ArnLike", "aws:SourceArn", sourceArnPattern));
    }

    /**
     * IRSA: pods whose service account matches {@code subject} assume the role with a token from the cluster's
     * OIDC provider. {@code StringEquals} for an exact service account; see {@link #webIdentityLike} for patterns.
     *
     * @param oidcProviderArn {@code arn:aws:iam::<acct>:oidc-provider/<issuer without https://>}
     * @param issuerHostPath  the issuer URL without {@code https://}
     */
    public static PolicyDocument webIdentity(String oidcProviderArn, String issuerHostPath, String subject) {
        return PolicyDocument.of(webIdentityStatement("StringEquals", oidcProviderArn, issuerHostPath, subject));
    }

    /** As {@link #webIdentity}, but the subject is a {@code StringLike} pattern (the EMR on EKS job form). */
    public static PolicyDocument webIdentityLike(String oidcProviderArn, String issuerHostPath, String subjectPattern) {
        return PolicyDocument.of(webIdentityStatement("StringLike", oidcProviderArn, issuerHostPath, subjectPattern));
    }

    private static Statement webIdentityStatement(String subjectOperator, String oidcProviderArn, String issuerHostPath, String subject) {
        return Statement.allow("")
                .principal("Federated", oidcProviderArn)
                .actions("sts:AssumeRoleWithWebIdentity")
                .condition(subjectOperator, issuerHostPath + ":sub", subject)
                .condition("StringEquals", issuerHostPath + ":aud", STS_AUDIENCE);
    }

    /**
     * EKS Pod Identity: the agent assumes the role and tags the session. Without conditions any Pod Identity
     * association in the account could use the role, so the trust matches the session tags EKS sets
     * (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-role.html, "Setting Conditions";
     * tag list: https://docs.aws.amazon.com/eks/latest/userguide/pod-id-abac.html): this cluster, this namespace,
     * these service accounts.
     */
    public static PolicyDocument podIdentity(String clusterArn, String namespace, java.util.List<String> serviceAccounts) {
        return PolicyDocument.of(Statement.allow("AllowEksAuthToAssumeRoleForPodIdentity")
                .principal("Service", "pods.eks.amazonaws.com")
                .actions("sts:AssumeRole", "sts:TagSession")
                .condition("StringEquals", "aws:RequestTag/eks-cluster-arn", clusterArn)
                .condition("StringEquals", "aws:RequestTag/kubernetes-namespace", namespace)
                .condition("StringEquals", "aws:RequestTag/kubernetes-service-account", serviceAccounts));
    }

    /** The issuer URL without its scheme, as IAM condition keys and OIDC provider ARNs use it. */
    public static String issuerHostPath(String issuerUrl) {
        return issuerUrl.replaceFirst("^https://", "");
    }
}
