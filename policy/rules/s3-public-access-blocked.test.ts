import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hardenedBucket } from "../lib/s3-bucket-fixture";
import { stackOf, stackViolations } from "../lib/testing";
import { s3PublicAccessBlocked } from "./s3-public-access-blocked";

const rule = s3PublicAccessBlocked;

describe(rule.name, () => {
    it("accepts a bucket with a complete public access block depending on it", async () => {
        const { bucket, publicAccessBlock } = hardenedBucket();
        assert.deepEqual(await stackViolations(rule, stackOf([bucket, publicAccessBlock])), []);
    });

    it("reports a bucket without a public access block, on the bucket's URN", async () => {
        const { bucket } = hardenedBucket();
        const [violation] = await stackViolations(rule, stackOf([bucket]));
        assert.equal(violation.urn, bucket.urn);
        assert.match(violation.message, /has no aws:s3\/bucketPublicAccessBlock/);
    });

    it("reports a block that leaves a setting off", async () => {
        const { bucket, publicAccessBlock } = hardenedBucket({ publicAccessBlock: { restrictPublicBuckets: false } });
        const [violation] = await stackViolations(rule, stackOf([bucket, publicAccessBlock]));
        assert.match(violation.message, /does not set restrictPublicBuckets to true/);
    });

    it("does not count a block that does not depend on the bucket", async () => {
        const { bucket } = hardenedBucket();
        const other = hardenedBucket({ name: "other" }).publicAccessBlock; // depends on another bucket
        assert.equal((await stackViolations(rule, stackOf([bucket, other]))).length, 1);
    });
});
