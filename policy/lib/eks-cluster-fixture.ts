// An EKS cluster's inputs that satisfy every cluster rule; tests override one setting at a time.
import { COMMON_TAGS } from "./testing";

export function compliantClusterProps(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        name: "dev-eks",
        version: "1.35",
        roleArn: "arn:aws:iam::123456789012:role/dev-eks-cluster",
        accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: true },
        encryptionConfig: { provider: { keyArn: "arn:aws:kms:us-east-1:123456789012:key/abc" }, resources: ["secrets"] },
        enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
        vpcConfig: { subnetIds: ["subnet-1", "subnet-2"], endpointPrivateAccess: true, endpointPublicAccess: true, publicAccessCidrs: ["100.64.0.0/24"] },
        upgradePolicy: { supportType: "STANDARD" },
        tags: COMMON_TAGS,
        ...overrides,
    };
}
