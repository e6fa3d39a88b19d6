// A public API endpoint is reachable from the whole internet unless publicAccessCidrs narrows it; EKS defaults to
// endpointPublicAccess = true and publicAccessCidrs = ["0.0.0.0/0"]
// (https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html). "Open" is computed, not spelled:
// CIDRs that together cover the internet (0.0.0.0/1 + 128.0.0.0/1, ...) count as 0.0.0.0/0 (lib/cidr-coverage.ts).
//
// Enforcement varies by stack, and CrossGuard enforcement levels are fixed per policy, so this one check is
// published twice: mandatory for every stack except `dev`, advisory for `dev` (where a developer's changing IP makes
// an allow-list a chore). The stack name comes from each resource's URN, so the pack and the offline checker agree.
import { describeCoverage, internetCoverage } from "../lib/cidr-coverage";
import { EKS_CLUSTER_TYPE } from "../lib/eks";
import type { ReportViolation, ResourceRule, ReviewedResource } from "../lib/types";
import { objectAt, stringsOf } from "../lib/values";

export const ADVISORY_ONLY_STACK = "dev";

/** The shared check behind both policies below. */
export function checkPublicEndpointRestricted(resource: ReviewedResource, report: ReportViolation): void {
    if (resource.type !== EKS_CLUSTER_TYPE) {
        return;
    }
    const vpcConfig = objectAt(resource.props["vpcConfig"]);
    if (vpcConfig["endpointPublicAccess"] === false) {
        return;
    }
    const cidrs = stringsOf(vpcConfig["publicAccessCidrs"]);
    if (cidrs.length === 0) {
        report("The API endpoint is public (endpointPublicAccess defaults to true) and vpcConfig.publicAccessCidrs is empty, i.e. 0.0.0.0/0: list the CIDRs that may reach it, or make it private.");
    } else if (internetCoverage(cidrs).length > 0) {
        report(`The API endpoint is public to ${describeCoverage(cidrs, internetCoverage(cidrs))}: narrow vpcConfig.publicAccessCidrs, or make it private.`);
    }
}

export const eksPublicEndpointRestricted: ResourceRule = {
    kind: "resource",
    name: "eks-public-endpoint-restricted",
    description: `A public EKS API endpoint lists the CIDRs allowed to reach it, which together do not cover 0.0.0.0/0 (stacks other than ${ADVISORY_ONLY_STACK}).`,
    enforcementLevel: "mandatory",
    appliesToStack: (stack) => stack !== ADVISORY_ONLY_STACK,
    validateResource: checkPublicEndpointRestricted,
};

export const eksPublicEndpointRestrictedDev: ResourceRule = {
    kind: "resource",
    name: "eks-public-endpoint-restricted-dev",
    description: `Advisory twin of eks-public-endpoint-restricted for the ${ADVISORY_ONLY_STACK} stack.`,
    enforcementLevel: "advisory",
    appliesToStack: (stack) => stack === ADVISORY_ONLY_STACK,
    validateResource: checkPublicEndpointRestricted,
};
