// The three ways the AWS provider expresses an inbound security group rule.
import type { ReviewedResource } from "./types";
import { isObject, listOf, stringsOf } from "./values";

export const SECURITY_GROUP_TYPE = "aws:ec2/securityGroup:SecurityGroup";
/** The VPC's default group, adopted by the provider; it takes the same inline `ingress` blocks. */
export const DEFAULT_SECURITY_GROUP_TYPE = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
/** Legacy standalone rule: `type` is "ingress" or "egress", sources in cidrBlocks / ipv6CidrBlocks. */
export const SECURITY_GROUP_RULE_TYPE = "aws:ec2/securityGroupRule:SecurityGroupRule";
/** Current one-rule-per-resource form: source in cidrIpv4 / cidrIpv6 / referencedSecurityGroupId. */
export const SECURITY_GROUP_INGRESS_RULE_TYPE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

/** Inline `ingress` blocks of a SecurityGroup. */
export function inlineIngressRules(securityGroup: ReviewedResource): unknown[] {
    return securityGroup.type === SECURITY_GROUP_TYPE || securityGroup.type === DEFAULT_SECURITY_GROUP_TYPE ? listOf(securityGroup.props["ingress"]) : [];
}

/** True for a standalone resource that adds an inbound rule. */
export function isStandaloneIngressRule(resource: ReviewedResource): boolean {
    return (
        resource.type === SECURITY_GROUP_INGRESS_RULE_TYPE ||
        (resource.type === SECURITY_GROUP_RULE_TYPE && resource.props["type"] === "ingress")
    );
}

/** Every source CIDR a resource lets in, whichever of the three forms it uses. */
export function ingressSourceCidrs(resource: ReviewedResource): string[] {
    if (resource.type === SECURITY_GROUP_TYPE || resource.type === DEFAULT_SECURITY_GROUP_TYPE) {
        return inlineIngressRules(resource).flatMap((rule) =>
            isObject(rule) ? [...stringsOf(rule["cidrBlocks"]), ...stringsOf(rule["ipv6CidrBlocks"])] : [],
        );
    }
    if (resource.type === SECURITY_GROUP_RULE_TYPE && resource.props["type"] === "ingress") {
        return [...stringsOf(resource.props["cidrBlocks"]), ...stringsOf(resource.props["ipv6CidrBlocks"])];
    }
    if (resource.type === SECURITY_GROUP_INGRESS_RULE_TYPE) {
        return [...stringsOf(resource.props["cidrIpv4"]), ...stringsOf(resource.props["cidrIpv6"])];
    }
    return [];
}

export const MANAGED_PREFIX_LIST_TYPE = "aws:ec2/managedPrefixList:ManagedPrefixList";
export const MANAGED_PREFIX_LIST_ENTRY_TYPE = "aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry";

/** True when an inbound rule (in any of the three forms) takes sources from managed prefix lists. */
export function usesPrefixLists(resource: ReviewedResource): boolean {
    if (resource.type === SECURITY_GROUP_TYPE || resource.type === DEFAULT_SECURITY_GROUP_TYPE) {
        return inlineIngressRules(resource).some((rule) => isObject(rule) && stringsOf(rule["prefixListIds"]).length > 0);
    }
    if (resource.type === SECURITY_GROUP_RULE_TYPE && resource.props["type"] === "ingress") {
        return stringsOf(resource.props["prefixListIds"]).length > 0;
    }
    return resource.type === SECURITY_GROUP_INGRESS_RULE_TYPE && stringsOf(resource.props["prefixListId"]).length > 0;
}
