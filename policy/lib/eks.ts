export const EKS_CLUSTER_TYPE = "aws:eks/cluster:Cluster";
export const EKS_NODE_GROUP_TYPE = "aws:eks/nodeGroup:NodeGroup";
