// Least privilege: an Allow of `*` or `<service>:*` grants every present and future action of a service, which is
// what IAM's best practices warn against
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege).
// Narrower patterns such as `ec2:Describe*` stay allowed here; iam-actions-exist checks they match real actions.
// Allow + NotAction is reported too: it grants everything except the listed actions.
import { policyDocumentsOf } from "../lib/iam-document-sources";
import { describeStatement, parsePolicyDocument } from "../lib/iam-policy-document";
import type { ResourceRule } from "../lib/types";

/** `*`, `s3:*`, `S3:**`: the whole action namespace of one service or of all of them. */
export function isServiceWideAction(action: string): boolean {
    return /^\*+$/.test(action) || /^[^:*?]+:\*+$/.test(action);
}

export const iamNoWildcardActions: ResourceRule = {
    kind: "resource",
    name: "iam-no-wildcard-actions",
    description: "IAM Allow statements name actions: no `*`, no `<service>:*`, no NotAction.",
    enforcementLevel: "mandatory",
    validateResource(resource, report) {
        for (const located of policyDocumentsOf(resource)) {
            if (located.kind === "resource") {
                continue; // Bucket policies are mostly Deny guards; their Allows name principals outside this rule.
            }
            const parsed = parsePolicyDocument(located.document);
            if (!parsed.ok) {
                continue; // reported by iam-policy-document-parsable
            }
            for (const statement of parsed.statements.filter((candidate) => candidate.effect === "Allow")) {
                const broad = statement.actions.filter(isServiceWideAction);
                if (broad.length > 0) {
                    report(
                        `${describeStatement(statement)} of \`${located.where}\` allows ${broad.map((a) => `"${a}"`).join(", ")}: ` +
                            "name the actions the workload needs instead.",
                    );
                }
                if (statement.notActions.length > 0) {
                    report(
                        `${describeStatement(statement)} of \`${located.where}\` combines Allow with NotAction, ` +
                            "which grants every action not listed: name the allowed actions instead.",
                    );
                }
            }
        }
    },
};
