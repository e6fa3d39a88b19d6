// Where IAM policy documents live among the AWS provider's resource inputs. Types are matched as token strings so
// the pack needs no @pulumi/aws dependency.
import type { ReviewedResource } from "./types";
import { isObject, listOf } from "./values";

/** identity: grants to a principal; trust: who may assume a role; resource: a policy attached to a resource. */
export type DocumentKind = "identity" | "trust" | "resource";

export interface LocatedDocument {
    readonly kind: DocumentKind;
    /** Where the document sits in the resource's inputs, e.g. `inlinePolicies[0] (logs)`. */
    readonly where: string;
    /** The raw input value: the provider takes these as JSON strings. */
    readonly document: unknown;
}

export const ROLE_TYPE = "aws:iam/role:Role";

/** Resources whose `policy` input is an identity policy document. */
const IDENTITY_POLICY_TYPES = new Set([
    "aws:iam/policy:Policy",
    "aws:iam/rolePolicy:RolePolicy",
    "aws:iam/userPolicy:UserPolicy",
    "aws:iam/groupPolicy:GroupPolicy",
]);

/** Resources whose `policy` input is a resource-based policy. */
const RESOURCE_POLICY_TYPES = new Set(["aws:s3/bucketPolicy:BucketPolicy", "aws:kms/keyPolicy:KeyPolicy"]);

/**
 * Resources whose `policy` input is an optional resource-based policy: a KMS key without one gets AWS's default key
 * policy (this account's root), and the legacy Bucket's inline policy is usually absent.
 */
const OPTIONAL_RESOURCE_POLICY_TYPES = new Set(["aws:kms/key:Key", "aws:s3/bucket:Bucket"]);

export function policyDocumentsOf(resource: ReviewedResource): LocatedDocument[] {
    const props = resource.props;
    if (IDENTITY_POLICY_TYPES.has(resource.type)) {
        return [{ kind: "identity", where: "policy", document: props["policy"] }];
    }
    if (RESOURCE_POLICY_TYPES.has(resource.type)) {
        return [{ kind: "resource", where: "policy", document: props["policy"] }];
    }
    if (OPTIONAL_RESOURCE_POLICY_TYPES.has(resource.type)) {
        const policy = props["policy"];
        return policy === undefined || policy === null || policy === "" ? [] : [{ kind: "resource", where: "policy", document: policy }];
    }
    if (resource.type !== ROLE_TYPE) {
        return [];
    }
    const documents: LocatedDocument[] = [{ kind: "trust", where: "assumeRolePolicy", document: props["assumeRolePolicy"] }];
    for (const [index, inline] of listOf(props["inlinePolicies"]).entries()) {
        // An inline entry without a policy is how the provider is told to remove inline policies: nothing to check.
        if (isObject(inline) && inline["policy"] !== undefined && inline["policy"] !== "") {
            const label = typeof inline["name"] === "string" ? ` (${inline["name"]})` : "";
            documents.push({ kind: "identity", where: `inlinePolicies[${index}]${label}`, document: inline["policy"] });
        }
    }
    return documents;
}
