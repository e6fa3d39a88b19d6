import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import { EKS_VERSIONS } from "../data/eks-versions";
import { compliantClusterProps } from "../lib/eks-cluster-fixture";
import { resource, resourceViolations } from "../lib/testing";
import { clock, eksSupportedVersion } from "./eks-supported-version";

const rule = eksSupportedVersion;
const cluster = (overrides: Record<string, unknown>) => resource("aws:eks/cluster:Cluster", compliantClusterProps(overrides));
const realToday = clock.today;
const on = (date: string) => { clock.today = () => date; };
const standard = { upgradePolicy: { supportType: "STANDARD" } };
const extended = { upgradePolicy: { supportType: "EXTENDED" } };

describe(rule.name, () => {
    afterEach(() => { clock.today = realToday; });

    it("accepts every minor of the table with STANDARD on a day it is in standard support", async () => {
        for (const v of EKS_VERSIONS) {
            on(v.endOfStandardSupport);
            assert.deepEqual(await resourceViolations(rule, cluster({ version: v.minor, ...standard })), [], v.minor);
        }
    });

    it("reports STANDARD the day after standard support ends, and accepts EXTENDED then", async () => {
        on("2026-11-29");
        assert.match((await resourceViolations(rule, cluster({ version: "1.33", ...standard })))[0],
            /1\.33 left standard support on 2026-07-29/);
        assert.deepEqual(await resourceViolations(rule, cluster({ version: "1.33", ...extended })), []);
        assert.deepEqual(await resourceViolations(rule, cluster({ version: "1.34", ...standard })), []);
        on("2026-12-03");
        assert.equal((await resourceViolations(rule, cluster({ version: "1.34", ...standard }))).length, 1);
    });

    it("reports EXTENDED after extended support has ended", async () => {
        on("2027-07-30");
        assert.match((await resourceViolations(rule, cluster({ version: "1.33", ...extended })))[0], /left extended support/);
    });

    it("reports an unpinned version, an unknown version, a missing or unknown support type", async () => {
        on("2026-11-29");
        assert.match((await resourceViolations(rule, cluster({ version: undefined })))[0], /is not set/);
        assert.match((await resourceViolations(rule, cluster({ version: "1.29" })))[0], /"1.29" is not a version EKS supports/);
        assert.match((await resourceViolations(rule, cluster({ version: 1.35 })))[0], /1.35 is not a version EKS supports/);
        assert.match((await resourceViolations(rule, cluster({ upgradePolicy: undefined })))[0], /supportType is not set: EKS then defaults to EXTENDED/);
        assert.match((await resourceViolations(rule, cluster({ upgradePolicy: { supportType: "standard" } })))[0], /is not STANDARD or EXTENDED/);
    });
});
