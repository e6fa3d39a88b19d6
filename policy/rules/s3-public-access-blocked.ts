// New buckets block public access by default since April 2023, but only an explicit BucketPublicAccessBlock with all
// four settings keeps a later ACL or policy change from making data public, and makes the intent reviewable
// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html).
import { BUCKET_TYPES, PUBLIC_ACCESS_BLOCK_TYPE, companionsOf } from "../lib/s3-buckets";
import { resourcesOfType } from "../lib/stack-graph";
import type { StackRule } from "../lib/types";

export const PUBLIC_ACCESS_BLOCK_SETTINGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

export const s3PublicAccessBlocked: StackRule = {
    kind: "stack",
    name: "s3-public-access-blocked",
    description: "Every S3 bucket has a BucketPublicAccessBlock with all four settings true.",
    enforcementLevel: "mandatory",
    validateStack(stack, report) {
        for (const bucket of resourcesOfType(stack, BUCKET_TYPES)) {
            // Every block of the bucket (by dependency or by its literal name): the last one applied wins, so each must comply.
            const blocks = companionsOf(stack.resources, bucket, [PUBLIC_ACCESS_BLOCK_TYPE]);
            if (blocks.length === 0) {
                report(`Bucket ${bucket.name} has no ${PUBLIC_ACCESS_BLOCK_TYPE} depending on it.`, bucket.urn);
                continue;
            }
            for (const block of blocks) {
                const missing = PUBLIC_ACCESS_BLOCK_SETTINGS.filter((setting) => block.props[setting] !== true);
                if (missing.length > 0) {
                    report(`Bucket ${bucket.name}'s public access block ${block.name}${blocks.length > 1 ? ` (one of ${blocks.length}; the last applied wins)` : ""}`
                        + ` does not set ${missing.join(", ")} to true.`, bucket.urn);
                }
            }
        }
    },
};
