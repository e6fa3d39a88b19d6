import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { policyJson, resource, resourceViolations } from "../lib/testing";
import { iamPolicyDocumentParsable } from "./iam-policy-document-parsable";

const rule = iamPolicyDocumentParsable;
const TRUST = policyJson({ Effect: "Allow", Principal: { Service: "eks.amazonaws.com" }, Action: "sts:AssumeRole" });

describe(rule.name, () => {
    it("accepts well-formed policy, trust and inline documents", async () => {
        const policy = resource("aws:iam/policy:Policy", { policy: policyJson({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }) });
        const role = resource("aws:iam/role:Role", { assumeRolePolicy: TRUST, inlinePolicies: [{ name: "logs", policy: policyJson({ Effect: "Allow", Action: ["logs:PutLogEvents"], Resource: "*" }) }] });
        assert.deepEqual(await resourceViolations(rule, policy), []);
        assert.deepEqual(await resourceViolations(rule, role), []);
    });

    it("reports a document that is not JSON", async () => {
        const policy = resource("aws:iam/rolePolicy:RolePolicy", { policy: "{ not json" });
        const [message] = await resourceViolations(rule, policy);
        assert.match(message, /`policy` cannot be read: it is not valid JSON/);
    });

    it("reports statements IAM would reject and names the inline policy", async () => {
        const role = resource("aws:iam/role:Role", {
            assumeRolePolicy: JSON.stringify({ Version: "2012-10-17" }),
            inlinePolicies: [{ name: "bad", policy: policyJson({ Effect: "Permit", Action: "s3:GetObject" }) }],
        });
        const messages = await resourceViolations(rule, role);
        assert.equal(messages.length, 2);
        assert.match(messages[0], /trust .*it has no Statement/);
        assert.match(messages[1], /inlinePolicies\[0\] \(bad\).*Effect "Permit"/);
    });

    it("ignores other resource types", async () => {
        assert.deepEqual(await resourceViolations(rule, resource("aws:s3/bucketV2:BucketV2", { policy: "x" })), []);
    });
});
