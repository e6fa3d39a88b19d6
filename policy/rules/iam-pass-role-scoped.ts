// iam:PassRole lets a principal hand a role to a service (EC2, EMR, Lambda, ...) and so act with that role's
// permissions. It must name the roles (never `*` or every role) and say which service may receive them with an
// iam:PassedToService condition (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html,
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html#awsidentityandaccessmanagementiam-policy-keys).
// Actions are expanded against the catalog, so `iam:Pass*`, `iam:*Role`, `IAM:passrole` count as PassRole.
import { containsAction, expandActions } from "../lib/iam-action-catalog";
import { SERVICE_PRINCIPAL_PROBES, reachesEveryResource, requiresConcreteValue } from "../lib/iam-conditions";
import { allowedIdentityStatementsOf } from "../lib/iam-document-sources";
import { describeStatement } from "../lib/iam-policy-document";
import type { ResourceRule } from "../lib/types";

const PASS_ROLE = "iam:PassRole";

export const iamPassRoleScoped: ResourceRule = {
    kind: "resource",
    name: "iam-pass-role-scoped",
    description: "iam:PassRole (however spelled) names its roles, never `*`, and carries an iam:PassedToService condition.",
    enforcementLevel: "mandatory",
    async validateResource(resource, report) {
        for (const { located, statement } of allowedIdentityStatementsOf(resource)) {
            if (!containsAction(await expandActions(statement.actions), PASS_ROLE)) {
                continue;
            }
            const where = `${describeStatement(statement)} of \`${located.where}\``;
            if (reachesEveryResource(statement)) {
                report(`${where} allows iam:PassRole on every role: name the role ARNs to pass.`);
            }
            // A StringLike pattern such as `*.amazonaws.com` or `*amazonaws*` names no service: it matches them all.
            if (!requiresConcreteValue(statement, (key) => key === "iam:passedtoservice", SERVICE_PRINCIPAL_PROBES)) {
                report(`${where} allows iam:PassRole without a StringEquals/StringLike "iam:PassedToService" condition that names a service`
                    + ` (a pattern matching every service, such as *.amazonaws.com, names none): name the service that receives the role.`);
            }
        }
    },
};
