import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TEST_ACCOUNT, policyJson, resource, resourceViolations } from "../lib/testing";
import { iamWebIdentityTrustScoped, subjectProblem } from "./iam-web-identity-trust-scoped";

const rule = iamWebIdentityTrustScoped;
const ISSUER = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
const ROLE_NAME = "dev-emr-job-role";
const ROLE_NAME_BASE36 = "5xz1jo3n0aicv14puektvzyhx";
const EMR_SUBJECT = `system:serviceaccount:spark:emr-containers-sa-*-*-${TEST_ACCOUNT}-${ROLE_NAME_BASE36}`;

function webIdentityRole(condition: Record<string, unknown>, name: string | undefined = ROLE_NAME) {
    return resource("aws:iam/role:Role", {
        ...(name ? { name } : {}),
        assumeRolePolicy: policyJson({
            Effect: "Allow",
            Principal: { Federated: `arn:aws:iam::${TEST_ACCOUNT}:oidc-provider/${ISSUER}` },
            Action: "sts:AssumeRoleWithWebIdentity",
            Condition: condition,
        }),
    });
}

describe(rule.name, () => {
    it("accepts the EMR on EKS trust with sub and aud", async () => {
        const role = webIdentityRole({ StringLike: { [`${ISSUER}:sub`]: EMR_SUBJECT }, StringEquals: { [`${ISSUER}:aud`]: "sts.amazonaws.com" } });
        assert.deepEqual(await resourceViolations(rule, role), []);
    });

    it("accepts an exact service account", async () => {
        const role = webIdentityRole({
            StringEquals: { [`${ISSUER}:sub`]: "system:serviceaccount:kube-system:cluster-autoscaler", [`${ISSUER}:aud`]: "sts.amazonaws.com" },
        });
        assert.deepEqual(await resourceViolations(rule, role), []);
    });

    it("reports a missing sub and the reference app's aud typo", async () => {
        const role = webIdentityRole({ StringEquals: { [`${ISSUER}:aud`]: "sts.amazon.com" } });
        const messages = await resourceViolations(rule, role);
        assert.equal(messages.length, 2);
        assert.match(messages[0], /without a StringEquals\/StringLike ".*:sub" condition/);
        assert.match(messages[1], /accepts the audience "sts.amazon.com"/);
    });

    it("reports a missing aud, and conditions keyed on another issuer", async () => {
        const role = webIdentityRole({ StringEquals: { "oidc.example.com/id/OTHER:sub": "system:serviceaccount:a:b", "oidc.example.com/id/OTHER:aud": "sts.amazonaws.com" } });
        const messages = await resourceViolations(rule, role);
        assert.equal(messages.length, 2);
        assert.match(messages[1], /without a StringEquals ".*:aud" = "sts.amazonaws.com"/);
    });

    it("does not count negated or IfExists operators", async () => {
        const role = webIdentityRole({
            StringNotEquals: { [`${ISSUER}:sub`]: "system:serviceaccount:a:b" },
            StringEqualsIfExists: { [`${ISSUER}:aud`]: "sts.amazonaws.com" },
        });
        assert.equal((await resourceViolations(rule, role)).length, 2);
    });

    it("reports wildcard namespaces and free service-account wildcards", async () => {
        const role = webIdentityRole({
            StringLike: { [`${ISSUER}:sub`]: ["system:serviceaccount:*:spark", "system:serviceaccount:spark:emr-*"] },
            StringEquals: { [`${ISSUER}:aud`]: "sts.amazonaws.com" },
        });
        const messages = await resourceViolations(rule, role);
        assert.equal(messages.length, 2);
        assert.match(messages[0], /does not name one namespace/);
        assert.match(messages[1], /does not end in -<12-digit account>-<base36 role name>/);
    });

    it("checks the EMR suffix against the account and the role name when known", () => {
        assert.equal(subjectProblem(EMR_SUBJECT, { accountId: TEST_ACCOUNT, roleName: ROLE_NAME }), undefined);
        assert.match(subjectProblem(EMR_SUBJECT, { accountId: "210987654321" }) ?? "", /names account 123456789012/);
        assert.match(subjectProblem(EMR_SUBJECT, { roleName: "other-role" }) ?? "", /base36 of the role name "other-role"/);
        assert.match(subjectProblem(`system:serviceaccount:spark:emr-containers-sa-*-${TEST_ACCOUNT}-abc*`) ?? "", /does not end in/);
        assert.match(subjectProblem("spark:driver") ?? "", /not of the form/);
    });

    it("ignores trusts that are not web identity", async () => {
        const role = resource("aws:iam/role:Role", {
            assumeRolePolicy: policyJson({ Effect: "Allow", Principal: { Service: "eks.amazonaws.com" }, Action: "sts:AssumeRole" }),
        });
        assert.deepEqual(await resourceViolations(rule, role), []);
    });
});
