// Nodes Karpenter launches get their instance metadata and volumes from their EC2NodeClass
// (https://karpenter.sh/v1.14/concepts/nodeclasses/#specmetadataoptions, #specblockdevicemappings). Pods must not reach
// the node role's credentials through IMDS: IMDSv2 required (httpTokens: required) with a response hop limit of 1, so
// a token request from a pod's network namespace never gets an answer (EKS best practices,
// https://docs.aws.amazon.com/eks/latest/best-practices/identity-and-access-management.html#_restrict_access_to_the_instance_profile_assigned_to_the_worker_node),
// unless IMDS is off (httpEndpoint: disabled). Every EBS volume it maps is encrypted (ebs.encrypted: true). Both must be
// stated: Karpenter's defaults move between versions and an omitted block is not reviewable. Found wherever the plan
// carries an EC2NodeClass (its own resource of any karpenter.k8s.aws version, or inside a yaml ConfigGroup).
import { kubernetesObjectsOf } from "../lib/kubernetes";
import type { ResourceRule } from "../lib/types";
import { isObject, listOf, objectAt } from "../lib/values";

export const REQUIRED_HOP_LIMIT = 1;

export function nodeClassProblems(object: Record<string, unknown>): string[] {
    const problems: string[] = [];
    const apiVersion = String(object["apiVersion"] ?? "");
    if (apiVersion !== "" && !apiVersion.startsWith("karpenter.k8s.aws/")) {
        return problems; // another group's kind of the same name
    }
    const spec = objectAt(object["spec"]);
    const metadata = spec["metadataOptions"];
    if (!isObject(metadata)) {
        problems.push("states no spec.metadataOptions: set httpTokens \"required\" and httpPutResponseHopLimit 1");
    } else if (metadata["httpEndpoint"] !== "disabled") {
        if (metadata["httpTokens"] !== "required") {
            problems.push(`has metadataOptions.httpTokens ${JSON.stringify(metadata["httpTokens"] ?? null)}, which allows IMDSv1: set it to "required"`);
        }
        if (metadata["httpPutResponseHopLimit"] !== REQUIRED_HOP_LIMIT) {
            problems.push(`has metadataOptions.httpPutResponseHopLimit ${JSON.stringify(metadata["httpPutResponseHopLimit"] ?? null)}: set it to ${REQUIRED_HOP_LIMIT} so pods cannot reach IMDS`);
        }
    }
    const mappings = listOf(spec["blockDeviceMappings"]);
    if (mappings.length === 0) {
        problems.push("states no spec.blockDeviceMappings: map the root volume with ebs.encrypted true");
    }
    mappings.forEach((mapping, index) => {
        const ebs = objectAt(objectAt(mapping)["ebs"]);
        if (ebs["encrypted"] !== true) {
            problems.push(`has blockDeviceMappings[${index}] (${JSON.stringify(objectAt(mapping)["deviceName"] ?? null)}) with ebs.encrypted ${JSON.stringify(ebs["encrypted"] ?? null)}: set it to true`);
        }
    });
    return problems;
}

export const karpenterNodeClassHardened: ResourceRule = {
    kind: "resource",
    name: "karpenter-node-class-hardened",
    description: `EC2NodeClasses require IMDSv2 (httpTokens required) with hop limit ${REQUIRED_HOP_LIMIT} and encrypt every EBS volume they map.`,
    enforcementLevel: "mandatory",
    validateResource(resource, report) {
        for (const located of kubernetesObjectsOf(resource)) {
            if (located.kind !== "EC2NodeClass") {
                continue;
            }
            if (resource.type.startsWith("kubernetes:") && !resource.type.startsWith("kubernetes:karpenter.k8s.aws/") && !resource.type.startsWith("kubernetes:yaml")) {
                continue;
            }
            for (const problem of nodeClassProblems(located.object)) {
                report(`${located.where} ${problem}.`);
            }
        }
    },
};
