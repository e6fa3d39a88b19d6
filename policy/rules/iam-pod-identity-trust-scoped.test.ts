import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { policyJson, resource, resourceViolations } from "../lib/testing";
import { TEST_CLUSTER_ARN, podIdentityTrust } from "../lib/upstream-documents";
import { iamPodIdentityTrustScoped } from "./iam-pod-identity-trust-scoped";

const rule = iamPodIdentityTrustScoped;
const role = (assumeRolePolicy: string) => resource("aws:iam/role:Role", { name: "dev-emr-job", assumeRolePolicy });
const NAMESPACE = { StringEquals: { "aws:RequestTag/kubernetes-namespace": "emr-jobs" } };
const SERVICE_ACCOUNT = { StringLike: { "aws:RequestTag/kubernetes-service-account": "emr-containers-sa-spark-*-123456789012-abc" } };

describe(rule.name, () => {
    it("accepts the Pod Identity trust the program writes for EMR job roles (ArnEquals cluster, StringEquals namespace, StringLike service account)", async () => {
        assert.deepEqual(await resourceViolations(rule, role(podIdentityTrust())), []);
    });

    it("accepts StringEquals for all three, and ignores trusts of other services", async () => {
        const allEquals = {
            StringEquals: {
                "aws:RequestTag/eks-cluster-arn": TEST_CLUSTER_ARN,
                "aws:RequestTag/kubernetes-namespace": "emr-jobs",
                "aws:RequestTag/kubernetes-service-account": "spark-driver",
            },
        };
        assert.deepEqual(await resourceViolations(rule, role(podIdentityTrust({ condition: allEquals }))), []);
        assert.deepEqual(await resourceViolations(rule, role(policyJson({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }))), []);
    });

    it("accepts the program's form (one StringEquals, the three EMR service accounts as a list) and reports a wildcard in that list", async () => {
        const accounts = ["client", "driver", "executor"].map((kind) => `emr-containers-sa-spark-${kind}-123456789012-abc`);
        const programs = (serviceAccounts: string[]) => ({
            StringEquals: {
                "aws:RequestTag/eks-cluster-arn": TEST_CLUSTER_ARN,
                "aws:RequestTag/kubernetes-namespace": "emr-jobs",
                "aws:RequestTag/kubernetes-service-account": serviceAccounts,
            },
        });
        assert.deepEqual(await resourceViolations(rule, role(podIdentityTrust({ condition: programs(accounts) }))), []);
        const widened = await resourceViolations(rule, role(podIdentityTrust({ condition: programs([...accounts, "*"]) })));
        assert.equal(widened.length, 1, widened.join("\n"));
        assert.match(widened[0], /kubernetes-service-account/);
    });

    it("reports a Pod Identity trust without conditions, naming all three tags", async () => {
        const messages = await resourceViolations(rule, role(podIdentityTrust({ condition: {} })));
        assert.equal(messages.length, 3);
        assert.match(messages.join("\n"), /eks-cluster-arn[\s\S]*kubernetes-namespace[\s\S]*kubernetes-service-account/);
    });

    it("reports each missing, weak or wildcard condition", async () => {
        const cases: Record<string, Record<string, unknown>> = {
            "no cluster": { ...NAMESPACE, ...SERVICE_ACCOUNT },
            "cluster under IfExists": { ArnEqualsIfExists: { "aws:RequestTag/eks-cluster-arn": TEST_CLUSTER_ARN }, ...NAMESPACE, ...SERVICE_ACCOUNT },
            "every cluster": { ArnLike: { "aws:RequestTag/eks-cluster-arn": "arn:aws:eks:us-east-1:123456789012:cluster/*" }, ...NAMESPACE, ...SERVICE_ACCOUNT },
            "namespace pattern": {
                ArnEquals: { "aws:RequestTag/eks-cluster-arn": TEST_CLUSTER_ARN },
                StringLike: { "aws:RequestTag/kubernetes-namespace": "emr-*", "aws:RequestTag/kubernetes-service-account": "x" },
            },
            "any service account": {
                ArnEquals: { "aws:RequestTag/eks-cluster-arn": TEST_CLUSTER_ARN },
                ...NAMESPACE,
                StringLike: { "aws:RequestTag/kubernetes-service-account": "*" },
            },
            "negated namespace": {
                ArnEquals: { "aws:RequestTag/eks-cluster-arn": TEST_CLUSTER_ARN },
                StringNotEquals: { "aws:RequestTag/kubernetes-namespace": "kube-system" },
                ...SERVICE_ACCOUNT,
            },
        };
        for (const [label, condition] of Object.entries(cases)) {
            assert.equal((await resourceViolations(rule, role(podIdentityTrust({ condition })))).length, 1, label);
        }
    });

    it("finds the service principal as a string or in a list", async () => {
        const listed = podIdentityTrust({ condition: {}, principal: { Service: ["ec2.amazonaws.com", "pods.eks.amazonaws.com"] } });
        assert.equal((await resourceViolations(rule, role(listed))).length, 3);
    });
});
