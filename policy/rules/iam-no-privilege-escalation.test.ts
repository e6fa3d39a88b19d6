import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { policyJson, resource, resourceViolations } from "../lib/testing";
import { loadBalancerControllerPolicy } from "../lib/upstream-documents";
import { escalationActions, iamNoPrivilegeEscalation } from "./iam-no-privilege-escalation";

const rule = iamNoPrivilegeEscalation;
const policyWith = (statement: Record<string, unknown>) => resource("aws:iam/rolePolicy:RolePolicy", { policy: policyJson({ Effect: "Allow", Resource: "*", ...statement }) });

describe(rule.name, () => {
    it("expands the escalation set from the catalog", async () => {
        const actions = await escalationActions();
        for (const action of ["iam:passrole", "iam:putrolepolicy", "iam:attachrolepolicy", "iam:createpolicyversion", "iam:createaccesskey", "iam:updateassumerolepolicy", "iam:setdefaultpolicyversion"]) {
            assert.ok(actions.has(action), action);
        }
        assert.ok(!actions.has("iam:listroles") && !actions.has("iam:getrole"));
    });

    it("accepts IAM writes on named resources, IAM reads on *, and a service-linked role create conditioned on the service", async () => {
        const scoped = policyWith({ Action: ["iam:PutRolePolicy", "iam:AttachRolePolicy"], Resource: "arn:aws:iam::123456789012:role/big-data-stack-dev-*" });
        const reads = policyWith({ Action: ["iam:Get*", "iam:List*"] });
        const serviceLinked = policyWith({ Action: "iam:CreateServiceLinkedRole", Condition: { StringEquals: { "iam:AWSServiceName": "elasticloadbalancing.amazonaws.com" } } });
        for (const target of [scoped, reads, serviceLinked]) {
            assert.deepEqual(await resourceViolations(rule, target), []);
        }
    });

    it("accepts the AWS Load Balancer Controller's upstream policy (tag-conditioned creates on *)", async () => {
        assert.deepEqual(await resourceViolations(rule, resource("aws:iam/policy:Policy", { policy: loadBalancerControllerPolicy() })), []);
    });

    it("reports every spelling that reaches escalation actions on every resource", async () => {
        const spellings: unknown[] = ["iam:?*", "iam:Put*", "iam:Attach*", "iam:Create*", "iam:Pass*", "iam:Update*", "iam:*Role*", "IAM:attachrolepolicy", ["s3:GetObject", "iam:PassRole"], "*:*", "*"];
        for (const action of spellings) {
            const messages = await resourceViolations(rule, policyWith({ Action: action }));
            assert.equal(messages.length, 1, JSON.stringify(action));
            assert.match(messages[0], /on every resource/);
        }
    });

    it("reads a single Statement object as well as a list", async () => {
        const single = JSON.stringify({ Version: "2012-10-17", Statement: { Effect: "Allow", Action: "iam:Attach*", Resource: "*" } });
        assert.equal((await resourceViolations(rule, resource("aws:iam/policy:Policy", { policy: single }))).length, 1);
        const role = resource("aws:iam/role:Role", { assumeRolePolicy: "{}", inlinePolicies: [{ name: "inline", policy: single }] });
        assert.match((await resourceViolations(rule, role))[0], /inlinePolicies\[0\] \(inline\)/);
    });

    it("treats every-role ARNs and NotResource as every resource", async () => {
        for (const scope of [{ Resource: "arn:aws:iam::*:role/*" }, { Resource: ["arn:aws:iam::123456789012:role/x", "arn:aws:iam::123456789012:*"] }, { Resource: undefined, NotResource: "arn:aws:iam::123456789012:role/admin" }]) {
            assert.equal((await resourceViolations(rule, policyWith({ Action: "iam:PutRolePolicy", ...scope }))).length, 1, JSON.stringify(scope));
        }
    });

    it("reports CreateServiceLinkedRole on * without an iam:AWSServiceName condition, or with a negated or wildcard one", async () => {
        for (const condition of [undefined, { StringNotEquals: { "iam:AWSServiceName": "x.amazonaws.com" } }, { StringLike: { "iam:AWSServiceName": "*" } }]) {
            const messages = await resourceViolations(rule, policyWith({ Action: "iam:CreateServiceLinkedRole", Condition: condition }));
            assert.equal(messages.length, 1, JSON.stringify(condition));
        }
    });
});
