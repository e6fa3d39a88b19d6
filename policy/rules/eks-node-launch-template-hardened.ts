// A managed node group's launch template can bring back what remoteAccess is refused for
// (eks-node-group-no-remote-access): an EC2 key pair (`keyName`, SSH with that key) and the instance metadata service
// without tokens (IMDSv1), whose credentials a server-side request forgery can read. EKS documents IMDSv2 with a hop
// limit of 2 for nodes whose pods still need IMDS, 1 otherwise
// (https://docs.aws.amazon.com/eks/latest/best-practices/identity-and-access-management.html#_restrict_access_to_the_instance_profile_assigned_to_the_worker_node,
// https://docs.aws.amazon.com/eks/latest/userguide/launch-templates.html). Required of every launch template a node
// group uses: no keyName; metadataOptions.httpTokens = "required" (stated, since the EC2 default depends on the
// AMI and account settings) unless httpEndpoint = "disabled"; httpPutResponseHopLimit at most 2. A template the
// stack does not create cannot be reviewed, so it is reported too.
import { EKS_NODE_GROUP_TYPE } from "../lib/eks";
import type { ReviewedStack, ReviewedStackResource, StackRule } from "../lib/types";
import { nonEmptyString, objectAt } from "../lib/values";

export const LAUNCH_TEMPLATE_TYPE = "aws:ec2/launchTemplate:LaunchTemplate";
export const MAX_HOP_LIMIT = 2;

/** The templates a node group's launchTemplate points at: by property dependency, by dependency, or by name. */
function templatesOf(stack: ReviewedStack, nodeGroup: ReviewedStackResource, reference: Record<string, unknown>): ReviewedStackResource[] {
    const templates = stack.resources.filter((resource) => resource.type === LAUNCH_TEMPLATE_TYPE);
    const viaProperty = nodeGroup.propertyDependencies?.["launchTemplate"];
    if (viaProperty && viaProperty.length > 0) {
        return templates.filter((template) => viaProperty.includes(template.urn));
    }
    const byName = templates.filter((template) => nonEmptyString(reference["name"]) && template.props["name"] === reference["name"]);
    return byName.length > 0 ? byName : templates.filter((template) => nodeGroup.dependencies.includes(template.urn));
}

export function launchTemplateProblems(template: ReviewedStackResource): string[] {
    const problems: string[] = [];
    if (nonEmptyString(template.props["keyName"])) {
        problems.push(`sets keyName "${template.props["keyName"]}" (SSH to the nodes): remove it and use SSM Session Manager or kubectl debug`);
    }
    const metadata = objectAt(template.props["metadataOptions"]);
    if (String(metadata["httpEndpoint"] ?? "enabled").toLowerCase() !== "disabled") {
        if (String(metadata["httpTokens"] ?? "").toLowerCase() !== "required") {
            problems.push(`has metadataOptions.httpTokens ${JSON.stringify(metadata["httpTokens"] ?? null)}, which allows IMDSv1: set it to "required"`);
        }
        const hopLimit = Number(metadata["httpPutResponseHopLimit"]);
        if (metadata["httpPutResponseHopLimit"] !== undefined && (!Number.isFinite(hopLimit) || hopLimit > MAX_HOP_LIMIT)) {
            problems.push(`has metadataOptions.httpPutResponseHopLimit ${JSON.stringify(metadata["httpPutResponseHopLimit"])}: at most ${MAX_HOP_LIMIT}`);
        }
    }
    return problems;
}

export const eksNodeLaunchTemplateHardened: StackRule = {
    kind: "stack",
    name: "eks-node-launch-template-hardened",
    description: `Launch templates of node groups set no keyName, require IMDSv2 (httpTokens=required) and a hop limit of at most ${MAX_HOP_LIMIT}.`,
    enforcementLevel: "mandatory",
    validateStack(stack, report) {
        for (const nodeGroup of stack.resources.filter((resource) => resource.type === EKS_NODE_GROUP_TYPE)) {
            const reference = nodeGroup.props["launchTemplate"];
            if (reference === undefined || reference === null) {
                continue;
            }
            const templates = templatesOf(stack, nodeGroup, objectAt(reference));
            if (templates.length === 0) {
                report(`Node group ${nodeGroup.name} uses launch template ${JSON.stringify(reference)}, which this stack does not create, so its SSH and IMDS settings cannot be reviewed.`, nodeGroup.urn);
            }
            for (const template of templates) {
                for (const problem of launchTemplateProblems(template)) {
                    report(`Launch template ${template.name} of node group ${nodeGroup.name} ${problem}.`, template.urn);
                }
            }
        }
    },
};
