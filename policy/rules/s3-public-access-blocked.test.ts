import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hardenedBucket } from "../lib/s3-bucket-fixture";
import { resource, stackOf, stackViolations } from "../lib/testing";
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

    it("judges every block of a bucket: a second, weaker block (the last applied wins) is reported", async () => {
        const { bucket, publicAccessBlock } = hardenedBucket();
        const weaker = resource("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            { bucket: "logs", blockPublicAcls: true, blockPublicPolicy: false, ignorePublicAcls: true, restrictPublicBuckets: true }, { name: "logs-pab-2", dependsOn: [bucket] });
        const [violation, ...more] = await stackViolations(rule, stackOf([bucket, publicAccessBlock, weaker]));
        assert.equal(more.length, 0);
        assert.match(violation.message, /logs-pab-2 \(one of 2; the last applied wins\) does not set blockPublicPolicy/);
        // Written with the bucket's literal name and no dependency: still that bucket's block.
        const named = resource("aws:s3/bucketV2:BucketV2", { bucket: "data-lake-raw" }, { name: "raw" });
        const complete = resource("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            { bucket: "data-lake-raw", blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, { dependsOn: [named], name: "raw-pab" });
        const literal = resource("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            { bucket: "data-lake-raw", blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false }, { name: "raw-open" });
        assert.match((await stackViolations(rule, stackOf([named, complete, literal])))[0].message, /raw-open/);
    });
});

