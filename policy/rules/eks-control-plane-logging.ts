// Without control plane logs there is no record of who did what to the cluster (audit), what the API server refused
// (api) or which IAM identity logged in (authenticator)
// (https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html).
import { EKS_CLUSTER_TYPE } from "../lib/eks";
import type { ResourceRule } from "../lib/types";
import { stringsOf } from "../lib/values";

export const REQUIRED_CONTROL_PLANE_LOG_TYPES = ["api", "audit", "authenticator"] as const;

export const eksControlPlaneLogging: ResourceRule = {
    kind: "resource",
    name: "eks-control-plane-logging",
    description: "EKS clusters send at least the api, audit and authenticator control plane logs to CloudWatch.",
    enforcementLevel: "mandatory",
    validateResource(resource, report) {
        if (resource.type !== EKS_CLUSTER_TYPE) {
            return;
        }
        const enabled = stringsOf(resource.props["enabledClusterLogTypes"]);
        const missing = REQUIRED_CONTROL_PLANE_LOG_TYPES.filter((logType) => !enabled.includes(logType));
        if (missing.length > 0) {
            report(`enabledClusterLogTypes lacks ${missing.join(", ")}.`);
        }
    },
};
