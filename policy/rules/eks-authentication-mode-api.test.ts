import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compliantClusterProps } from "../lib/eks-cluster-fixture";
import { resource, resourceViolations } from "../lib/testing";
import { eksAuthenticationModeApi } from "./eks-authentication-mode-api";

const rule = eksAuthenticationModeApi;
const cluster = (overrides: Record<string, unknown>) => resource("aws:eks/cluster:Cluster", compliantClusterProps(overrides));

describe(rule.name, () => {
    it("accepts API and API_AND_CONFIG_MAP", async () => {
        assert.deepEqual(await resourceViolations(rule, cluster({})), []);
        assert.deepEqual(await resourceViolations(rule, cluster({ accessConfig: { authenticationMode: "API_AND_CONFIG_MAP" } })), []);
    });

    it("reports an absent mode (the API defaults to CONFIG_MAP) and CONFIG_MAP", async () => {
        assert.match((await resourceViolations(rule, cluster({ accessConfig: undefined })))[0], /is not set/);
        assert.match((await resourceViolations(rule, cluster({ accessConfig: { authenticationMode: "CONFIG_MAP" } })))[0], /"CONFIG_MAP"/);
    });
});
