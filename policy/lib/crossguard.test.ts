// The pack's adapter: rules reach CrossGuard with their metadata, the stack taken from URNs, and dependencies as URNs.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { PolicyResource, ResourceValidationArgs, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { ALL_RULES } from "../rules";
import { eksPublicEndpointRestricted } from "../rules/eks-public-endpoint-restricted";
import { s3PublicAccessBlocked } from "../rules/s3-public-access-blocked";
import { toCrossGuardPolicy } from "./crossguard";

const OPEN_CLUSTER = { version: "1.35", vpcConfig: { endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] } };

function resourceArgs(stack: string): ResourceValidationArgs {
    return {
        type: "aws:eks/cluster:Cluster",
        name: "eks",
        urn: `urn:pulumi:${stack}::big-data-stack::aws:eks/cluster:Cluster::eks`,
        props: OPEN_CLUSTER,
    } as unknown as ResourceValidationArgs;
}

function policyResource(type: string, name: string, props: Record<string, unknown>, dependencies: PolicyResource[] = []): PolicyResource {
    return { type, name, urn: `urn:pulumi:prod::big-data-stack::${type}::${name}`, props, dependencies, propertyDependencies: {} } as unknown as PolicyResource;
}

describe("toCrossGuardPolicy", () => {
    it("keeps every rule's name, description and level, with unique names", () => {
        const policies = ALL_RULES.map(toCrossGuardPolicy);
        assert.equal(new Set(policies.map((policy) => policy.name)).size, ALL_RULES.length);
        for (const [index, policy] of policies.entries()) {
            assert.equal(policy.enforcementLevel, ALL_RULES[index].enforcementLevel);
            assert.ok(policy.description.length > 0);
        }
    });

    it("derives the stack from the URN for stack-dependent resource rules", async () => {
        const policy = toCrossGuardPolicy(eksPublicEndpointRestricted) as ResourceValidationPolicy;
        const validate = policy.validateResource;
        assert.ok(typeof validate === "function");
        const reported: string[] = [];
        await validate(resourceArgs("prod"), (message) => reported.push(message));
        await validate(resourceArgs("dev"), (message) => reported.push(message));
        assert.equal(reported.length, 1); // prod only: dev is the advisory twin's
    });

    it("hands stack rules dependencies as URNs and passes the URN on", async () => {
        const policy = toCrossGuardPolicy(s3PublicAccessBlocked) as StackValidationPolicy;
        const bucket = policyResource("aws:s3/bucketV2:BucketV2", "logs", {});
        const block = policyResource(
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            "logs-pab",
            { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
            [bucket],
        );
        const reported: { message: string; urn?: string }[] = [];
        const report = (message: string, urn?: string) => reported.push({ message, urn });
        await policy.validateStack({ resources: [bucket, block] } as unknown as StackValidationArgs, report);
        assert.equal(reported.length, 0);
        await policy.validateStack({ resources: [bucket] } as unknown as StackValidationArgs, report);
        assert.equal(reported[0].urn, bucket.urn);
    });
});
