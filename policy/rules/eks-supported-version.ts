// An unpinned version follows whatever EKS defaults to on creation; a version past its standard support runs only in
// extended support, at six times the control plane price. EKS also defaults `upgradePolicy.supportType` to EXTENDED
// when it is not set (https://docs.aws.amazon.com/eks/latest/APIReference/API_UpgradePolicyRequest.html), so a cluster
// that does not say STANDARD or EXTENDED drifts into the higher price silently. The rule therefore asks for:
//   - a version of the table in data/eks-versions.ts,
//   - an explicit supportType,
//   - STANDARD only while the version is in standard support (EKS refuses it afterwards),
//   - EXTENDED only while the version is supported at all (a deliberate opt-in, priced by the program's cost estimate).
// "Today" is the UTC date of the check: a deploy gets today's answer. Tests pass a fixed date.
import { EKS_VERSIONS } from "../data/eks-versions";
import { EKS_CLUSTER_TYPE } from "../lib/eks";
import type { ResourceRule } from "../lib/types";

/** Today's date as an ISO `YYYY-MM-DD` string in UTC; overridable for tests. */
export const clock = { today: (): string => new Date().toISOString().slice(0, 10) };

const minors = EKS_VERSIONS.map(v => v.minor).join(", ");

export const eksSupportedVersion: ResourceRule = {
    kind: "resource",
    name: "eks-supported-version",
    description: `EKS clusters pin a Kubernetes version (${minors}) and a support type: STANDARD while the version is in standard support, EXTENDED only as a deliberate opt-in.`,
    enforcementLevel: "mandatory",
    validateResource(resource, report) {
        if (resource.type !== EKS_CLUSTER_TYPE) {
            return;
        }
        const version = resource.props["version"];
        if (version === undefined) {
            report(`version is not set: pin one of ${minors}.`);
            return;
        }
        const known = typeof version === "string" ? EKS_VERSIONS.find(v => v.minor === version) : undefined;
        if (known === undefined) {
            report(`version ${JSON.stringify(version)} is not a version EKS supports: use one of ${minors}.`);
            return;
        }
        const upgradePolicy = resource.props["upgradePolicy"];
        const supportType = typeof upgradePolicy === "object" && upgradePolicy !== null
            ? (upgradePolicy as Record<string, unknown>)["supportType"] : undefined;
        const today = clock.today();
        if (supportType === undefined) {
            report(`upgradePolicy.supportType is not set: EKS then defaults to EXTENDED (six times the control plane price once ${version} leaves standard support); set STANDARD, or EXTENDED deliberately.`);
        } else if (supportType === "STANDARD") {
            if (today > known.endOfStandardSupport) {
                report(`version ${version} left standard support on ${known.endOfStandardSupport}: raise the version, or set upgradePolicy.supportType EXTENDED deliberately.`);
            }
        } else if (supportType === "EXTENDED") {
            if (today > known.endOfExtendedSupport) {
                report(`version ${version} left extended support on ${known.endOfExtendedSupport}: raise the version.`);
            }
        } else {
            report(`upgradePolicy.supportType ${JSON.stringify(supportType)} is not STANDARD or EXTENDED.`);
        }
    },
};
