import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hardenedBucket } from "../lib/s3-bucket-fixture";
import { policyJson, stackOf, stackViolations } from "../lib/testing";
import { deniesInsecureTransport, s3TlsOnlyBucketPolicy } from "./s3-tls-only-bucket-policy";

const rule = s3TlsOnlyBucketPolicy;

describe(rule.name, () => {
    it("accepts a bucket policy denying aws:SecureTransport = false", async () => {
        const { bucket, bucketPolicy } = hardenedBucket();
        assert.deepEqual(await stackViolations(rule, stackOf([bucket, bucketPolicy])), []);
    });

    it("accepts the condition value as a boolean or in a list", () => {
        const deny = (value: unknown) => policyJson({ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": value } } });
        assert.equal(deniesInsecureTransport(deny(false)), true);
        assert.equal(deniesInsecureTransport(deny(["false"])), true);
        assert.equal(deniesInsecureTransport(deny("true")), false);
    });

    it("reports a bucket without a bucket policy", async () => {
        const { bucket } = hardenedBucket();
        const [violation] = await stackViolations(rule, stackOf([bucket]));
        assert.equal(violation.urn, bucket.urn);
        assert.match(violation.message, /aws:SecureTransport/);
    });

    it("reports a bucket policy that only allows", async () => {
        const allowOnly = policyJson({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "s3:GetObject", Resource: "*" });
        const { bucket, bucketPolicy } = hardenedBucket({ policy: allowOnly });
        assert.equal((await stackViolations(rule, stackOf([bucket, bucketPolicy]))).length, 1);
    });
});
