import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { policyJson, resource, stackOf, stackViolations } from "../lib/testing";
import { sqsQueueTlsOnly } from "./sqs-queue-tls-only";

const rule = sqsQueueTlsOnly;
const QUEUE = "aws:sqs/queue:Queue";
const ARN = "arn:aws:sqs:us-east-1:123456789012:dev-karpenter";
const DENY = { Sid: "DenyHTTP", Effect: "Deny", Principal: { AWS: "*" }, Action: "sqs:*", Resource: ARN, Condition: { Bool: { "aws:SecureTransport": "false" } } };
const ALLOW = { Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "sqs:SendMessage", Resource: ARN };

function withPolicy(document: string | undefined, inline = false) {
    const queue = resource(QUEUE, { name: "dev-karpenter", sqsManagedSseEnabled: true, ...(inline && document ? { policy: document } : {}) }, { name: "q" });
    if (inline || document === undefined) {
        return stackOf([queue]);
    }
    return stackOf([queue, resource("aws:sqs/queuePolicy:QueuePolicy", { queueUrl: "https://sqs/dev-karpenter", policy: document }, { propertyDependencies: { queueUrl: [queue] } })]);
}

describe(rule.name, () => {
    it("accepts a deny of every SQS action by anyone over plain HTTP, however spelled", async () => {
        const spellings: Record<string, unknown>[] = [
            DENY,
            { ...DENY, Principal: "*" },
            { ...DENY, Action: "*" },
            { ...DENY, Action: ["SQS:*"] },
            { ...DENY, Resource: "*" },
            { ...DENY, Resource: "arn:aws:sqs:*:*:dev-*" },
            { ...DENY, Condition: { BoolIfExists: { "aws:SecureTransport": ["false"] } } },
        ];
        for (const deny of spellings) {
            assert.deepEqual(await stackViolations(rule, withPolicy(policyJson(ALLOW, deny))), [], JSON.stringify(deny));
        }
        assert.deepEqual(await stackViolations(rule, withPolicy(policyJson(ALLOW, DENY), true)), []);
    });

    it("reports a queue without a policy, and every way around the deny", async () => {
        assert.match((await stackViolations(rule, withPolicy(undefined)))[0].message, /no queue policy/);
        const escapes: Record<string, unknown>[] = [
            { ...DENY, Effect: "Allow" },
            { ...DENY, Action: "sqs:SendMessage" },
            { ...DENY, Action: ["sqs:Send*", "sqs:Receive*"] },
            { ...DENY, Principal: { AWS: "arn:aws:iam::123456789012:root" } },
            { ...DENY, Condition: { Bool: { "aws:SecureTransport": "true" } } },
            { ...DENY, Condition: { Bool: { "aws:SecureTransport": "false" }, StringEquals: { "aws:SourceAccount": "123456789012" } } },
            { ...DENY, Resource: "arn:aws:sqs:us-east-1:123456789012:another-queue" },
            { ...DENY, Resource: "arn:aws:s3:::dev-karpenter" },
            { Sid: "d", Effect: "Deny", Principal: "*", NotAction: "sqs:ReceiveMessage", Resource: ARN, Condition: { Bool: { "aws:SecureTransport": "false" } } },
            { Sid: "d", Effect: "Deny", NotPrincipal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "sqs:*", Resource: ARN, Condition: { Bool: { "aws:SecureTransport": "false" } } },
        ];
        for (const deny of escapes) {
            const violations = await stackViolations(rule, withPolicy(policyJson(ALLOW, deny)));
            assert.equal(violations.length, 1, JSON.stringify(deny));
            assert.match(violations[0].message, /does not deny/);
        }
    });

    it("requires each of two policies to deny, since either may be the one SQS keeps", async () => {
        const queue = resource(QUEUE, { name: "dev-karpenter", policy: policyJson(ALLOW) }, { name: "q" });
        const separate = resource("aws:sqs/queuePolicy:QueuePolicy", { policy: policyJson(ALLOW, DENY) }, { dependsOn: [queue] });
        const violations = await stackViolations(rule, stackOf([queue, separate]));
        assert.equal(violations.length, 1);
        assert.match(violations[0].message, /q\.policy/);
    });
});
