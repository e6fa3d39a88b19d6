import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hardenedBucket } from "../lib/s3-bucket-fixture";
import { resource, stackOf, stackViolations } from "../lib/testing";
import { s3EncryptionConfigured } from "./s3-encryption-configured";

const rule = s3EncryptionConfigured;

describe(rule.name, () => {
    it("accepts a V2 encryption configuration depending on the bucket", async () => {
        const { bucket, encryption } = hardenedBucket();
        assert.deepEqual(await stackViolations(rule, stackOf([bucket, encryption])), []);
    });

    it("accepts inline encryption on a legacy Bucket", async () => {
        const legacy = resource("aws:s3/bucket:Bucket", {
            serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } } },
        });
        assert.deepEqual(await stackViolations(rule, stackOf([legacy])), []);
    });

    it("reports a bucket without encryption configuration", async () => {
        const { bucket } = hardenedBucket();
        const [violation] = await stackViolations(rule, stackOf([bucket]));
        assert.equal(violation.urn, bucket.urn);
        assert.match(violation.message, /no server-side encryption configuration/);
    });

    it("reports a configuration without a default algorithm", async () => {
        const { bucket, encryption } = hardenedBucket({ encryptionRules: [{ bucketKeyEnabled: true }] });
        assert.equal((await stackViolations(rule, stackOf([bucket, encryption]))).length, 1);
    });
});
