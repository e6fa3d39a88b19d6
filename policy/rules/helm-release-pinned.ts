// An unpinned chart installs whatever the repository serves on the day of the deployment; the reference app's
// dashboard chart did exactly that until the repository stopped serving it. Every Release names its repository and
// an exact chart version (semver 2.0, https://semver.org, no ranges), so a preview shows the same chart every time.
import { HELM_RELEASE_TYPE } from "../lib/kubernetes";
import type { ResourceRule } from "../lib/types";
import { nonEmptyString, objectAt } from "../lib/values";

/** MAJOR.MINOR.PATCH with optional pre-release and build, an optional leading v (chart versions often carry one). */
const EXACT_SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

export function isExactChartVersion(version: unknown): boolean {
    return typeof version === "string" && EXACT_SEMVER.test(version.trim());
}

export const helmReleasePinned: ResourceRule = {
    kind: "resource",
    name: "helm-release-pinned",
    description: "Helm releases pin an exact chart version and name their repository (repositoryOpts.repo, or an oci:// chart).",
    enforcementLevel: "mandatory",
    validateResource(resource, report) {
        if (resource.type !== HELM_RELEASE_TYPE) {
            return;
        }
        const version = resource.props["version"];
        if (!isExactChartVersion(version)) {
            report(
                version === undefined || version === ""
                    ? "version is not set, so the latest chart is installed: pin an exact version such as 9.59.0."
                    : `version ${JSON.stringify(version)} is not an exact semver version: pin one such as 9.59.0.`,
            );
        }
        // An OCI chart reference carries its registry in `chart`; everything else needs the repository URL.
        const chart = resource.props["chart"];
        const isOciChart = typeof chart === "string" && chart.startsWith("oci://");
        if (!isOciChart && !nonEmptyString(objectAt(resource.props["repositoryOpts"])["repo"])) {
            report("repositoryOpts.repo is not set: name the chart repository explicitly.");
        }
    },
};
