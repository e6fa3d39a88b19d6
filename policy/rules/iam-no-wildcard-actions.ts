// Least privilege: an Allow that reaches every action of a service grants every present and future action of it,
// which is what IAM's best practices warn against
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege).
// The spelling does not matter: each Action entry is expanded against the IAM action catalog
// (lib/iam-action-catalog.ts) and reported when it matches every action some service has - `*`, `s3:*`, `IAM:?*`,
// `iam:*?`, `*:*` alike. Narrower patterns such as `ec2:Describe*` stay allowed here (iam-no-privilege-escalation and
// iam-no-data-access-on-all-resources judge what they reach). Allow + NotAction grants everything except the listed
// actions, and Allow + NotResource every resource except the listed ones: both are reported.
import { expandActionPattern } from "../lib/iam-action-catalog";
import { policyDocumentsOf, type LocatedDocument } from "../lib/iam-document-sources";
import { describeStatement, parsePolicyDocument } from "../lib/iam-policy-document";
import type { ResourceRule } from "../lib/types";

/** `*`, `s3:*`, `S3:**` as written: the whole action namespace of one service or of all of them. */
export function isServiceWideAction(action: string): boolean {
    return /^\*+$/.test(action) || /^[^:*?]+:\*+$/.test(action);
}

/** The services whose every action the pattern matches (by catalog expansion, or by spelling for unknown prefixes). */
export async function servicesReachedWhole(action: string): Promise<string[]> {
    const whole = (await expandActionPattern(action)).filter((expansion) => expansion.wholeService).map((expansion) => expansion.service);
    if (whole.length === 0 && isServiceWideAction(action)) {
        return [action.split(":")[0] || "*"];
    }
    return whole;
}

export const iamNoWildcardActions: ResourceRule = {
    kind: "resource",
    name: "iam-no-wildcard-actions",
    description: "IAM Allow statements reach no whole service however the pattern is spelled (`*`, `s3:*`, `iam:?*`, `*:*`), and use no NotAction or NotResource.",
    enforcementLevel: "mandatory",
    async validateResource(resource, report) {
        for (const located of policyDocumentsOf(resource)) {
            if (located.kind === "resource") {
                continue; // Resource policies name principals: resource-policy-principals-scoped judges them.
            }
            (await wildcardActionFindings(located)).forEach((message) => report(message));
        }
    },
};

/** What this rule reports for one identity or trust document (also applied to AWS managed policies' documents). */
export async function wildcardActionFindings(located: LocatedDocument): Promise<string[]> {
    const findings: string[] = [];
    const parsed = parsePolicyDocument(located.document);
    if (!parsed.ok) {
        return findings; // reported by iam-policy-document-parsable
    }
    for (const statement of parsed.statements.filter((candidate) => candidate.effect === "Allow")) {
        const where = `${describeStatement(statement)} of \`${located.where}\``;
        for (const action of statement.actions) {
            const services = await servicesReachedWhole(action);
            if (services.length > 0) {
                const reach = services.length > 3 ? `every action of ${services.length} services` : `every ${services.join(", ")} action`;
                findings.push(`${where} allows "${action}", which matches ${reach}: name the actions the workload needs instead.`);
            }
        }
        if (statement.notActions.length > 0) {
            findings.push(`${where} combines Allow with NotAction, which grants every action not listed: name the allowed actions instead.`);
        }
        if (statement.notResources.length > 0) {
            findings.push(`${where} combines Allow with NotResource, which grants the actions on every resource not listed: name the resources instead.`);
        }
    }
    return findings;
}
