// A resource policy (S3 bucket policy, KMS key policy) grants access by itself: an Allow to `*`, `{"AWS": "*"}`,
// NotPrincipal or another account's principal opens the bucket or key to them without any IAM policy on their side
// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status,
// https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html). Deny statements are guards and
// may name `*`. An Allow to `*` is accepted only when a condition pins the caller to this account
// (aws:PrincipalAccount or kms:CallerAccount equal to it) - the form AWS's own default and service key policies use.
// The stack's account is read from the plan (lib/home-account.ts), hence a stack rule.
import { homeAccounts } from "../lib/home-account";
import { restrictingValues } from "../lib/iam-conditions";
import { policyDocumentsOf } from "../lib/iam-document-sources";
import { describeStatement, parsePolicyDocument } from "../lib/iam-policy-document";
import type { PolicyStatement } from "../lib/iam-policy-document";
import { principalProblems } from "../lib/iam-principals";
import type { StackRule } from "../lib/types";

const CALLER_ACCOUNT_KEYS = new Set(["aws:principalaccount", "kms:calleraccount"]);

function pinnedToAccounts(statement: PolicyStatement, home: ReadonlySet<string>): boolean {
    const restrictions = restrictingValues(statement, (key) => CALLER_ACCOUNT_KEYS.has(key));
    return home.size > 0 && restrictions.some((restriction) => restriction.values.length > 0 && restriction.values.every((value) => home.has(value)));
}

export const resourcePolicyPrincipalsScoped: StackRule = {
    kind: "stack",
    name: "resource-policy-principals-scoped",
    description: "Bucket and KMS key policies allow no `*` (unless pinned to this account), no NotPrincipal and no other account.",
    enforcementLevel: "mandatory",
    validateStack(stack, report) {
        const home = homeAccounts(stack);
        for (const resource of stack.resources) {
            for (const located of policyDocumentsOf(resource).filter((document) => document.kind === "resource")) {
                const parsed = parsePolicyDocument(located.document);
                if (!parsed.ok) {
                    continue; // reported by iam-policy-document-parsable
                }
                for (const statement of parsed.statements) {
                    for (const problem of principalProblems(statement, home, pinnedToAccounts(statement, home))) {
                        report(`${resource.name} (${resource.type}): ${describeStatement(statement)} of \`${located.where}\` ${problem}.`, resource.urn);
                    }
                }
            }
        }
    },
};
