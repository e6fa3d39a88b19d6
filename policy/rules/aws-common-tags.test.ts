import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { COMMON_TAGS, resource, resourceViolations } from "../lib/testing";
import { awsCommonTags } from "./aws-common-tags";

const rule = awsCommonTags;

describe(rule.name, () => {
    it("accepts the common tags on a taggable resource, and ignores untaggable types", async () => {
        assert.deepEqual(await resourceViolations(rule, resource("aws:ec2/vpc:Vpc", { cidrBlock: "10.0.0.0/16", tags: { ...COMMON_TAGS, Name: "dev-vpc" } })), []);
        assert.deepEqual(await resourceViolations(rule, resource("aws:ec2/route:Route", {})), []);
    });

    it("counts the provider's defaultTags, given as an object or JSON-encoded", async () => {
        const provider = (defaultTags: unknown) => ({ type: "pulumi:providers:aws", urn: "urn:pulumi:dev::p::pulumi:providers:aws::aws", props: { defaultTags } });
        const viaObject = resource("aws:kms/key:Key", {}, { provider: provider({ tags: COMMON_TAGS }) });
        const viaJson = resource("aws:kms/key:Key", { tags: { Name: "k" } }, { provider: provider(JSON.stringify({ tags: COMMON_TAGS })) });
        assert.deepEqual(await resourceViolations(rule, viaObject), []);
        assert.deepEqual(await resourceViolations(rule, viaJson), []);
    });

    it("reports missing, empty and wrong tags", async () => {
        const untagged = resource("aws:s3/bucketV2:BucketV2", {});
        assert.match((await resourceViolations(rule, untagged))[0], /"project" is missing; tag "stack" is missing; tag "managed-by" is missing/);
        const wrong = resource("aws:eks/cluster:Cluster", { tags: { project: " ", stack: "prod", "managed-by": "terraform" } });
        const [message] = await resourceViolations(rule, wrong);
        assert.match(message, /"project" is empty/);
        assert.match(message, /"stack" is "prod" but the stack is "dev"/);
        assert.match(message, /"managed-by" is "terraform", expected "pulumi"/);
    });
});
