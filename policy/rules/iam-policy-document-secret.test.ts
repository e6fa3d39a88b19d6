import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { policyJson, resource, resourceViolations } from "../lib/testing";
import { iamPolicyDocumentParsable } from "./iam-policy-document-parsable";
import { iamPolicyDocumentSecret } from "./iam-policy-document-secret";

const rule = iamPolicyDocumentSecret;

describe(rule.name, () => {
    it("accepts documents the plan shows in full", async () => {
        const policy = resource("aws:iam/rolePolicy:RolePolicy", { policy: policyJson({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }) });
        assert.deepEqual(await resourceViolations(rule, policy), []);
    });

    it("reports a secret identity policy and a secret inline policy, and the parsable rule leaves them to it", async () => {
        const policy = resource("aws:iam/rolePolicy:RolePolicy", { policy: "[secret]" });
        const role = resource("aws:iam/role:Role", {
            assumeRolePolicy: policyJson({ Effect: "Allow", Principal: { Service: "eks.amazonaws.com" }, Action: "sts:AssumeRole" }),
            inlinePolicies: [{ name: "read", policy: "[secret]" }],
        });
        assert.match((await resourceViolations(rule, policy))[0], /`policy` is a Pulumi secret in this plan/);
        assert.match((await resourceViolations(rule, role))[0], /inlinePolicies\[0\] \(read\)/);
        assert.deepEqual(await resourceViolations(iamPolicyDocumentParsable, policy), []);
        assert.deepEqual(await resourceViolations(iamPolicyDocumentParsable, role), []);
    });

    it("does not take a document that merely mentions the marker for a secret", async () => {
        const policy = resource("aws:iam/rolePolicy:RolePolicy", { policy: "[secret] " });
        assert.deepEqual(await resourceViolations(rule, policy), []);
        assert.equal((await resourceViolations(iamPolicyDocumentParsable, policy)).length, 1);
    });
});
