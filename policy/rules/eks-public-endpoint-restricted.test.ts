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

    it("reports CIDRs that together cover 0.0.0.0/0, and accepts ones that do not", async () => {
        const split = await violationsInStack(eksPublicEndpointRestricted, cluster("prod", { publicAccessCidrs: ["0.0.0.0/1", "128.0.0.0/1"] }));
        assert.match(split[0], /0\.0\.0\.0\/1, 128\.0\.0\.0\/1 \(together covering/);
        const almost = ["0.0.0.0/2", "64.0.0.0/2", "128.0.0.0/2", "192.0.0.0/3", "224.0.0.0/3"];
        assert.equal((await violationsInStack(eksPublicEndpointRestricted, cluster("prod", { publicAccessCidrs: almost }))).length, 1);
        assert.deepEqual(await violationsInStack(eksPublicEndpointRestricted, cluster("prod", { publicAccessCidrs: almost.slice(1) })), []);
        assert.equal((await violationsInStack(eksPublicEndpointRestrictedDev, cluster("dev", { publicAccessCidrs: ["0.0.0.0/1", "128.0.0.0/1"] }))).length, 1);
    });

    it("is mandatory everywhere but dev, where only the advisory twin reports", async () => {
        assert.equal(eksPublicEndpointRestricted.enforcementLevel, "mandatory");
        assert.equal(eksPublicEndpointRestrictedDev.enforcementLevel, "advisory");
        assert.deepEqual(await violationsInStack(eksPublicEndpointRestricted, cluster("dev", OPEN)), []);
        assert.equal((await violationsInStack(eksPublicEndpointRestrictedDev, cluster("dev", OPEN))).length, 1);
        assert.deepEqual(await violationsInStack(eksPublicEndpointRestrictedDev, cluster("prod", OPEN)), []);
    });
});
