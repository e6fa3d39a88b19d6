// Where IAM policy documents live among the AWS provider's resource inputs. Types are matched as token strings so
// the pack needs no @pulumi/aws dependency.
import { templateDocuments, templateOf } from "./cloudformation-templates";
import { parsePolicyDocument, type PolicyStatement } from "./iam-policy-document";
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
    // Roles and policies a template declares (a stack's body, a Service Catalog product's object) are created by
    // CloudFormation: judged like the provider's own.
    const template = templateOf(resource.type, props);
    if (template !== undefined) {
        return templateDocuments(template);
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

/** A statement together with the document it was found in (for messages). */
export interface LocatedStatement {
    readonly located: LocatedDocument;
    readonly statement: PolicyStatement;
}

/**
 * The Allow statements of the resource's identity policies (inline, managed, role-inline). Documents that cannot be
 * read are skipped: iam-policy-document-parsable reports them, and a secret one iam-policy-document-secret.
 */
export function allowedIdentityStatementsOf(resource: ReviewedResource): LocatedStatement[] {
    return policyDocumentsOf(resource)
        .filter((document) => document.kind === "identity")
        .flatMap(allowedStatementsOfDocument);
}

/** The Allow statements of one document (none when it cannot be read), e.g. an AWS managed policy's. */
export function allowedStatementsOfDocument(located: LocatedDocument): LocatedStatement[] {
    const parsed = parsePolicyDocument(located.document);
    return parsed.ok ? parsed.statements.filter((statement) => statement.effect === "Allow").map((statement) => ({ located, statement })) : [];
}

/** The statements of a role's trust policy (or of the roles a template declares); none for other types or an unreadable trust. */
export function trustStatementsOf(resource: ReviewedResource): PolicyStatement[] {
    if (resource.type !== ROLE_TYPE) {
        // Roles declared in a template (the only other place trust documents live); none for other types.
        return policyDocumentsOf(resource).filter((located) => located.kind === "trust").flatMap((located) => {
            const parsed = parsePolicyDocument(located.document);
            return parsed.ok ? [...parsed.statements] : [];
        });
    }
    const parsed = parsePolicyDocument(resource.props["assumeRolePolicy"]);
    return parsed.ok ? [...parsed.statements] : [];
}

/** At most six items, then how many more: policy statements can expand to hundreds of actions. */
export function shortList(items: readonly string[]): string {
    return items.length > 6 ? `${items.slice(0, 6).join(", ")} and ${items.length - 6} more` : items.join(", ");
}
