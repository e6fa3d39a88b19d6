import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compliantClusterProps } from "../lib/eks-cluster-fixture";
import { resource, resourceViolations } from "../lib/testing";
import { eksSupportedVersion } from "./eks-supported-version";

const rule = eksSupportedVersion;
const cluster = (overrides: Record<string, unknown>) => resource("aws:eks/cluster:Cluster", compliantClusterProps(overrides));

describe(rule.name, () => {
    it("accepts 1.33 to 1.36", async () => {
        for (const version of ["1.33", "1.34", "1.35", "1.36"]) {
            assert.deepEqual(await resourceViolations(rule, cluster({ version })), [], version);
        }
    });

    it("reports an unpinned or unsupported version", async () => {
        assert.match((await resourceViolations(rule, cluster({ version: undefined })))[0], /is not set/);
        assert.match((await resourceViolations(rule, cluster({ version: "1.29" })))[0], /"1.29" is not in standard support/);
    });
});
