import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { policyJson, resource, resourceViolations } from "../lib/testing";
import { iamPassRoleScoped } from "./iam-pass-role-scoped";

const rule = iamPassRoleScoped;
const ROLE_ARN = "arn:aws:iam::123456789012:role/big-data-stack-dev-studio-service";
const PASSED_TO = { StringLike: { "iam:PassedToService": "elasticmapreduce.amazonaws.com*" } };
const policyWith = (statement: Record<string, unknown>) => resource("aws:iam/policy:Policy", { policy: policyJson({ Effect: "Allow", Resource: ROLE_ARN, Condition: PASSED_TO, ...statement }) });

describe(rule.name, () => {
    it("accepts PassRole on a named role with iam:PassedToService (StringEquals or StringLike)", async () => {
        assert.deepEqual(await resourceViolations(rule, policyWith({ Action: "iam:PassRole" })), []);
        assert.deepEqual(await resourceViolations(rule, policyWith({ Action: ["iam:PassRole"], Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } } })), []);
        assert.deepEqual(await resourceViolations(rule, policyWith({ Action: "iam:GetRole", Condition: undefined, Resource: "*" })), []);
    });

    it("reports PassRole on *, however the action is spelled", async () => {
        for (const action of ["iam:PassRole", "IAM:passrole", "iam:Pass*", "iam:*Role", ["iam:GetRole", "iam:P?ssRole"]]) {
            const messages = await resourceViolations(rule, policyWith({ Action: action, Resource: "*" }));
            assert.equal(messages.length, 1, JSON.stringify(action));
            assert.match(messages[0], /on every role/);
        }
        assert.match((await resourceViolations(rule, policyWith({ Action: "iam:PassRole", Resource: "arn:aws:iam::123456789012:role/*" })))[0], /every role/);
    });

    it("reports PassRole without iam:PassedToService, or with it only under IfExists / negated / wildcard forms", async () => {
        for (const condition of [undefined, { StringLikeIfExists: { "iam:PassedToService": "ec2.amazonaws.com" } }, { StringNotEquals: { "iam:PassedToService": "lambda.amazonaws.com" } }, { StringLike: { "iam:PassedToService": "*" } }]) {
            const messages = await resourceViolations(rule, policyWith({ Action: "iam:PassRole", Condition: condition }));
            assert.equal(messages.length, 1, JSON.stringify(condition));
            assert.match(messages[0], /iam:PassedToService/);
        }
    });

    it("reports iam:PassedToService patterns that still match every service, and accepts ones that name a service", async () => {
        for (const value of ["*.amazonaws.com", "*amazonaws*", "*.com", "*.amazonaws.com*", "?*.amazonaws.com", ["ec2.amazonaws.com", "*.amazonaws.com.cn"], "*.*"]) {
            const messages = await resourceViolations(rule, policyWith({ Action: "iam:PassRole", Condition: { StringLike: { "iam:PassedToService": value } } }));
            assert.equal(messages.length, 1, JSON.stringify(value));
            assert.match(messages[0], /names none/);
        }
        for (const value of ["emr-containers.amazonaws.com", "elasticmapreduce.amazonaws.com*", "eks*.amazonaws.com"]) {
            assert.deepEqual(await resourceViolations(rule, policyWith({ Action: "iam:PassRole", Condition: { StringLike: { "iam:PassedToService": value } } })), [], value);
        }
        // Under StringEquals a star is a literal character: it names no real service, so nothing is passed.
        assert.deepEqual(await resourceViolations(rule, policyWith({ Action: "iam:PassRole", Condition: { StringEquals: { "iam:PassedToService": "*.amazonaws.com" } } })), []);
    });
});

