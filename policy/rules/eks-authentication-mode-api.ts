// Clusters created through the API default to CONFIG_MAP authentication, i.e. the aws-auth ConfigMap, which EKS has
// deprecated in favour of access entries (and which EMR on EKS needs to create its own access entry)
// (https://docs.aws.amazon.com/eks/latest/userguide/grant-k8s-access.html#set-cam).
import { EKS_CLUSTER_TYPE } from "../lib/eks";
import type { ResourceRule } from "../lib/types";
import { objectAt } from "../lib/values";

export const eksAuthenticationModeApi: ResourceRule = {
    kind: "resource",
    name: "eks-authentication-mode-api",
    description: "EKS clusters set accessConfig.authenticationMode explicitly to API or API_AND_CONFIG_MAP.",
    enforcementLevel: "mandatory",
    validateResource(resource, report) {
        if (resource.type !== EKS_CLUSTER_TYPE) {
            return;
        }
        const mode = objectAt(resource.props["accessConfig"])["authenticationMode"];
        if (mode === undefined) {
            report("accessConfig.authenticationMode is not set, so EKS uses CONFIG_MAP: set it to API.");
        } else if (mode !== "API" && mode !== "API_AND_CONFIG_MAP") {
            report(`accessConfig.authenticationMode is ${JSON.stringify(mode)}: use API (access entries), not the aws-auth ConfigMap.`);
        }
    },
};
