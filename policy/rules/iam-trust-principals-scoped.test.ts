import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TEST_ACCOUNT, policyJson, resource, stackOf, stackViolations } from "../lib/testing";
import { podIdentityTrust } from "../lib/upstream-documents";
import { iamTrustPrincipalsScoped } from "./iam-trust-principals-scoped";

const rule = iamTrustPrincipalsScoped;
const OTHER_ACCOUNT = "999988887777";
const ROLE = "aws:iam/role:Role";

/** A stack whose account is known: the cluster refers to the cluster role it creates by ARN. */
function stackWithTrust(trust: string) {
    const clusterRole = resource(ROLE, { name: "dev-eks-cluster", assumeRolePolicy: policyJson({ Effect: "Allow", Principal: { Service: "eks.amazonaws.com" }, Action: "sts:AssumeRole" }) });
    const cluster = resource("aws:eks/cluster:Cluster", { roleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/dev-eks-cluster` });
    const role = resource(ROLE, { name: "dev-under-test", assumeRolePolicy: trust }, { name: "under-test" });
    return { stack: stackOf([clusterRole, cluster, role]), role };
}

const trust = (principal: unknown, extra: Record<string, unknown> = {}) => policyJson({ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole", ...extra });

describe(rule.name, () => {
    it("accepts service principals, this account's principals and OIDC provider, and the Pod Identity trust", async () => {
        for (const document of [
            trust({ Service: ["ec2.amazonaws.com", "eks.amazonaws.com"] }),
            trust({ AWS: `arn:aws:iam::${TEST_ACCOUNT}:role/Admin` }),
            trust({ AWS: TEST_ACCOUNT }),
            trust({ Federated: `arn:aws:iam::${TEST_ACCOUNT}:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC` }, { Action: "sts:AssumeRoleWithWebIdentity" }),
            podIdentityTrust(),
        ]) {
            const { stack } = stackWithTrust(document);
            assert.deepEqual(await stackViolations(rule, stack), [], document);
        }
    });

    it("reports *, AWS * (string or list) and NotPrincipal", async () => {
        for (const document of [trust("*"), trust({ AWS: "*" }), trust({ AWS: ["arn:aws:iam::123456789012:root", "*"] }), policyJson({ Effect: "Allow", NotPrincipal: { AWS: `arn:aws:iam::${TEST_ACCOUNT}:root` }, Action: "sts:AssumeRole" })]) {
            const { stack, role } = stackWithTrust(document);
            const violations = await stackViolations(rule, stack);
            assert.equal(violations.length, 1, document);
            assert.equal(violations[0].urn, role.urn);
        }
    });

    it("reads a single Statement object, and checks every statement of a list", async () => {
        const single = JSON.stringify({ Version: "2012-10-17", Statement: { Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" } });
        assert.equal((await stackViolations(rule, stackWithTrust(single).stack)).length, 1);
        const second = policyJson({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }, { Effect: "Allow", Principal: { AWS: OTHER_ACCOUNT }, Action: "sts:AssumeRole" });
        assert.match((await stackViolations(rule, stackWithTrust(second).stack))[0].message, /statement 1/);
    });

    it("reports another account, as an id, a root ARN, a role ARN, or an OIDC provider", async () => {
        for (const document of [
            trust({ AWS: OTHER_ACCOUNT }),
            trust({ AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` }),
            trust({ AWS: [`arn:aws:iam::${TEST_ACCOUNT}:role/Admin`, `arn:aws:iam::${OTHER_ACCOUNT}:role/Deployer`] }),
            trust({ Federated: `arn:aws:iam::${OTHER_ACCOUNT}:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC` }, { Action: "sts:AssumeRoleWithWebIdentity" }),
        ]) {
            const { stack } = stackWithTrust(document);
            const violations = await stackViolations(rule, stack);
            assert.equal(violations.length, 1, document);
            assert.match(violations[0].message, new RegExp(OTHER_ACCOUNT));
        }
    });

    it("reports a wildcard service principal, and an account it cannot compare when the stack's account is unknown", async () => {
        const { stack } = stackWithTrust(trust({ Service: "*.amazonaws.com" }));
        assert.match((await stackViolations(rule, stack))[0].message, /service pattern/);
        const alone = resource(ROLE, { name: "x", assumeRolePolicy: trust({ AWS: OTHER_ACCOUNT }) });
        assert.match((await stackViolations(rule, stackOf([alone])))[0].message, /could not be determined/);
    });
});
