// Nothing in this platform serves the internet: the EKS API has its own endpoint controls and users reach Studio
// through the AWS console. Inbound rules open to the internet are therefore always a mistake
// (https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html) - however they are written. A
// security group's inbound sources are collected from all three forms the AWS provider has (inline `ingress` blocks
// of SecurityGroup and DefaultSecurityGroup,
// aws:ec2/securityGroupRule type=ingress, aws:vpc/securityGroupIngressRule), grouped by the group they open, and
// their union is checked with lib/cidr-coverage.ts: 0.0.0.0/0, or 0.0.0.0/1 + 128.0.0.0/1 split across two rule
// resources, or ranges that skip only private space, all count as open. Ports are not considered: a group whose
// sources together reach the whole internet is reported even if no single port is open to all of them. A rule that
// takes its sources from a customer managed prefix list the stack creates gets that list's CIDRs (its inline
// `entries` and its ManagedPrefixListEntry resources): a list holding 0.0.0.0/0 is the same open door.
import { describeCoverage, internetCoverage } from "../lib/cidr-coverage";
import {
    DEFAULT_SECURITY_GROUP_TYPE,
    MANAGED_PREFIX_LIST_ENTRY_TYPE,
    MANAGED_PREFIX_LIST_TYPE,
    SECURITY_GROUP_TYPE,
    ingressSourceCidrs,
    isStandaloneIngressRule,
    usesPrefixLists,
} from "../lib/security-groups";
import type { ReviewedStack, ReviewedStackResource, StackRule } from "../lib/types";
import { isObject, listOf } from "../lib/values";

/** The CIDRs of the stack's managed prefix lists a rule depends on (entries inline and as separate resources). */
function prefixListCidrs(stack: ReviewedStack, rule: ReviewedStackResource): string[] {
    if (!usesPrefixLists(rule)) {
        return [];
    }
    const lists = stack.resources.filter((resource) => resource.type === MANAGED_PREFIX_LIST_TYPE && rule.dependencies.includes(resource.urn));
    const inline = lists.flatMap((list) => listOf(list.props["entries"]).map((entry) => (isObject(entry) ? entry["cidr"] : undefined)));
    const separate = stack.resources
        .filter((resource) => resource.type === MANAGED_PREFIX_LIST_ENTRY_TYPE && lists.some((list) => resource.dependencies.includes(list.urn)))
        .map((entry) => entry.props["cidr"]);
    return [...inline, ...separate].filter((cidr): cidr is string => typeof cidr === "string");
}

/** The group a standalone rule opens: through its securityGroupId dependency, else its literal id, else itself. */
function targetOf(rule: ReviewedStackResource): string {
    const viaDependency = rule.propertyDependencies?.["securityGroupId"]?.[0];
    if (viaDependency) {
        return viaDependency;
    }
    const literal = rule.props["securityGroupId"];
    return typeof literal === "string" && literal !== "" ? `id:${literal}` : rule.urn;
}

export const ec2NoPublicIngress: StackRule = {
    kind: "stack",
    name: "ec2-no-public-ingress",
    description: "No security group's inbound sources, across inline blocks and rule resources, together cover 0.0.0.0/0 or ::/0.",
    enforcementLevel: "mandatory",
    validateStack(stack, report) {
        const sources = new Map<string, { cidrs: string[]; resources: ReviewedStackResource[] }>();
        const add = (target: string, resource: ReviewedStackResource) => {
            const cidrs = [...ingressSourceCidrs(resource), ...prefixListCidrs(stack, resource)];
            if (cidrs.length === 0) {
                return;
            }
            const entry = sources.get(target) ?? { cidrs: [], resources: [] };
            entry.cidrs.push(...cidrs);
            entry.resources.push(resource);
            sources.set(target, entry);
        };
        for (const resource of stack.resources) {
            if (resource.type === SECURITY_GROUP_TYPE || resource.type === DEFAULT_SECURITY_GROUP_TYPE) {
                add(resource.urn, resource);
            } else if (isStandaloneIngressRule(resource)) {
                add(targetOf(resource), resource);
            }
        }
        for (const [target, { cidrs, resources }] of sources) {
            const families = internetCoverage(cidrs);
            if (families.length === 0) {
                continue;
            }
            const group = stack.resources.find((resource) => resource.urn === target);
            const names = resources.map((resource) => resource.name).join(", ");
            report(
                `Inbound traffic to security group ${group ? group.name : target.replace(/^id:/, "")} is allowed from ${describeCoverage(cidrs, families)} ` +
                    `(in ${names}): restrict the sources to the VPC or a security group.`,
                group?.urn ?? resources[0].urn,
            );
        }
    },
};
