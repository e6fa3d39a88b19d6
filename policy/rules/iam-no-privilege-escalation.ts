// IAM write actions on every role, user or policy let a principal grant itself anything: put or attach a policy,
// create a policy version or access key, update a trust policy, pass any role to a service
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege; the classes are those of
// AWS's own IAM Access Analyzer "privilege escalation" checks). The set below is expanded against the IAM action
// catalog once, and every Allow statement's actions are expanded too, so `iam:Put*`, `iam:*Role*`, `IAM:attach*`,
// `iam:?*` or `*:*` are judged by what they reach. Scoped resources (`arn:aws:iam::<acct>:role/<prefix>-*`) are fine;
// `*`, `arn:aws:iam::*:role/*` and NotResource are not (lib/iam-conditions.ts, isUnscopedResource).
//
// Refinement: iam:CreateServiceLinkedRole on `*` is accepted when conditioned on iam:AWSServiceName with concrete
// values. A service-linked role's permissions and trust are fixed by AWS for the named service, so the caller gains
// nothing it could choose; the AWS Load Balancer Controller's upstream policy does exactly this for
// elasticloadbalancing.amazonaws.com (https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html).
// Without the condition it stays reported.
import { expandActions } from "../lib/iam-action-catalog";
import { SERVICE_PRINCIPAL_PROBES, reachesEveryResource, requiresConcreteValue } from "../lib/iam-conditions";
import { allowedIdentityStatementsOf, shortList, type LocatedStatement } from "../lib/iam-document-sources";
import { describeStatement } from "../lib/iam-policy-document";
import type { ResourceRule } from "../lib/types";

/** Patterns of IAM actions that change who may do what. Expanded against the catalog in escalationActions(). */
export const ESCALATION_PATTERNS = [
    "iam:Put*",
    "iam:Attach*",
    "iam:Create*",
    "iam:Pass*",
    "iam:Update*",
    "iam:AddUserToGroup",
    "iam:AddRoleToInstanceProfile",
    "iam:SetDefaultPolicyVersion",
    "iam:Delete*PermissionsBoundary",
] as const;

const SERVICE_LINKED_ROLE_ACTION = "iam:createservicelinkedrole";

let escalation: Promise<Set<string>> | undefined;

/** The catalog's privilege-escalation actions, lower-cased `iam:action`. */
export function escalationActions(): Promise<Set<string>> {
    escalation ??= expandActions(ESCALATION_PATTERNS).then((actions) => new Set([...actions].map((action) => action.toLowerCase())));
    return escalation;
}

export const iamNoPrivilegeEscalation: ResourceRule = {
    kind: "resource",
    name: "iam-no-privilege-escalation",
    description: "No Allow statement grants IAM privilege-escalation actions (iam:Put*/Attach*/Create*/Pass*/Update*, ...) on every resource, however spelled.",
    enforcementLevel: "mandatory",
    async validateResource(resource, report) {
        for (const located of allowedIdentityStatementsOf(resource)) {
            const finding = await privilegeEscalationFinding(located);
            if (finding !== undefined) {
                report(finding);
            }
        }
    },
};

/** What this rule reports for one Allow statement (also applied to AWS managed policies' documents). */
export async function privilegeEscalationFinding({ located, statement }: LocatedStatement): Promise<string | undefined> {
    if (!reachesEveryResource(statement)) {
        return undefined;
    }
    const dangerous = await escalationActions();
    const granted = [...(await expandActions(statement.actions))].filter((action) => dangerous.has(action.toLowerCase()));
    const serviceLinkedOnly = requiresConcreteValue(statement, (key) => key === "iam:awsservicename", SERVICE_PRINCIPAL_PROBES);
    const reported = granted.filter((action) => !(serviceLinkedOnly && action.toLowerCase() === SERVICE_LINKED_ROLE_ACTION));
    return reported.length > 0
        ? `${describeStatement(statement)} of \`${located.where}\` allows ${shortList(reported)} (from ${statement.actions.map((a) => `"${a}"`).join(", ")}) ` +
              "on every resource: scope Resource to the roles, users or policies this workload manages."
        : undefined;
}
