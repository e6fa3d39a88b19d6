// AWS managed `*FullAccess` and administrator policies grant far more than a workload needs and AWS can widen them
// at any time (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html). The reference
// app attached four of them to its EMR job role; this rule keeps that from coming back.
//
// Names are not enough: `AmazonS3ReadOnlyAccess` reads every bucket, and a harmless-sounding name can grant `*`. So
// every AWS managed policy attached (by any attachment kind below, or as a ManagedPolicyArns entry of a CloudFormation
// template) is also judged by its latest document in a pinned copy of AWS's managed policies
// (lib/aws-managed-policies.ts), with the judgements the pack applies to inline documents: iam-no-wildcard-actions,
// iam-no-data-access-on-all-resources and iam-no-privilege-escalation. A policy missing from the pinned data cannot be
// judged and is reported. AWS managed policies that AWS documents as required for what this program builds, and that
// trip a content check, are allowed by exact name and path in REQUIRED_AWS_MANAGED_POLICIES, each with its source.
import { MANAGED_POLICIES_PACKAGE, parseAwsManagedPolicyArn, pinnedManagedPolicy, type ManagedPolicySource } from "../lib/aws-managed-policies";
import { templateManagedPolicyArns, templateOf } from "../lib/cloudformation-templates";
import { allowedStatementsOfDocument, ROLE_TYPE } from "../lib/iam-document-sources";
import type { ReportViolation, ResourceRule, ReviewedResource } from "../lib/types";
import { stringsOf } from "../lib/values";
import { dataAccessFinding } from "./iam-no-data-access-on-all-resources";
import { privilegeEscalationFinding } from "./iam-no-privilege-escalation";
import { wildcardActionFindings } from "./iam-no-wildcard-actions";

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

/** Names that grant a whole service or the whole account. */
export function isOverlyBroadManagedPolicy(policyArn: string): boolean {
    const parsed = parseAwsManagedPolicyArn(policyArn);
    if (!parsed) {
        return false; // customer managed: its content is checked by the document rules
    }
    const policyName = parsed.name;
    return /FullAccess/i.test(policyName) || /^AdministratorAccess/i.test(policyName) || /^PowerUserAccess$/i.test(policyName);
}

/**
 * AWS managed policies AWS documents as required for what this program builds and whose content trips one of the
 * content checks; keyed by `path/Name` (any partition). Only the findings are waived, for exactly these policies:
 * the same content under any other name is still reported.
 */
export const REQUIRED_AWS_MANAGED_POLICIES: ReadonlyMap<string, string> = new Map([
    // Karpenter's node role (addons/KarpenterAws.java, as Karpenter's getting-started guide gives it:
    // https://karpenter.sh/v1.14/getting-started/getting-started-with-karpenter/). Its statement 0 allows
    // ssm:GetParameter and ssm:GetParameters on `*` (the data-access check): SSM Agent reads its documents'
    // parameters. AWS documents this policy as the instance permissions a Systems Manager managed node needs.
    ["AmazonSSMManagedInstanceCore", "https://docs.aws.amazon.com/systems-manager/latest/userguide/setup-instance-permissions.html"],
]);

/** The attached managed policy ARNs, by every attachment kind this rule knows. */
export function attachedPolicyArns(resource: ReviewedResource): string[] {
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
    return attached;
}

/**
 * Judges one AWS managed policy by its latest document (nothing for customer managed ARNs: the document rules read
 * those where they are declared). `source` is the pinned data unless a test supplies another.
 */
export async function judgeAwsManagedPolicy(policyArn: string, report: ReportViolation, source: ManagedPolicySource = pinnedManagedPolicy): Promise<void> {
    const parsed = parseAwsManagedPolicyArn(policyArn);
    if (parsed === undefined) {
        return;
    }
    const found = source(parsed);
    if (!found.ok) {
        report(`Attaches ${policyArn}, which cannot be judged: ${found.reason}. Attach a customer managed policy with the actions and resources needed, or update the pinned package if AWS added the policy since.`);
        return;
    }
    if (REQUIRED_AWS_MANAGED_POLICIES.has(`${parsed.path}${parsed.name}`)) {
        return;
    }
    const located = { kind: "identity" as const, where: `AWS managed ${parsed.path}${parsed.name} ${found.versionId} (${MANAGED_POLICIES_PACKAGE})`, document: found.document };
    const findings = [...(await wildcardActionFindings(located))];
    for (const statement of allowedStatementsOfDocument(located)) {
        for (const finding of [await dataAccessFinding(statement), await privilegeEscalationFinding(statement)]) {
            if (finding !== undefined) {
                findings.push(finding);
            }
        }
    }
    for (const finding of findings) {
        report(`Attaches ${policyArn}: its ${finding}`);
    }
}

export const iamNoFullAccessManagedPolicies: ResourceRule = {
    kind: "resource",
    name: "iam-no-full-access-managed-policies",
    description:
        "No AWS managed *FullAccess, AdministratorAccess or PowerUserAccess policy is attached, and every attached AWS managed policy's document passes the wildcard, data-access and privilege-escalation checks (or cannot be judged: reported).",
    enforcementLevel: "mandatory",
    async validateResource(resource, report) {
        const attached = attachedPolicyArns(resource);
        for (const policyArn of attached.filter(isOverlyBroadManagedPolicy)) {
            report(`Attaches ${policyArn}: write a policy with the actions and resources the role needs instead.`);
        }
        for (const policyArn of new Set(attached)) {
            await judgeAwsManagedPolicy(policyArn, report);
        }
    },
};
