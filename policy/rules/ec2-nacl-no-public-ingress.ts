// Network ACLs are the subnet-level firewall. An inbound `allow` entry whose sources cover the internet
// (lib/cidr-coverage.ts: 0.0.0.0/0, ::/0 or ranges that together cover them) opens every instance of the subnet as
// far as the ACL is concerned. ACLs are stateless, so replies to outbound connections (NAT gateway traffic, node
// pulls) need inbound TCP/UDP on the ephemeral ports from anywhere
// (https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html): entries for TCP or UDP whose port
// range starts at 1024 or above and runs to 65535 are accepted for that reason. Everything else that is allowed in
// from the internet is reported. Entries come from aws:ec2/networkAcl and defaultNetworkAcl inline `ingress` blocks
// and aws:ec2/networkAclRule resources (egress false), grouped by ACL; deny entries are not credited (conservative).
import { describeCoverage, internetCoverage } from "../lib/cidr-coverage";
import type { ReviewedStackResource, StackRule } from "../lib/types";
import { isObject, listOf } from "../lib/values";

const ACL_TYPES = new Set(["aws:ec2/networkAcl:NetworkAcl", "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl"]);
const ACL_RULE_TYPE = "aws:ec2/networkAclRule:NetworkAclRule";
const HIGHEST_PORT = 65535;
const FIRST_EPHEMERAL_PORT = 1024;

interface AclEntry {
    readonly allow: boolean;
    readonly protocol: string;
    readonly fromPort: number | undefined;
    readonly toPort: number | undefined;
    readonly cidrs: string[];
}

/** Return traffic on ephemeral ports only: TCP (6) or UDP (17), ports N..65535 with N >= 1024. */
export function isEphemeralReturnEntry(entry: Pick<AclEntry, "protocol" | "fromPort" | "toPort">): boolean {
    const protocol = entry.protocol.toLowerCase();
    return (
        ["tcp", "udp", "6", "17"].includes(protocol) &&
        entry.fromPort !== undefined &&
        entry.fromPort >= FIRST_EPHEMERAL_PORT &&
        entry.toPort === HIGHEST_PORT
    );
}

const portOf = (value: unknown): number | undefined => (typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : undefined);

function inlineEntries(acl: ReviewedStackResource): AclEntry[] {
    return listOf(acl.props["ingress"]).filter(isObject).map((entry) => ({
        allow: String(entry["action"]).toLowerCase() === "allow",
        protocol: String(entry["protocol"] ?? ""),
        fromPort: portOf(entry["fromPort"]),
        toPort: portOf(entry["toPort"]),
        cidrs: [entry["cidrBlock"], entry["ipv6CidrBlock"]].filter((cidr): cidr is string => typeof cidr === "string" && cidr !== ""),
    }));
}

function ruleEntry(rule: ReviewedStackResource): AclEntry {
    return {
        allow: String(rule.props["ruleAction"]).toLowerCase() === "allow",
        protocol: String(rule.props["protocol"] ?? ""),
        fromPort: portOf(rule.props["fromPort"]),
        toPort: portOf(rule.props["toPort"]),
        cidrs: [rule.props["cidrBlock"], rule.props["ipv6CidrBlock"]].filter((cidr): cidr is string => typeof cidr === "string" && cidr !== ""),
    };
}

function aclOf(rule: ReviewedStackResource): string {
    const viaDependency = rule.propertyDependencies?.["networkAclId"]?.[0];
    const literal = rule.props["networkAclId"];
    return viaDependency ?? (typeof literal === "string" && literal !== "" ? `id:${literal}` : rule.urn);
}

export const ec2NaclNoPublicIngress: StackRule = {
    kind: "stack",
    name: "ec2-nacl-no-public-ingress",
    description: "No network ACL allows inbound traffic from sources covering 0.0.0.0/0 or ::/0, except TCP/UDP return traffic on ephemeral ports.",
    enforcementLevel: "mandatory",
    validateStack(stack, report) {
        const byAcl = new Map<string, { cidrs: string[]; resources: ReviewedStackResource[] }>();
        const add = (acl: string, resource: ReviewedStackResource, entries: AclEntry[]) => {
            const open = entries.filter((entry) => entry.allow && !isEphemeralReturnEntry(entry)).flatMap((entry) => entry.cidrs);
            if (open.length > 0) {
                const group = byAcl.get(acl) ?? { cidrs: [], resources: [] };
                group.cidrs.push(...open);
                group.resources.push(resource);
                byAcl.set(acl, group);
            }
        };
        for (const resource of stack.resources) {
            if (ACL_TYPES.has(resource.type)) {
                add(resource.urn, resource, inlineEntries(resource));
            } else if (resource.type === ACL_RULE_TYPE && resource.props["egress"] !== true) {
                add(aclOf(resource), resource, [ruleEntry(resource)]);
            }
        }
        for (const [acl, { cidrs, resources }] of byAcl) {
            const families = internetCoverage(cidrs);
            if (families.length > 0) {
                const owner = stack.resources.find((resource) => resource.urn === acl);
                report(
                    `Network ACL ${owner ? owner.name : acl.replace(/^id:/, "")} allows inbound traffic from ${describeCoverage(cidrs, families)} ` +
                        `(in ${resources.map((resource) => resource.name).join(", ")}): allow only the VPC's ranges, plus ephemeral ports for return traffic.`,
                    owner?.urn ?? resources[0].urn,
                );
            }
        }
    },
};
