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
import { iamPolicyDocumentSecret } from "./iam-policy-document-secret";
import { iamWebIdentityTrustScoped } from "./iam-web-identity-trust-scoped";
import { k8sNoLoadBalancerServices } from "./k8s-no-load-balancer-services";
import { s3EncryptionConfigured } from "./s3-encryption-configured";
import { s3PublicAccessBlocked } from "./s3-public-access-blocked";
import { s3TlsOnlyBucketPolicy } from "./s3-tls-only-bucket-policy";
import { studioWorkspaceSgNoIngress } from "./studio-workspace-sg-no-ingress";

import { ec2NaclNoPublicIngress } from "./ec2-nacl-no-public-ingress";
import { eksAccessEntriesScoped } from "./eks-access-entries-scoped";
import { eksNodeLaunchTemplateHardened } from "./eks-node-launch-template-hardened";
import { helmNoClusterAdminBinding } from "./helm-no-cluster-admin-binding";
import { iamNoDataAccessOnAllResources } from "./iam-no-data-access-on-all-resources";
import { iamNoPrivilegeEscalation } from "./iam-no-privilege-escalation";
import { iamPassRoleScoped } from "./iam-pass-role-scoped";
import { iamPodIdentityTrustScoped } from "./iam-pod-identity-trust-scoped";
import { iamTrustPrincipalsScoped } from "./iam-trust-principals-scoped";
import { k8sNoBroadClusterAdminBindings } from "./k8s-no-broad-cluster-admin-bindings";
import { resourcePolicyPrincipalsScoped } from "./resource-policy-principals-scoped";
import { s3NoPublicAcls } from "./s3-no-public-acls";
import { eksPublicEndpointDocumentationRange } from "./eks-public-endpoint-documentation-range";
import { iamWebIdentityTrustOwnCluster } from "./iam-web-identity-trust-own-cluster";
import { s3NoCrossAccountReplication } from "./s3-no-cross-account-replication";

import { emrDynamicAllocationShuffleTracking } from "./emr-dynamic-allocation-shuffle-tracking";
import { emrStartJobRunRoleScoped } from "./emr-start-job-run-role-scoped";
import { karpenterControllerPassRoleScoped } from "./karpenter-controller-pass-role-scoped";
import { karpenterNodeClassHardened } from "./karpenter-node-class-hardened";
import { sqsQueueTlsOnly } from "./sqs-queue-tls-only";

export const ALL_RULES: readonly Rule[] = [
    // IAM
    iamPolicyDocumentParsable,
    iamPolicyDocumentSecret,
    iamNoWildcardActions,
    iamNoFullAccessManagedPolicies,
    iamActionsExist,
    iamNoPrivilegeEscalation,
    iamPassRoleScoped,
    iamNoDataAccessOnAllResources,
    iamWebIdentityTrustScoped,
    iamWebIdentityTrustOwnCluster,
    iamPodIdentityTrustScoped,
    iamTrustPrincipalsScoped,
    resourcePolicyPrincipalsScoped,
    // S3
    s3PublicAccessBlocked,
    s3EncryptionConfigured,
    s3TlsOnlyBucketPolicy,
    s3NoPublicAcls,
    s3NoCrossAccountReplication,
    // EKS
    eksAuthenticationModeApi,
    eksSecretsEncryption,
    eksControlPlaneLogging,
    eksPublicEndpointRestricted,
    eksPublicEndpointRestrictedDev,
    eksPublicEndpointDocumentationRange,
    eksSupportedVersion,
    eksNodeGroupNoRemoteAccess,
    eksNodeLaunchTemplateHardened,
    eksAccessEntriesScoped,
    // network
    ec2NoPublicIngress,
    ec2NaclNoPublicIngress,
    studioWorkspaceSgNoIngress,
    // Kubernetes
    k8sNoLoadBalancerServices,
    k8sNoBroadClusterAdminBindings,
    helmNoClusterAdminBinding,
    helmReleasePinned,
    // tags
    awsCommonTags,
    // cost (advisory)
    costSingleNatGateway,
    costNodeInstanceTypes,
    // EMR on EKS (advisory)
    emrEndpointKubernetesVersion,
    // EMR on EKS jobs
    emrDynamicAllocationShuffleTracking,
    emrStartJobRunRoleScoped,
    // Karpenter (nodeProvisioner: karpenter)
    karpenterControllerPassRoleScoped,
    karpenterNodeClassHardened,
    sqsQueueTlsOnly,
];
