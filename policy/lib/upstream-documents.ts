// Documents from outside this repository that the pack must accept, kept as test inputs:
// - the AWS Load Balancer Controller's IAM policy, fixtures/aws-load-balancer-controller-iam-policy.json, copied
//   unchanged from kubernetes-sigs/aws-load-balancer-controller docs/install/iam_policy.json at tag v2.17.1 (the
//   newest v2.x; identical on main), attached to the controller's IRSA role;
// - the EMR job role's Pod Identity trust as the program writes it (AWS: https://docs.aws.amazon.com/eks/latest/userguide/pod-id-abac.html).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TEST_ACCOUNT } from "./testing";

export function loadBalancerControllerPolicy(): string {
    return readFileSync(join(__dirname, "..", "..", "fixtures", "aws-load-balancer-controller-iam-policy.json"), "utf8");
}

export const TEST_CLUSTER_ARN = `arn:aws:eks:us-east-1:${TEST_ACCOUNT}:cluster/big-data-stack-dev`;

/** sts:AssumeRole + sts:TagSession for pods.eks.amazonaws.com, conditioned on cluster, namespace and service account. */
export function podIdentityTrust(overrides: { condition?: Record<string, unknown>; principal?: unknown } = {}): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: overrides.principal ?? { Service: "pods.eks.amazonaws.com" },
                Action: ["sts:AssumeRole", "sts:TagSession"],
                Condition: overrides.condition ?? {
                    ArnEquals: { "aws:RequestTag/eks-cluster-arn": TEST_CLUSTER_ARN },
                    StringEquals: { "aws:RequestTag/kubernetes-namespace": "emr-jobs" },
                    StringLike: { "aws:RequestTag/kubernetes-service-account": `emr-containers-sa-spark-*-${TEST_ACCOUNT}-5xz1jo3n0aicv14puektvzyhx` },
                },
            },
        ],
    });
}
