// S3 accepts plain HTTP unless a bucket policy denies requests where aws:SecureTransport is false
// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit).
import { parsePolicyDocument } from "../lib/iam-policy-document";
import { BUCKET_POLICY_TYPE, BUCKET_TYPES } from "../lib/s3-buckets";
import { dependentsOf, resourcesOfType } from "../lib/stack-graph";
import type { StackRule } from "../lib/types";
import { listOf } from "../lib/values";

/** Operators under which `aws:SecureTransport: false` means "the request came over plain HTTP". */
const BOOLEAN_OPERATORS = new Set(["bool", "boolifexists"]);

/** True when the document has a Deny statement conditioned on aws:SecureTransport = false. */
export function deniesInsecureTransport(policyDocument: unknown): boolean {
    const parsed = parsePolicyDocument(policyDocument);
    if (!parsed.ok) {
        return false;
    }
    return parsed.statements.some(
        (statement) =>
            statement.effect === "Deny" &&
            Object.entries(statement.condition).some(
                ([operator, keys]) =>
                    BOOLEAN_OPERATORS.has(operator.toLowerCase()) &&
                    Object.entries(keys).some(
                        ([key, value]) =>
                            key.toLowerCase() === "aws:securetransport" && listOf(value).some((flag) => String(flag).toLowerCase() === "false"),
                    ),
            ),
    );
}

export const s3TlsOnlyBucketPolicy: StackRule = {
    kind: "stack",
    name: "s3-tls-only-bucket-policy",
    description: "Every S3 bucket has a bucket policy denying requests with aws:SecureTransport = false.",
    enforcementLevel: "mandatory",
    validateStack(stack, report) {
        for (const bucket of resourcesOfType(stack, BUCKET_TYPES)) {
            const policies = dependentsOf(stack, bucket, [BUCKET_POLICY_TYPE]);
            if (!policies.some((policy) => deniesInsecureTransport(policy.props["policy"]))) {
                report(
                    `Bucket ${bucket.name} has no ${BUCKET_POLICY_TYPE} depending on it with a Deny statement on ` +
                        '{"Bool": {"aws:SecureTransport": "false"}}.',
                    bucket.urn,
                );
            }
        }
    },
};
