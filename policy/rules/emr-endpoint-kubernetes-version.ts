// Advisory: AWS documents EMR on EKS interactive endpoints (the managed Jupyter Enterprise Gateway EMR Studio
// Workspaces attach to) for EKS clusters running Kubernetes "up to 1.30"
// (https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/prereqs-for-studio.html). This platform runs a
// version in EKS standard support (eks-supported-version), which is newer, so an endpoint is outside what AWS states it
// was tested with: a deliberate, opt-in choice (studioEndpoint), reported so nobody makes it unawares. The endpoint
// is found as a Cloud Control resource of type AWS::EMRContainers::Endpoint (how the program declares it) or inside a
// CloudFormation stack's template.
import { EKS_CLUSTER_TYPE } from "../lib/eks";
import type { ReviewedStackResource, StackRule } from "../lib/types";

export const ENDPOINT_CLOUDFORMATION_TYPE = "AWS::EMRContainers::Endpoint";
export const ENDPOINT_DOCUMENTED_UP_TO = "1.30";
const CLOUDFORMATION_STACK_TYPE = "aws:cloudformation/stack:Stack";
const CLOUD_CONTROL_RESOURCE_TYPE = "aws:cloudcontrol/resource:Resource";

/** Whether a resource declares an interactive endpoint. */
export function declaresInteractiveEndpoint(resource: ReviewedStackResource): boolean {
    if (resource.type === CLOUD_CONTROL_RESOURCE_TYPE) {
        return resource.props["typeName"] === ENDPOINT_CLOUDFORMATION_TYPE;
    }
    if (resource.type !== CLOUDFORMATION_STACK_TYPE || typeof resource.props["templateBody"] !== "string") {
        return false;
    }
    try {
        const template = JSON.parse(resource.props["templateBody"] as string) as { Resources?: Record<string, { Type?: unknown }> };
        return Object.values(template.Resources ?? {}).some((declared) => declared?.Type === ENDPOINT_CLOUDFORMATION_TYPE);
    } catch {
        return false; // a YAML or unparsable template: not ours, nothing to say
    }
}

/** `1.35` after `1.30`, numerically (so `1.9` is before `1.30`). */
export function isNewerThan(version: string, reference: string): boolean {
    const a = version.split(".").map(Number);
    const b = reference.split(".").map(Number);
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const x = a[i] ?? 0;
        const y = b[i] ?? 0;
        if (x !== y) {
            return x > y;
        }
    }
    return false;
}

export const emrEndpointKubernetesVersion: StackRule = {
    kind: "stack",
    name: "emr-endpoint-kubernetes-version",
    description: `EMR on EKS interactive endpoints run on clusters of Kubernetes up to ${ENDPOINT_DOCUMENTED_UP_TO}, the newest AWS documents them for.`,
    enforcementLevel: "advisory",
    validateStack(stack, report) {
        const endpoints = stack.resources.filter(declaresInteractiveEndpoint);
        if (endpoints.length === 0) {
            return;
        }
        const newer = stack.resources
            .filter((resource) => resource.type === EKS_CLUSTER_TYPE)
            .filter((cluster) => typeof cluster.props["version"] === "string" && isNewerThan(cluster.props["version"] as string, ENDPOINT_DOCUMENTED_UP_TO));
        for (const endpoint of endpoints) {
            for (const cluster of newer) {
                report(
                    `${endpoint.name} declares an EMR on EKS interactive endpoint, and EKS cluster ${cluster.name} runs Kubernetes ` +
                        `${cluster.props["version"]}; AWS documents interactive endpoints for Kubernetes up to ${ENDPOINT_DOCUMENTED_UP_TO} ` +
                        "(prereqs-for-studio.html): test a Workspace against it before users depend on it.",
                    endpoint.urn,
                );
            }
        }
    },
};
