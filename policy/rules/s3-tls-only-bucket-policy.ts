// S3 accepts plain HTTP unless a bucket policy denies requests where aws:SecureTransport is false
// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit). A statement only does
// that if it denies every request: Effect Deny; Principal `*` or {"AWS": "*"} (no NotPrincipal); an Action that
// covers every S3 action (`s3:*` or `*`, by catalog expansion; no NotAction); Resources that match both the bucket
// ARN and its objects (`arn:aws:s3:::<bucket>` and `arn:aws:s3:::<bucket>/*`, or `*`; no NotResource); and a
// condition consisting of nothing but Bool/BoolIfExists aws:SecureTransport = false (any further condition key would
// narrow the deny to the requests that also match it).
import { expandActionPattern } from "../lib/iam-action-catalog";
import { actionPatternMatches, hasWildcard, parsePolicyDocument } from "../lib/iam-policy-document";
import type { PolicyStatement } from "../lib/iam-policy-document";
import { isEveryone } from "../lib/iam-principals";
import { BUCKET_POLICY_TYPE, BUCKET_TYPES, companionsOf } from "../lib/s3-buckets";
import { resourcesOfType } from "../lib/stack-graph";
import type { StackRule } from "../lib/types";
import { listOf } from "../lib/values";

/** Operators under which `aws:SecureTransport: false` means "the request came over plain HTTP". */
const BOOLEAN_OPERATORS = new Set(["bool", "boolifexists"]);

export function conditionIsInsecureTransportOnly(statement: PolicyStatement): boolean {
    const entries = Object.entries(statement.condition).flatMap(([operator, keys]) => Object.entries(keys).map(([key, value]) => ({ operator, key, value })));
    return (
        entries.length === 1 &&
        BOOLEAN_OPERATORS.has(entries[0].operator.toLowerCase()) &&
        entries[0].key.toLowerCase() === "aws:securetransport" &&
        listOf(entries[0].value).length > 0 &&
        listOf(entries[0].value).every((flag) => String(flag).toLowerCase() === "false")
    );
}

async function coversEveryS3Action(statement: PolicyStatement): Promise<boolean> {
    for (const action of statement.actions) {
        if ((await expandActionPattern(action)).some((expansion) => expansion.service === "s3" && expansion.wholeService)) {
            return true;
        }
    }
    return false;
}

/** The resources must reach the bucket and every object in it (the bucket's name is taken from the ARN when unknown). */
function coversBucketAndObjects(statement: PolicyStatement, bucketName: string | undefined): boolean {
    if (statement.notResources.length > 0) {
        return false;
    }
    const normalized = statement.resources.map((resource) => resource.replace(/^arn:aws[a-z-]*:/, "arn:aws:"));
    const name =
        bucketName ??
        normalized.map((resource) => /^arn:aws:s3:::([^/]+)/.exec(resource)?.[1]).find((candidate) => candidate !== undefined && !hasWildcard(candidate)) ??
        "any-bucket-name";
    const matches = (arn: string) => normalized.some((resource) => actionPatternMatches(resource, arn));
    return matches(`arn:aws:s3:::${name}`) && matches(`arn:aws:s3:::${name}/any/object-key`);
}

/**
 * True when one statement of the document denies every principal (no NotPrincipal, no NotAction) every action that
 * {@code coversEveryAction} accepts, on what {@code reaches} accepts, under only "not over TLS": the shape AWS documents
 * for a TLS-only resource policy (S3 buckets, SQS queues).
 */
export async function deniesInsecureTransportTo(
    document: unknown,
    reaches: (statement: PolicyStatement) => boolean,
    coversEveryAction: (statement: PolicyStatement) => Promise<boolean>,
): Promise<boolean> {
    const parsed = parsePolicyDocument(document);
    if (!parsed.ok) {
        return false;
    }
    for (const statement of parsed.statements) {
        if (
            statement.effect === "Deny" &&
            statement.notPrincipal === undefined &&
            isEveryone(statement.principal) &&
            statement.notActions.length === 0 &&
            conditionIsInsecureTransportOnly(statement) &&
            reaches(statement) &&
            (await coversEveryAction(statement))
        ) {
            return true;
        }
    }
    return false;
}

/** True when the document denies every principal every S3 action on the bucket and its objects over plain HTTP. */
export async function deniesInsecureTransport(policyDocument: unknown, bucketName?: string): Promise<boolean> {
    return deniesInsecureTransportTo(policyDocument, (statement) => coversBucketAndObjects(statement, bucketName), coversEveryS3Action);
}

const knownName = (value: unknown): string | undefined => (typeof value === "string" && value !== "" && value !== "[secret]" ? value : undefined);

export const s3TlsOnlyBucketPolicy: StackRule = {
    kind: "stack",
    name: "s3-tls-only-bucket-policy",
    description: "Every S3 bucket has a bucket policy denying every principal every S3 action on the bucket and its objects when aws:SecureTransport is false.",
    enforcementLevel: "mandatory",
    async validateStack(stack, report) {
        for (const bucket of resourcesOfType(stack, BUCKET_TYPES)) {
            // A bucket has one policy: each BucketPolicy resource replaces it, so every one of them must deny plain HTTP.
            const policies = companionsOf(stack.resources, bucket, [BUCKET_POLICY_TYPE]);
            const failing: string[] = [];
            for (const policy of policies) {
                if (!(await deniesInsecureTransport(policy.props["policy"], knownName(bucket.props["bucket"]) ?? knownName(policy.props["bucket"])))) {
                    failing.push(policy.name);
                }
            }
            if (policies.length > 1 && failing.length > 0) {
                report(`Bucket ${bucket.name} has ${policies.length} bucket policies and the last applied replaces the others:`
                    + ` ${failing.join(", ")} does not deny plain HTTP (every one must).`, bucket.urn);
            } else if (failing.length > 0 || policies.length === 0) {
                report(
                    `Bucket ${bucket.name} has no ${BUCKET_POLICY_TYPE} depending on it with a statement that denies Principal "*" ` +
                        'Action "s3:*" on the bucket and its objects (arn:aws:s3:::<bucket> and arn:aws:s3:::<bucket>/*) under ' +
                        '{"Bool": {"aws:SecureTransport": "false"}} and no other condition.',
                    bucket.urn,
                );
            }
        }
    },
};
