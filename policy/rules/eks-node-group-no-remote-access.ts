// remoteAccess opens SSH (port 22) to the nodes from the given security groups, or from anywhere when none are
// given (https://docs.aws.amazon.com/eks/latest/APIReference/API_RemoteAccessConfig.html). Use SSM Session Manager
// or `kubectl debug node/...` instead.
import { EKS_NODE_GROUP_TYPE } from "../lib/eks";
import type { ResourceRule } from "../lib/types";

export const eksNodeGroupNoRemoteAccess: ResourceRule = {
    kind: "resource",
    name: "eks-node-group-no-remote-access",
    description: "EKS managed node groups do not configure remoteAccess (SSH).",
    enforcementLevel: "mandatory",
    validateResource(resource, report) {
        const remoteAccess = resource.props["remoteAccess"];
        if (resource.type === EKS_NODE_GROUP_TYPE && remoteAccess !== undefined && remoteAccess !== null) {
            report("remoteAccess enables SSH to the nodes: remove it and use SSM Session Manager or kubectl debug.");
        }
    },
};
