// EMR Studio's workspace security group must have no inbound rules: it only talks out, to the engine security group
// on TCP 18888 and to Git on 443 (https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-studio-security-groups.html).
// The program marks that group with the tag `studio-security-group` = `workspace`.
//
// Standalone rules are tied to the group through the dependency graph. A rule may depend on the workspace group
// for two reasons: it targets it (`securityGroupId`), or it names it as a source (the engine group's inbound
// 18888 rule). To tell them apart, in order: the per-property dependencies (CrossGuard always has them; a plan may),
// else the workspace group's id as the Studio's `workspaceSecurityGroupId` input shows it, else - when the rule
// depends on no other security group - the workspace group must be its target.
import {
    SECURITY_GROUP_TYPE,
    inlineIngressRules,
    isStandaloneIngressRule,
} from "../lib/security-groups";
import { describeResource } from "../lib/stack-graph";
import type { ReviewedStack, ReviewedStackResource, StackRule } from "../lib/types";
import { objectAt } from "../lib/values";

export const STUDIO_SECURITY_GROUP_TAG = "studio-security-group";
export const WORKSPACE_TAG_VALUE = "workspace";
const STUDIO_TYPE = "aws:emr/studio:Studio";

function isWorkspaceSecurityGroup(resource: ReviewedStackResource): boolean {
    return resource.type === SECURITY_GROUP_TYPE && objectAt(resource.props["tags"])[STUDIO_SECURITY_GROUP_TAG] === WORKSPACE_TAG_VALUE;
}

/** The workspace group's id as some Studio received it, when a Studio depends on the group. */
function workspaceGroupIdFromStudio(stack: ReviewedStack, workspace: ReviewedStackResource): string | undefined {
    for (const studio of stack.resources.filter((resource) => resource.type === STUDIO_TYPE)) {
        const fedBy = studio.propertyDependencies?.["workspaceSecurityGroupId"];
        const points = fedBy ? fedBy.includes(workspace.urn) : studio.dependencies.includes(workspace.urn);
        const id = studio.props["workspaceSecurityGroupId"];
        if (points && typeof id === "string") {
            return id;
        }
    }
    return undefined;
}

function targetsGroup(stack: ReviewedStack, rule: ReviewedStackResource, group: ReviewedStackResource): boolean {
    if (!rule.dependencies.includes(group.urn)) {
        return false;
    }
    const targetDependencies = rule.propertyDependencies?.["securityGroupId"];
    if (targetDependencies) {
        return targetDependencies.includes(group.urn);
    }
    const groupId = workspaceGroupIdFromStudio(stack, group);
    if (groupId !== undefined && typeof rule.props["securityGroupId"] === "string") {
        return rule.props["securityGroupId"] === groupId;
    }
    const otherGroups = stack.resources.filter(
        (resource) => resource.type === SECURITY_GROUP_TYPE && resource.urn !== group.urn && rule.dependencies.includes(resource.urn),
    );
    return otherGroups.length === 0;
}

export const studioWorkspaceSgNoIngress: StackRule = {
    kind: "stack",
    name: "studio-workspace-sg-no-ingress",
    description: `The EMR Studio workspace security group (tag ${STUDIO_SECURITY_GROUP_TAG}=${WORKSPACE_TAG_VALUE}) has no inbound rules.`,
    enforcementLevel: "mandatory",
    validateStack(stack, report) {
        for (const workspace of stack.resources.filter(isWorkspaceSecurityGroup)) {
            if (inlineIngressRules(workspace).length > 0) {
                report(`Workspace security group ${workspace.name} has inline ingress rules: Studio workspaces need none.`, workspace.urn);
            }
            for (const rule of stack.resources.filter((resource) => isStandaloneIngressRule(resource) && targetsGroup(stack, resource, workspace))) {
                report(`${describeResource(rule)} adds an inbound rule to the workspace security group ${workspace.name}: Studio workspaces need none.`, rule.urn);
            }
        }
    },
};
