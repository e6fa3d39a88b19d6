import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { policyJson, resource, resourceViolations } from "../lib/testing";
import { loadBalancerControllerPolicy } from "../lib/upstream-documents";
import { iamNoWildcardActions, isServiceWideAction, servicesReachedWhole } from "./iam-no-wildcard-actions";

const rule = iamNoWildcardActions;
const policyWith = (statement: Record<string, unknown>) => resource("aws:iam/policy:Policy", { policy: policyJson({ Effect: "Allow", Resource: "*", ...statement }) });

describe(rule.name, () => {
    it("tells service-wide spellings from narrower patterns", () => {
        for (const action of ["*", "s3:*", "S3:**"]) {
            assert.equal(isServiceWideAction(action), true, action);
        }
        for (const action of ["ec2:Describe*", "s3:Get*Object", "s3:GetObject"]) {
            assert.equal(isServiceWideAction(action), false, action);
        }
    });

    it("expands patterns against the catalog: any spelling that matches a whole service counts", async () => {
        assert.deepEqual(await servicesReachedWhole("iam:?*"), ["iam"]);
        assert.deepEqual(await servicesReachedWhole("IAM:*"), ["iam"]);
        assert.deepEqual(await servicesReachedWhole("iam:*?"), ["iam"]);
        assert.ok((await servicesReachedWhole("*:*")).length > 300);
        assert.ok((await servicesReachedWhole("i?m:*")).includes("iam"));
        assert.deepEqual(await servicesReachedWhole("iam:*Role*"), []);
        assert.deepEqual(await servicesReachedWhole("ec2:Describe*"), []);
        // cloudtrail-data has a single action: naming it is not a wildcard grant, `*` on it is.
        assert.deepEqual(await servicesReachedWhole("cloudtrail-data:PutAuditEvents"), []);
        assert.deepEqual(await servicesReachedWhole("cloudtrail-data:Put*"), ["cloudtrail-data"]);
    });

    it("accepts named actions, narrower patterns, and the AWS Load Balancer Controller's upstream policy", async () => {
        assert.deepEqual(await resourceViolations(rule, policyWith({ Action: ["ec2:Describe*", "autoscaling:SetDesiredCapacity"] })), []);
        assert.deepEqual(await resourceViolations(rule, resource("aws:iam/policy:Policy", { policy: loadBalancerControllerPolicy() })), []);
    });

    it("reports each whole-service spelling, as a string or in a list", async () => {
        for (const action of ["*", "s3:*", "iam:?*", "IAM:*", "*:*", ["s3:GetObject", "kms:*"]]) {
            const messages = await resourceViolations(rule, policyWith({ Action: action }));
            assert.equal(messages.length, 1, JSON.stringify(action));
            assert.match(messages[0], /which matches every/);
        }
    });

    it("reports Allow with NotAction or NotResource, in roles' inline policies too", async () => {
        const role = resource("aws:iam/role:Role", {
            assumeRolePolicy: policyJson({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }),
            inlinePolicies: [
                { name: "not-action", policy: policyJson({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }) },
                { name: "not-resource", policy: policyJson({ Effect: "Allow", Action: "s3:GetObject", NotResource: "arn:aws:s3:::secret/*" }) },
            ],
        });
        const messages = await resourceViolations(rule, role);
        assert.equal(messages.length, 2);
        assert.match(messages[0], /inlinePolicies\[0\] \(not-action\).*NotAction/);
        assert.match(messages[1], /inlinePolicies\[1\] \(not-resource\).*NotResource/);
    });

    it("leaves Deny statements and resource policies alone", async () => {
        assert.deepEqual(await resourceViolations(rule, resource("aws:iam/policy:Policy", { policy: policyJson({ Effect: "Deny", Action: "*", Resource: "*" }) })), []);
        const bucketPolicy = resource("aws:s3/bucketPolicy:BucketPolicy", { policy: policyJson({ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*" }) });
        assert.deepEqual(await resourceViolations(rule, bucketPolicy), []);
    });
});
