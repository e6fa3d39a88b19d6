// An unpinned version follows whatever EKS defaults to on creation; an old one lands in extended support at six
// times the control plane price. The list lives in data/eks-versions.ts.
import { SUPPORTED_EKS_VERSIONS } from "../data/eks-versions";
import { EKS_CLUSTER_TYPE } from "../lib/eks";
import type { ResourceRule } from "../lib/types";

export const eksSupportedVersion: ResourceRule = {
    kind: "resource",
    name: "eks-supported-version",
    description: `EKS clusters pin a Kubernetes version in standard support (${SUPPORTED_EKS_VERSIONS.join(", ")}).`,
    enforcementLevel: "mandatory",
    validateResource(resource, report) {
        if (resource.type !== EKS_CLUSTER_TYPE) {
            return;
        }
        const version = resource.props["version"];
        if (version === undefined) {
            report(`version is not set: pin one of ${SUPPORTED_EKS_VERSIONS.join(", ")}.`);
        } else if (typeof version !== "string" || !SUPPORTED_EKS_VERSIONS.includes(version)) {
            report(`version ${JSON.stringify(version)} is not in standard support: use one of ${SUPPORTED_EKS_VERSIONS.join(", ")}.`);
        }
    },
};
