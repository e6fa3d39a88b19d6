import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { policyJson, resource, resourceViolations } from "../lib/testing";
import { iamNoWildcardActions, isServiceWideAction } from "./iam-no-wildcard-actions";

const rule = iamNoWildcardActions;

describe(rule.name, () => {
    it("tells service-wide wildcards from narrower patterns", () => {
        for (const action of ["*", "s3:*", "S3:**"]) {
            assert.equal(isServiceWideAction(action), true, action);
        }
        for (const action of ["ec2:Describe*", "s3:Get*Object", "s3:GetObject"]) {
            assert.equal(isServiceWideAction(action), false, action);
        }
    });

    it("accepts named actions and patterns like ec2:Describe*", async () => {
        const policy = resource("aws:iam/policy:Policy", {
            policy: policyJson({ Effect: "Allow", Action: ["ec2:Describe*", "autoscaling:SetDesiredCapacity"], Resource: "*" }),
        });
        assert.deepEqual(await resourceViolations(rule, policy), []);
    });

    it("reports * and service:* in Allow statements, whatever the document", async () => {
        const policy = resource("aws:iam/policy:Policy", { policy: policyJson({ Sid: "All", Effect: "Allow", Action: "*", Resource: "*" }) });
        const rolePolicy = resource("aws:iam/rolePolicy:RolePolicy", { policy: policyJson({ Effect: "Allow", Action: ["s3:GetObject", "s3:*"], Resource: "*" }) });
        const role = resource("aws:iam/role:Role", {
            assumeRolePolicy: policyJson({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }),
            inlinePolicies: [{ name: "glue", policy: policyJson({ Effect: "Allow", Action: "glue:*", Resource: "*" }) }],
        });
        assert.match((await resourceViolations(rule, policy))[0], /statement 0 \(Sid All\) of `policy` allows "\*"/);
        assert.match((await resourceViolations(rule, rolePolicy))[0], /allows "s3:\*"/);
        assert.match((await resourceViolations(rule, role))[0], /`inlinePolicies\[0\] \(glue\)` allows "glue:\*"/);
    });

    it("reports Allow with NotAction but not Deny statements", async () => {
        const notAction = resource("aws:iam/policy:Policy", { policy: policyJson({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }) });
        const deny = resource("aws:iam/policy:Policy", { policy: policyJson({ Effect: "Deny", Action: "*", Resource: "*" }) });
        assert.match((await resourceViolations(rule, notAction))[0], /NotAction/);
        assert.deepEqual(await resourceViolations(rule, deny), []);
    });
});
