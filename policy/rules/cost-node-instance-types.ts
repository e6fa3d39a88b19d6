// Advisory: instance types outside the list in data/instance-types.ts are not wrong, but should be a conscious
// choice (see the reasoning there).
import { ALLOWED_INSTANCE_TYPES, EKS_DEFAULT_INSTANCE_TYPE } from "../data/instance-types";
import { EKS_NODE_GROUP_TYPE } from "../lib/eks";
import type { ResourceRule } from "../lib/types";
import { stringsOf } from "../lib/values";

export const costNodeInstanceTypes: ResourceRule = {
    kind: "resource",
    name: "cost-node-instance-types",
    description: "EKS node groups use instance types from the allow-list in data/instance-types.ts.",
    enforcementLevel: "advisory",
    validateResource(resource, report) {
        if (resource.type !== EKS_NODE_GROUP_TYPE) {
            return;
        }
        const instanceTypes = stringsOf(resource.props["instanceTypes"]);
        if (instanceTypes.length === 0) {
            report(`instanceTypes is not set, so EKS launches ${EKS_DEFAULT_INSTANCE_TYPE} (burstable): name types from the allow-list.`);
            return;
        }
        const outside = instanceTypes.filter((instanceType) => !ALLOWED_INSTANCE_TYPES.has(instanceType));
        if (outside.length > 0) {
            report(`instanceTypes includes ${outside.join(", ")}, outside the allow-list (m/c/r families, large..4xlarge).`);
        }
    },
};
