// The S3 resource family: a bucket plus separate configuration resources that point at it (AWS provider v6 split
// the legacy Bucket's inline blocks into BucketV2 + one resource per concern).
export const BUCKET_V2_TYPE = "aws:s3/bucketV2:BucketV2";
export const LEGACY_BUCKET_TYPE = "aws:s3/bucket:Bucket";
export const BUCKET_TYPES = [BUCKET_V2_TYPE, LEGACY_BUCKET_TYPE] as const;

export const PUBLIC_ACCESS_BLOCK_TYPE = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
export const BUCKET_POLICY_TYPE = "aws:s3/bucketPolicy:BucketPolicy";
export const ENCRYPTION_CONFIGURATION_TYPES = [
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    // The name the same resource has in AWS provider v7, so the rule survives an upgrade.
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
] as const;

/** A bucket name known at plan time (not empty, not a secret). */
export const knownBucketName = (value: unknown): string | undefined =>
    typeof value === "string" && value !== "" && value !== "[secret]" ? value : undefined;

/**
 * The configuration resources of one bucket: those that depend on it, and those whose `bucket` input names it when
 * its name is known (a second block or policy written with the literal name has no dependency on the bucket). S3
 * keeps one public access block and one policy per bucket and the last applied wins, so a rule must judge each.
 */
export function companionsOf<T extends { urn: string; type: string; dependencies: readonly string[]; props: Record<string, unknown> }>(
    resources: readonly T[], bucket: T, types: readonly string[]): T[] {
    const name = knownBucketName(bucket.props["bucket"]);
    return resources.filter((resource) => types.includes(resource.type)
        && (resource.dependencies.includes(bucket.urn) || (name !== undefined && knownBucketName(resource.props["bucket"]) === name)));
}
