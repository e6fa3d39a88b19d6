import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resource, resourceViolations } from "../lib/testing";
import { helmReleasePinned, isExactChartVersion } from "./helm-release-pinned";

const rule = helmReleasePinned;
const release = (props: Record<string, unknown>) =>
    resource("kubernetes:helm.sh/v3:Release", { chart: "cluster-autoscaler", repositoryOpts: { repo: "https://kubernetes.github.io/autoscaler" }, version: "9.59.0", ...props });

describe(rule.name, () => {
    it("tells exact versions from ranges", () => {
        for (const version of ["9.59.0", "v0.31.1", "1.0.0-rc.1+build.5"]) {
            assert.equal(isExactChartVersion(version), true, version);
        }
        for (const version of ["", "9.x", "^9.59.0", "~9.59", ">=9.0.0", "9.59", "latest", undefined]) {
            assert.equal(isExactChartVersion(version), false, String(version));
        }
    });

    it("accepts a pinned chart from a named repository, or an OCI chart", async () => {
        assert.deepEqual(await resourceViolations(rule, release({})), []);
        assert.deepEqual(await resourceViolations(rule, release({ chart: "oci://registry.example/charts/x", repositoryOpts: undefined })), []);
    });

    it("reports a missing or ranged version and a missing repository", async () => {
        assert.match((await resourceViolations(rule, release({ version: undefined })))[0], /version is not set/);
        assert.match((await resourceViolations(rule, release({ version: "^9.0.0" })))[0], /not an exact semver/);
        assert.match((await resourceViolations(rule, release({ repositoryOpts: {} })))[0], /repositoryOpts.repo is not set/);
    });
});
