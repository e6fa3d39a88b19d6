import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { policyJson, resource, stackOf, stackViolations } from "../lib/testing";
import { iamWebIdentityTrustOwnCluster } from "./iam-web-identity-trust-own-cluster";

const rule = iamWebIdentityTrustOwnCluster;
const OWN = "oidc.eks.us-east-1.amazonaws.com/id/E9DF8FC5063793294694D82ABB43AAE8";
const OTHER = "oidc.eks.us-east-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF";
const provider = resource("aws:iam/openIdConnectProvider:OpenIdConnectProvider", { url: `https://${OWN}`, clientIdLists: ["sts.amazonaws.com"] });
const roleTrusting = (federated: unknown) => resource("aws:iam/role:Role", {
    name: "job",
    assumeRolePolicy: policyJson({ Effect: "Allow", Principal: { Federated: federated }, Action: "sts:AssumeRoleWithWebIdentity" }),
});

describe(rule.name, () => {
    it("accepts a trust of the stack's own issuer, however its URL is written, and non-EKS issuers", async () => {
        for (const federated of [`arn:aws:iam::123456789012:oidc-provider/${OWN}`, `arn:aws:iam::123456789012:oidc-provider/${OWN.toLowerCase()}`,
            "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"]) {
            assert.deepEqual(await stackViolations(rule, stackOf([provider, roleTrusting(federated)])), [], federated);
        }
    });

    it("reports a trust of another cluster's issuer, alone or beside the own one, in any partition", async () => {
        for (const federated of [`arn:aws:iam::123456789012:oidc-provider/${OTHER}`, [`arn:aws:iam::123456789012:oidc-provider/${OWN}`, `arn:aws:iam::210987654321:oidc-provider/${OTHER}`],
            "arn:aws-cn:iam::123456789012:oidc-provider/oidc.eks.cn-north-1.amazonaws.com.cn/id/ABCDEF"]) {
            const role = roleTrusting(federated);
            const violations = await stackViolations(rule, stackOf([provider, role]));
            assert.equal(violations.length, 1, JSON.stringify(federated));
            assert.equal(violations[0].urn, role.urn);
            assert.match(violations[0].message, /not this stack's cluster/);
        }
    });

    it("stays silent when the stack has no OIDC provider to compare with", async () => {
        assert.deepEqual(await stackViolations(rule, stackOf([roleTrusting(`arn:aws:iam::123456789012:oidc-provider/${OTHER}`)])), []);
    });
});
