// A hardened bucket and its companions, shared by the S3 rule tests; each test removes or breaks one piece.
import { policyJson, resource } from "./testing";
import type { ReviewedStackResource } from "./types";

export interface BucketParts {
    readonly bucket: ReviewedStackResource;
    readonly publicAccessBlock: ReviewedStackResource;
    readonly encryption: ReviewedStackResource;
    readonly bucketPolicy: ReviewedStackResource;
}

/** The TLS-only policy for one bucket: deny everyone every S3 action on the bucket and its objects over plain HTTP. */
export function tlsOnlyPolicy(bucketName: string): string {
    return policyJson({
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [`arn:aws:s3:::${bucketName}`, `arn:aws:s3:::${bucketName}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
    });
}


export interface BucketOverrides {
    readonly name?: string;
    readonly publicAccessBlock?: Record<string, unknown>;
    readonly encryptionRules?: unknown;
    readonly policy?: string;
}

export function hardenedBucket(overrides: BucketOverrides = {}): BucketParts {
    const name = overrides.name ?? "logs";
    const bucket = resource("aws:s3/bucketV2:BucketV2", { forceDestroy: true }, { name });
    const publicAccessBlock = resource(
        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
        { bucket: name, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true, ...overrides.publicAccessBlock },
        { name: `${name}-pab`, dependsOn: [bucket] },
    );
    const encryption = resource(
        "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
        { bucket: name, rules: overrides.encryptionRules ?? [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }] },
        { name: `${name}-sse`, dependsOn: [bucket] },
    );
    const bucketPolicy = resource("aws:s3/bucketPolicy:BucketPolicy", { bucket: name, policy: overrides.policy ?? tlsOnlyPolicy(name) }, { name: `${name}-policy`, dependsOn: [bucket] });
    return { bucket, publicAccessBlock, encryption, bucketPolicy };
}
