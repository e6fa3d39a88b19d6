import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compliantClusterProps } from "../lib/eks-cluster-fixture";
import { resource, stackOf, violationsInStack } from "../lib/testing";
import { eksPublicEndpointRestricted, eksPublicEndpointRestrictedDev } from "./eks-public-endpoint-restricted";

const cluster = (stack: string, vpcConfig: Record<string, unknown>) =>
    stackOf([resource("aws:eks/cluster:Cluster", compliantClusterProps({ vpcConfig: { subnetIds: ["s"], ...vpcConfig } }), { stack })], stack);
const OPEN = { endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] };

describe(eksPublicEndpointRestricted.name, () => {
    it("accepts a private endpoint or a public one with an allow-list", async () => {
        assert.deepEqual(await violationsInStack(eksPublicEndpointRestricted, cluster("prod", { endpointPublicAccess: false, endpointPrivateAccess: true })), []);
        assert.deepEqual(await violationsInStack(eksPublicEndpointRestricted, cluster("prod", { publicAccessCidrs: ["198.51.100.7/32"] })), []);
    });

    it("reports 0.0.0.0/0 and a public endpoint without CIDRs (the AWS default is public)", async () => {
        assert.match((await violationsInStack(eksPublicEndpointRestricted, cluster("prod", OPEN)))[0], /public to 0.0.0.0\/0/);
        assert.match((await violationsInStack(eksPublicEndpointRestricted, cluster("staging", {})))[0], /publicAccessCidrs is empty/);
    });

    it("is mandatory everywhere but dev, where only the advisory twin reports", async () => {
        assert.equal(eksPublicEndpointRestricted.enforcementLevel, "mandatory");
        assert.equal(eksPublicEndpointRestrictedDev.enforcementLevel, "advisory");
        assert.deepEqual(await violationsInStack(eksPublicEndpointRestricted, cluster("dev", OPEN)), []);
        assert.equal((await violationsInStack(eksPublicEndpointRestrictedDev, cluster("dev", OPEN))).length, 1);
        assert.deepEqual(await violationsInStack(eksPublicEndpointRestrictedDev, cluster("prod", OPEN)), []);
    });
});
