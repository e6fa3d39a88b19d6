import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compliantClusterProps } from "../lib/eks-cluster-fixture";
import { resource, resourceViolations } from "../lib/testing";
import { eksControlPlaneLogging } from "./eks-control-plane-logging";

const rule = eksControlPlaneLogging;
const cluster = (overrides: Record<string, unknown>) => resource("aws:eks/cluster:Cluster", compliantClusterProps(overrides));

describe(rule.name, () => {
    it("accepts api, audit and authenticator logs", async () => {
        assert.deepEqual(await resourceViolations(rule, cluster({ enabledClusterLogTypes: ["authenticator", "audit", "api"] })), []);
    });

    it("names the missing log types", async () => {
        assert.match((await resourceViolations(rule, cluster({ enabledClusterLogTypes: ["api"] })))[0], /lacks audit, authenticator/);
        assert.match((await resourceViolations(rule, cluster({ enabledClusterLogTypes: undefined })))[0], /lacks api, audit, authenticator/);
    });
});
