import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { policyJson, resource, resourceViolations } from "../lib/testing";
import { emrStartJobRunRoleScoped } from "./emr-start-job-run-role-scoped";

const rule = emrStartJobRunRoleScoped;
const CLUSTER = "arn:aws:emr-containers:us-east-1:123456789012:/virtualclusters/abc123";
const ROLE = "arn:aws:iam::123456789012:role/big-data-stack-dev-analytics-emr-job";
const TEMPLATE = "arn:aws:emr-containers:us-east-1:123456789012:/jobtemplates/t123";
const policyWith = (statement: Record<string, unknown>, type = "aws:iam/policy:Policy") =>
    resource(type, { policy: policyJson({ Effect: "Allow", Action: "emr-containers:StartJobRun", Resource: CLUSTER, ...statement }) });

describe(rule.name, () => {
    it("accepts the program's two statements: role pinned, or template plus role when present", async () => {
        assert.deepEqual(await resourceViolations(rule, policyWith({ Condition: { ArnEquals: { "emr-containers:ExecutionRoleArn": ROLE } } })), []);
        assert.deepEqual(await resourceViolations(rule, policyWith({ Condition: { ArnEquals: { "emr-containers:JobTemplateArn": TEMPLATE },
            ArnEqualsIfExists: { "emr-containers:ExecutionRoleArn": ROLE } } })), []);
        assert.deepEqual(await resourceViolations(rule, policyWith({ Condition: { StringLike: { "EMR-Containers:executionRoleArn": "arn:aws:iam::123456789012:role/team-a-*" } } })), []);
        assert.deepEqual(await resourceViolations(rule, policyWith({ Action: "emr-containers:DescribeJobRun", Resource: `${CLUSTER}/jobruns/*` })), []);
    });

    it("reports StartJobRun with no role condition, however the action is spelt and wherever the policy is", async () => {
        for (const action of ["emr-containers:StartJobRun", "EMR-CONTAINERS:startjobrun", "emr-containers:Start*", "emr-containers:*JobRun", ["emr-containers:Describe*", "emr-containers:St?rtJobRun"]]) {
            const messages = await resourceViolations(rule, policyWith({ Action: action }));
            assert.equal(messages.length, 1, JSON.stringify(action));
            assert.match(messages[0], /any execution role/);
        }
        for (const type of ["aws:iam/rolePolicy:RolePolicy", "aws:iam/userPolicy:UserPolicy", "aws:iam/groupPolicy:GroupPolicy"]) {
            assert.equal((await resourceViolations(rule, policyWith({}, type))).length, 1, type);
        }
        const role = resource("aws:iam/role:Role", { assumeRolePolicy: policyJson({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }),
            inlinePolicies: [{ name: "submit", policy: policyJson({ Effect: "Allow", Action: "emr-containers:StartJobRun", Resource: CLUSTER }) }] });
        assert.equal((await resourceViolations(rule, role)).length, 1);
        // Allow + NotAction grants StartJobRun unless it lists it.
        assert.equal((await resourceViolations(rule, resource("aws:iam/policy:Policy", { policy: policyJson({ Effect: "Allow", NotAction: "s3:*", Resource: CLUSTER }) }))).length, 1);
    });

    it("reports a role condition that pins nothing: wildcards, every role, IfExists alone, negated, or only the template", async () => {
        for (const condition of [
            { ArnLike: { "emr-containers:ExecutionRoleArn": "*" } },
            { ArnLike: { "emr-containers:ExecutionRoleArn": "arn:aws:iam::*:role/*" } },
            { ArnEquals: { "emr-containers:ExecutionRoleArn": [ROLE, "arn:aws:iam::123456789012:role/*"] } },
            { ArnEqualsIfExists: { "emr-containers:ExecutionRoleArn": ROLE } },
            { ArnNotEquals: { "emr-containers:ExecutionRoleArn": "arn:aws:iam::123456789012:role/admin" } },
            { ArnEquals: { "emr-containers:JobTemplateArn": TEMPLATE } },
            { ArnEquals: { "emr-containers:JobTemplateArn": "arn:aws:emr-containers:*:*:/jobtemplates/*" }, ArnEqualsIfExists: { "emr-containers:ExecutionRoleArn": ROLE } },
        ]) {
            const messages = await resourceViolations(rule, policyWith({ Condition: condition }));
            assert.equal(messages.length, 1, JSON.stringify(condition));
            assert.match(messages[0], /any execution role/);
        }
    });

    it("reports StartJobRun on every virtual cluster", async () => {
        for (const resourceArn of ["*", "arn:aws:emr-containers:*:*:/virtualclusters/*"]) {
            const messages = await resourceViolations(rule, policyWith({ Resource: resourceArn, Condition: { ArnEquals: { "emr-containers:ExecutionRoleArn": ROLE } } }));
            assert.equal(messages.length, 1, resourceArn);
            assert.match(messages[0], /every virtual cluster/);
        }
    });
});
