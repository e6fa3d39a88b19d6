// AWS managed `*FullAccess` and administrator policies grant far more than a workload needs and AWS can widen them
// at any time (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html). The reference
// app attached four of them to its EMR job role; this rule keeps that from coming back.
import { templateManagedPolicyArns, templateOf } from "../lib/cloudformation-templates";
import { ROLE_TYPE } from "../lib/iam-document-sources";
import type { ResourceRule } from "../lib/types";
import { stringsOf } from "../lib/values";

/**
 * Every way the provider attaches a managed policy: one `policyArn` (role, user, group and the legacy multi-principal
 * attachment), or a list `policyArns` (the `*PolicyAttachmentsExclusive` forms, which also detach everything else).
 * The `*PoliciesExclusive` forms name inline policies, whose documents RolePolicy/UserPolicy/GroupPolicy carry and the
 * document rules read.
 */
const ATTACHMENT_TYPES = new Set([
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    "aws:iam/policyAttachment:PolicyAttachment",
    "aws:iam/userPolicyAttachment:UserPolicyAttachment",
    "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
]);
const EXCLUSIVE_ATTACHMENT_TYPES = new Set([
    "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive",
    "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive",
    "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive",
]);

/** AWS managed policies live in the `aws` account of any partition: arn:aws[-cn|-us-gov]:iam::aws:policy/[path/]Name */
const AWS_MANAGED_POLICY_ARN = /^arn:aws[a-z-]*:iam::aws:policy\/(?:.*\/)?([^/]+)$/;

/** Names that grant a whole service or the whole account. */
export function isOverlyBroadManagedPolicy(policyArn: string): boolean {
    const match = AWS_MANAGED_POLICY_ARN.exec(policyArn);
    if (!match) {
        return false; // customer managed: its content is checked by the document rules
    }
    const policyName = match[1];
    return /FullAccess/i.test(policyName) || /^AdministratorAccess/i.test(policyName) || /^PowerUserAccess$/i.test(policyName);
}

export const iamNoFullAccessManagedPolicies: ResourceRule = {
    kind: "resource",
    name: "iam-no-full-access-managed-policies",
    description: "No AWS managed *FullAccess, AdministratorAccess or PowerUserAccess policy is attached.",
    enforcementLevel: "mandatory",
    validateResource(resource, report) {
        let attached: string[] = [];
        if (ATTACHMENT_TYPES.has(resource.type)) {
            attached = stringsOf(resource.props["policyArn"]);
        } else if (EXCLUSIVE_ATTACHMENT_TYPES.has(resource.type)) {
            attached = stringsOf(resource.props["policyArns"]);
        } else if (resource.type === ROLE_TYPE) {
            attached = stringsOf(resource.props["managedPolicyArns"]);
        }
        const template = templateOf(resource.type, resource.props);
        if (template !== undefined) {
            attached = templateManagedPolicyArns(template);
        }
        for (const policyArn of attached.filter(isOverlyBroadManagedPolicy)) {
            report(`Attaches ${policyArn}: write a policy with the actions and resources the role needs instead.`);
        }
    },
};
