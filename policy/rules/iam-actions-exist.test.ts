import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { policyJson, resource, resourceViolations } from "../lib/testing";
import { iamActionsExist, unknownActionReason } from "./iam-actions-exist";

const rule = iamActionsExist;

describe(rule.name, () => {
    it("accepts real actions and patterns that match real actions, case-insensitively", async () => {
        for (const action of ["s3:GetObject", "s3:getobject", "ec2:Describe*", "sts:AssumeRoleWithWebIdentity", "emr-containers:StartJobRun", "*", "logs:*"]) {
            assert.equal(await unknownActionReason(action), undefined, action);
        }
    });

    it("explains unknown services, unknown actions, empty patterns and malformed actions", async () => {
        assert.match((await unknownActionReason("s4:GetObject")) ?? "", /unknown service prefix "s4"/);
        assert.match((await unknownActionReason("s3:GetObjekt")) ?? "", /is not an action of s3/);
        assert.match((await unknownActionReason("ec2:Descrobe*")) ?? "", /matches no ec2 action/);
        assert.match((await unknownActionReason("GetObject")) ?? "", /not of the form/);
        assert.match((await unknownActionReason("s*:GetObject")) ?? "", /wildcard in its service prefix/);
    });

    it("checks every statement of identity and trust documents", async () => {
        const compliant = resource("aws:iam/role:Role", {
            assumeRolePolicy: policyJson({ Effect: "Allow", Principal: { Service: "pods.eks.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"] }),
            inlinePolicies: [{ name: "s3", policy: policyJson({ Effect: "Allow", Action: ["s3:GetObject", "s3:List*"], Resource: "*" }) }],
        });
        assert.deepEqual(await resourceViolations(rule, compliant), []);

        const violating = resource("aws:iam/policy:Policy", {
            policy: policyJson({ Effect: "Allow", Action: ["s3:GetObject", "s3:PutObjekt"], Resource: "*" }, { Effect: "Deny", NotAction: "foo:Bar", Resource: "*" }),
        });
        const messages = await resourceViolations(rule, violating);
        assert.equal(messages.length, 2);
        assert.match(messages[0], /statement 0 of `policy`: "s3:PutObjekt" is not an action of s3/);
        assert.match(messages[1], /statement 1 of `policy`: "foo:Bar" uses the unknown service prefix "foo"/);
    });
});
