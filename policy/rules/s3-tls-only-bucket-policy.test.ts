import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hardenedBucket } from "../lib/s3-bucket-fixture";
import { policyJson, resource, stackOf, stackViolations } from "../lib/testing";
import { deniesInsecureTransport, s3TlsOnlyBucketPolicy } from "./s3-tls-only-bucket-policy";

const rule = s3TlsOnlyBucketPolicy;
const BUCKET = "logs";
const BOTH = [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`];
const deny = (overrides: Record<string, unknown> = {}) =>
    policyJson({ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: BOTH, Condition: { Bool: { "aws:SecureTransport": "false" } }, ...overrides });

describe(rule.name, () => {
    it("accepts a bucket policy denying everyone every S3 action on the bucket and its objects over HTTP", async () => {
        const { bucket, bucketPolicy } = hardenedBucket();
        assert.deepEqual(await stackViolations(rule, stackOf([bucket, bucketPolicy])), []);
    });

    it("accepts the equivalent spellings: AWS *, Action *, Resource *, BoolIfExists, boolean or list values", async () => {
        for (const document of [
            deny({ Principal: { AWS: "*" } }),
            deny({ Principal: { AWS: ["*"] }, Action: ["*"] }),
            deny({ Resource: "*" }),
            deny({ Action: "S3:*", Resource: ["arn:aws:s3:::logs*", "arn:aws:s3:::logs/*"] }),
            deny({ Condition: { BoolIfExists: { "aws:SecureTransport": false } } }),
            deny({ Condition: { Bool: { "aws:SecureTransport": ["false"] } } }),
        ]) {
            assert.equal(await deniesInsecureTransport(document, BUCKET), true, document);
        }
    });

    it("rejects a deny that misses part of the requests it must cover", async () => {
        const cases: Record<string, string> = {
            "objects only": deny({ Resource: `arn:aws:s3:::${BUCKET}/*` }),
            "bucket only": deny({ Resource: `arn:aws:s3:::${BUCKET}` }),
            "another bucket": deny({ Resource: ["arn:aws:s3:::other", "arn:aws:s3:::other/*"] }),
            "one principal": deny({ Principal: { AWS: "arn:aws:iam::123456789012:root" } }),
            "NotPrincipal": deny({ Principal: undefined, NotPrincipal: { AWS: "arn:aws:iam::123456789012:role/admin" } }),
            "some actions": deny({ Action: ["s3:GetObject", "s3:PutObject"] }),
            "pattern short of s3:*": deny({ Action: "s3:Get*" }),
            "NotAction": deny({ Action: undefined, NotAction: "s3:GetObject" }),
            "NotResource": deny({ Resource: undefined, NotResource: "arn:aws:s3:::other" }),
            "extra condition narrows it": deny({ Condition: { Bool: { "aws:SecureTransport": "false" }, StringEquals: { "aws:PrincipalAccount": "123456789012" } } }),
            "SecureTransport true": deny({ Condition: { Bool: { "aws:SecureTransport": "true" } } }),
            "Allow instead of Deny": deny({ Effect: "Allow" }),
        };
        for (const [label, document] of Object.entries(cases)) {
            assert.equal(await deniesInsecureTransport(document, BUCKET), false, label);
        }
    });

    it("reports a bucket without a bucket policy, against the bucket", async () => {
        const { bucket } = hardenedBucket();
        const [violation] = await stackViolations(rule, stackOf([bucket]));
        assert.equal(violation.urn, bucket.urn);
        assert.match(violation.message, /aws:SecureTransport/);
    });

    it("reports a bucket whose policy only allows, or denies only object requests", async () => {
        const allowOnly = policyJson({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "s3:GetObject", Resource: "*" });
        for (const policy of [allowOnly, deny({ Resource: `arn:aws:s3:::${BUCKET}/*` })]) {
            const { bucket, bucketPolicy } = hardenedBucket({ policy });
            assert.equal((await stackViolations(rule, stackOf([bucket, bucketPolicy]))).length, 1);
        }
    });

    it("judges every bucket policy of a bucket: each replaces the others, so a second one without the deny is reported", async () => {
        const { bucket, bucketPolicy } = hardenedBucket();
        const later = resource("aws:s3/bucketPolicy:BucketPolicy", { bucket: BUCKET, policy: policyJson({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "s3:GetObject", Resource: `arn:aws:s3:::${BUCKET}/*` }) },
            { name: "logs-policy-2", dependsOn: [bucket] });
        const violations = await stackViolations(rule, stackOf([bucket, bucketPolicy, later]));
        assert.equal(violations.length, 1);
        assert.match(violations[0].message, /2 bucket policies .* logs-policy-2 does not deny plain HTTP/);
        const second = resource("aws:s3/bucketPolicy:BucketPolicy", { bucket: BUCKET, policy: deny() }, { name: "logs-policy-3", dependsOn: [bucket] });
        assert.deepEqual(await stackViolations(rule, stackOf([bucket, bucketPolicy, second])), []);
    });
});

