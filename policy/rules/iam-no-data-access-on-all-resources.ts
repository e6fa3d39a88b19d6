// Reading or deleting data is what a leaked credential is used for. Data-plane actions - S3 object reads, writes
// and deletes, KMS decryption, Secrets Manager and SSM Parameter Store secret reads - must name the buckets, keys
// and secrets they apply to, never `Resource: "*"` (or an ARN that is all wildcards, or NotResource)
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege). Each statement's
// actions are expanded against the catalog, so `s3:Get*`, `s3:*Object`, `kms:De*` and `*:Get*` count.
//
// Refinement: a statement on `*` that is restricted to resources carrying a tag (StringEquals/StringLike on
// aws:ResourceTag/..., <service>:ResourceTag/... or s3:ExistingObjectTag/... with a concrete value) is accepted.
// It only reaches resources someone tagged for it; AWS documents this form for the Service Catalog launch role,
// which reads the template copies Service Catalog tags `servicecatalog:provisioning=true`
// (https://docs.aws.amazon.com/servicecatalog/latest/adminguide/constraints-launch.html).
import { expandActions } from "../lib/iam-action-catalog";
import { isResourceTagKey, reachesEveryResource, requiresConcreteValue } from "../lib/iam-conditions";
import { allowedIdentityStatementsOf, shortList, type LocatedStatement } from "../lib/iam-document-sources";
import { describeStatement } from "../lib/iam-policy-document";
import type { ResourceRule } from "../lib/types";

/** Data-plane actions, as exact names or patterns matched against the catalog's expansion (case-insensitive). */
export const DATA_ACTION_PATTERNS: readonly RegExp[] = [
    /^s3:(GetObject|PutObject|DeleteObject|RestoreObject|ReplicateObject|ReplicateDelete)/i,
    /^s3express:CreateSession$/i,
    /^kms:(Decrypt|ReEncryptFrom)$/i,
    /^secretsmanager:(GetSecretValue|BatchGetSecretValue)$/i,
    /^ssm:(GetParameter|GetParameters|GetParametersByPath|GetParameterHistory)$/i,
];

export function isDataAction(action: string): boolean {
    return DATA_ACTION_PATTERNS.some((pattern) => pattern.test(action));
}

export const iamNoDataAccessOnAllResources: ResourceRule = {
    kind: "resource",
    name: "iam-no-data-access-on-all-resources",
    description: "Data-plane actions (S3 object read/write/delete, KMS decrypt, secret and parameter reads) name their resources, never `*`.",
    enforcementLevel: "mandatory",
    async validateResource(resource, report) {
        for (const located of allowedIdentityStatementsOf(resource)) {
            const finding = await dataAccessFinding(located);
            if (finding !== undefined) {
                report(finding);
            }
        }
    },
};

/** What this rule reports for one Allow statement (also applied to AWS managed policies' documents). */
export async function dataAccessFinding({ located, statement }: LocatedStatement): Promise<string | undefined> {
    if (!reachesEveryResource(statement) || requiresConcreteValue(statement, isResourceTagKey)) {
        return undefined;
    }
    const data = [...(await expandActions(statement.actions))].filter(isDataAction);
    return data.length > 0 ? `${describeStatement(statement)} of \`${located.where}\` allows ${shortList(data)} on every resource: name the buckets, keys or secrets.` : undefined;
}
