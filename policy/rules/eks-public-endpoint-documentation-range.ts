// RFC 5737 reserves 192.0.2.0/24, 198.51.100.0/24 and 203.0.113.0/24 for documentation
// (https://www.rfc-editor.org/rfc/rfc5737): no network is ever assigned them, so no client connects from them. A
// public EKS endpoint that allows only such ranges admits nobody (https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html):
// an example value left in a stack file (the committed prod example uses 203.0.113.0/24). Advisory: the stack is
// safe, only unusable; `plan` prints the same warning as a caveat.
import { EKS_CLUSTER_TYPE } from "../lib/eks";
import type { ResourceRule } from "../lib/types";
import { objectAt, stringsOf } from "../lib/values";

const DOCUMENTATION_RANGES: readonly [number, number][] = [
    [ipv4("192.0.2.0"), 24],
    [ipv4("198.51.100.0"), 24],
    [ipv4("203.0.113.0"), 24],
];

function ipv4(address: string): number {
    return address.split(".").reduce((value, octet) => value * 256 + Number(octet), 0);
}

/** Whether the whole of `cidr` lies in a documentation range; false for anything that is not an IPv4 CIDR. */
export function isDocumentationRange(cidr: string): boolean {
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr.trim());
    if (!match || match.slice(1, 5).some((octet) => Number(octet) > 255) || Number(match[5]) > 32) {
        return false;
    }
    const address = ipv4(match.slice(1, 5).join("."));
    const prefix = Number(match[5]);
    return DOCUMENTATION_RANGES.some(([network, length]) =>
        prefix >= length && Math.floor(address / 2 ** (32 - length)) === Math.floor(network / 2 ** (32 - length)));
}

export const eksPublicEndpointDocumentationRange: ResourceRule = {
    kind: "resource",
    name: "eks-public-endpoint-documentation-range",
    description: "A public EKS API endpoint allows real networks, not RFC 5737 documentation-only ranges that no client has.",
    enforcementLevel: "advisory",
    validateResource(resource, report) {
        if (resource.type !== EKS_CLUSTER_TYPE) {
            return;
        }
        const vpcConfig = objectAt(resource.props["vpcConfig"]);
        if (vpcConfig["endpointPublicAccess"] === false) {
            return;
        }
        const documentation = stringsOf(vpcConfig["publicAccessCidrs"]).filter(isDocumentationRange);
        if (documentation.length === 0) {
            return;
        }
        const all = documentation.length === stringsOf(vpcConfig["publicAccessCidrs"]).length;
        report(`vpcConfig.publicAccessCidrs lists ${documentation.join(", ")}: documentation-only address space (RFC 5737) that no client `
            + (all ? "has, so nobody can reach the cluster's API endpoint" : "has; those entries admit nobody")
            + ": replace it with your office or VPN egress range.");
    },
};
