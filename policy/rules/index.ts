// Every rule of the pack, in the order they are reported. The CrossGuard pack (index.ts) and the offline checker
// (check.ts) both take this list, so a rule added here is enforced in both places.
import type { Rule } from "../lib/types";
import { awsCommonTags } from "./aws-common-tags";
import { costNodeInstanceTypes } from "./cost-node-instance-types";
import { costSingleNatGateway } from "./cost-single-nat-gateway";
import { ec2NoPublicIngress } from "./ec2-no-public-ingress";
import { eksAuthenticationModeApi } from "./eks-authentication-mode-api";
import { eksControlPlaneLogging } from "./eks-control-plane-logging";
import { eksNodeGroupNoRemoteAccess } from "./eks-node-group-no-remote-access";
import { eksPublicEndpointRestricted, eksPublicEndpointRestrictedDev } from "./eks-public-endpoint-restricted";
import { eksSecretsEncryption } from "./eks-secrets-encryption";
import { eksSupportedVersion } from "./eks-supported-version";
import { emrEndpointKubernetesVersion } from "./emr-endpoint-kubernetes-version";
import { helmReleasePinned } from "./helm-release-pinned";
import { iamActionsExist } from "./iam-actions-exist";
import { iamNoFullAccessManagedPolicies } from "./iam-no-full-access-managed-policies";
import { iamNoWildcardActions } from "./iam-no-wildcard-actions";
import { iamPolicyDocumentParsable } from "./iam-policy-document-parsable";
import { iamWebIdentityTrustScoped } from "./iam-web-identity-trust-scoped";
import { k8sNoLoadBalancerServices } from "./k8s-no-load-balancer-services";
import { s3EncryptionConfigured } from "./s3-encryption-configured";
import { s3PublicAccessBlocked } from "./s3-public-access-blocked";
import { s3TlsOnlyBucketPolicy } from "./s3-tls-only-bucket-policy";
import { studioWorkspaceSgNoIngress } from "./studio-workspace-sg-no-ingress";

export const ALL_RULES: readonly Rule[] = [
    // IAM
    iamPolicyDocumentParsable,
    iamNoWildcardActions,
    iamNoFullAccessManagedPolicies,
    iamActionsExist,
    iamWebIdentityTrustScoped,
    // S3
    s3PublicAccessBlocked,
    s3EncryptionConfigured,
    s3TlsOnlyBucketPolicy,
    // EKS
    eksAuthenticationModeApi,
    eksSecretsEncryption,
    eksControlPlaneLogging,
    eksPublicEndpointRestricted,
    eksPublicEndpointRestrictedDev,
    eksSupportedVersion,
    eksNodeGroupNoRemoteAccess,
    // network
    ec2NoPublicIngress,
    studioWorkspaceSgNoIngress,
    // Kubernetes
    k8sNoLoadBalancerServices,
    helmReleasePinned,
    // tags
    awsCommonTags,
    // cost (advisory)
    costSingleNatGateway,
    costNodeInstanceTypes,
    // EMR on EKS (advisory)
    emrEndpointKubernetesVersion,
];
