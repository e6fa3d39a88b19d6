// EKS Pod Identity: a role trusting `pods.eks.amazonaws.com` can be handed, through a pod identity association,
// to any service account of any cluster in the account, unless its trust is conditioned on the session tags EKS
// Pod Identity sets: aws:RequestTag/eks-cluster-arn, aws:RequestTag/kubernetes-namespace and
// aws:RequestTag/kubernetes-service-account (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-abac.html,
// https://docs.aws.amazon.com/eks/latest/userguide/pod-id-role.html). Required here: all three, under a restricting
// operator (StringEquals, StringLike, ArnEquals, ArnLike - not the IfExists or negated forms); the cluster as a full
// ARN and the namespace exactly (no wildcards); the service account may be a pattern (EMR on EKS names its job service
// accounts emr-containers-sa-spark-{client,driver,executor}-<account>-<base36 role name>) but not only wildcards.
import { trustStatementsOf } from "../lib/iam-document-sources";
import { restrictingValues } from "../lib/iam-conditions";
import { describeStatement, hasWildcard } from "../lib/iam-policy-document";
import { isEveryone, servicePrincipals } from "../lib/iam-principals";
import type { ResourceRule } from "../lib/types";

export const POD_IDENTITY_SERVICE = "pods.eks.amazonaws.com";
const CLUSTER_ARN = /^arn:aws[a-z-]*:eks:[a-z0-9-]+:\d{12}:cluster\/[^*?/]+$/;

interface TagRequirement {
    readonly tag: string;
    readonly accepts: (value: string) => boolean;
    readonly expected: string;
}

const REQUIRED_TAGS: readonly TagRequirement[] = [
    { tag: "eks-cluster-arn", accepts: (value) => CLUSTER_ARN.test(value), expected: "the cluster's full ARN" },
    { tag: "kubernetes-namespace", accepts: (value) => value.trim() !== "" && !hasWildcard(value), expected: "one namespace, without wildcards" },
    { tag: "kubernetes-service-account", accepts: (value) => value.trim() !== "" && !/^[*?]+$/.test(value), expected: "the service account name or an EMR-style pattern" },
];

export const iamPodIdentityTrustScoped: ResourceRule = {
    kind: "resource",
    name: "iam-pod-identity-trust-scoped",
    description: "Trusts of pods.eks.amazonaws.com are conditioned on aws:RequestTag/eks-cluster-arn, kubernetes-namespace and kubernetes-service-account.",
    enforcementLevel: "mandatory",
    validateResource(resource, report) {
        for (const statement of trustStatementsOf(resource)) {
            const trustsPodIdentity = servicePrincipals(statement.principal).some((service) => service.toLowerCase() === POD_IDENTITY_SERVICE);
            if (statement.effect !== "Allow" || !trustsPodIdentity || isEveryone(statement.principal)) {
                continue; // `*` principals are iam-trust-principals-scoped's
            }
            const where = `${describeStatement(statement)} of \`assumeRolePolicy\``;
            for (const requirement of REQUIRED_TAGS) {
                const key = `aws:requesttag/${requirement.tag}`;
                const restrictions = restrictingValues(statement, (candidate) => candidate === key);
                const values = restrictions.flatMap((restriction) => restriction.values);
                if (values.length === 0) {
                    report(`${where} trusts ${POD_IDENTITY_SERVICE} without a StringEquals/StringLike/ArnEquals condition on "aws:RequestTag/${requirement.tag}": any pod identity association in the account could use the role.`);
                } else {
                    for (const value of values.filter((candidate) => !requirement.accepts(candidate))) {
                        report(`${where}: "aws:RequestTag/${requirement.tag}" is "${value}"; expected ${requirement.expected}.`);
                    }
                }
            }
        }
    },
};
