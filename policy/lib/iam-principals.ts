// Who an Allow statement lets in, read from Principal / NotPrincipal
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html). Principal may be
// `"*"`, or an object whose AWS / Service / Federated / CanonicalUser members are a string or a list. `"*"` and
// `{"AWS": "*"}` are everyone, authenticated or not; an AWS member may be an account id, an account root ARN, or a role
// or user ARN, and names that account either way.
import { accountOf } from "./home-account";
import type { PolicyStatement } from "./iam-policy-document";
import { hasWildcard } from "./iam-policy-document";
import { isObject, stringsOf } from "./values";

export interface PrincipalFinding {
    /** What is wrong, phrased to follow "statement N of `where` ...". */
    readonly problem: string;
}

/** AWS principal entries of a statement (from the object form), as written. */
export function awsPrincipals(principal: unknown): string[] {
    return isObject(principal) ? stringsOf(principal["AWS"]) : [];
}

export function servicePrincipals(principal: unknown): string[] {
    return isObject(principal) ? stringsOf(principal["Service"]) : [];
}

/** True for `"*"`, `["*"]`, or an AWS member containing a wildcard: anyone at all. */
export function isEveryone(principal: unknown): boolean {
    if (stringsOf(principal).some(hasWildcard)) {
        return true; // "*" given as a string (or, leniently, a list)
    }
    return awsPrincipals(principal).some(hasWildcard) || (isObject(principal) && stringsOf(principal["CanonicalUser"]).some(hasWildcard));
}

/**
 * Problems with who an Allow statement admits: NotPrincipal (everyone but the listed), everyone, or an AWS principal
 * of an account other than the home accounts. `everyoneAllowed` lets a caller accept `*` narrowed by a condition.
 */
export function principalProblems(statement: PolicyStatement, homeAccounts: ReadonlySet<string>, everyoneAllowed = false): string[] {
    if (statement.effect !== "Allow") {
        return [];
    }
    const problems: string[] = [];
    if (statement.notPrincipal !== undefined) {
        problems.push("combines Allow with NotPrincipal, which admits every principal not listed (anonymous ones included)");
    }
    if (isEveryone(statement.principal) && !everyoneAllowed) {
        problems.push(`admits every principal (${JSON.stringify(statement.principal)})`);
    }
    for (const entry of awsPrincipals(statement.principal).filter((principal) => !hasWildcard(principal))) {
        const account = accountOf(entry);
        if (account === undefined) {
            continue; // a unique principal ID (AROA...) or similar: IAM resolves it within its own account
        }
        if (homeAccounts.size === 0) {
            problems.push(`names account ${account} ("${entry}"), and this stack's own account could not be determined to compare it with`);
        } else if (!homeAccounts.has(account)) {
            problems.push(`admits account ${account} ("${entry}"), which is not this stack's account (${[...homeAccounts].join(", ")})`);
        }
    }
    return problems;
}
