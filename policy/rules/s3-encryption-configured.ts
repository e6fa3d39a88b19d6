// S3 encrypts new objects with SSE-S3 by default since January 2023, but the configuration is what states (and lets
// a review see) which key protects the data - SSE-S3, SSE-KMS or DSSE-KMS
// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html).
import { BUCKET_TYPES, ENCRYPTION_CONFIGURATION_TYPES, LEGACY_BUCKET_TYPE } from "../lib/s3-buckets";
import { dependentsOf, resourcesOfType } from "../lib/stack-graph";
import type { StackRule } from "../lib/types";
import { isObject, listOf, objectAt } from "../lib/values";

const SSE_ALGORITHMS = new Set(["AES256", "aws:kms", "aws:kms:dsse"]);

/** True when some rule of a configuration (`rules` on the V2 resource, `rule` inline on the legacy Bucket) sets an algorithm. */
export function setsDefaultEncryption(rules: unknown): boolean {
    return listOf(rules).some((rule) => {
        const byDefault = isObject(rule) ? listOf(rule["applyServerSideEncryptionByDefault"])[0] : undefined;
        return isObject(byDefault) && SSE_ALGORITHMS.has(String(byDefault["sseAlgorithm"]));
    });
}

export const s3EncryptionConfigured: StackRule = {
    kind: "stack",
    name: "s3-encryption-configured",
    description: "Every S3 bucket has a default server-side encryption configuration.",
    enforcementLevel: "mandatory",
    validateStack(stack, report) {
        for (const bucket of resourcesOfType(stack, BUCKET_TYPES)) {
            const inline =
                bucket.type === LEGACY_BUCKET_TYPE && setsDefaultEncryption(objectAt(listOf(bucket.props["serverSideEncryptionConfiguration"])[0])["rule"]);
            const separate = dependentsOf(stack, bucket, ENCRYPTION_CONFIGURATION_TYPES).some((configuration) =>
                setsDefaultEncryption(configuration.props["rules"]),
            );
            if (!inline && !separate) {
                report(
                    `Bucket ${bucket.name} has no server-side encryption configuration (${ENCRYPTION_CONFIGURATION_TYPES[0]} ` +
                        "depending on it with applyServerSideEncryptionByDefault.sseAlgorithm AES256, aws:kms or aws:kms:dsse).",
                    bucket.urn,
                );
            }
        }
    },
};
