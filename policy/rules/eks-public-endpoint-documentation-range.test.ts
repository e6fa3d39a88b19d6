import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compliantClusterProps } from "../lib/eks-cluster-fixture";
import { resource, resourceViolations } from "../lib/testing";
import { eksPublicEndpointDocumentationRange, isDocumentationRange } from "./eks-public-endpoint-documentation-range";

const rule = eksPublicEndpointDocumentationRange;

function cluster(vpcConfig: Record<string, unknown>) {
    return resource("aws:eks/cluster:Cluster", compliantClusterProps({ vpcConfig: { subnetIds: ["s"], ...vpcConfig } }));
}

describe(rule.name, () => {
    it("knows the three RFC 5737 ranges and nothing around them", () => {
        for (const cidr of ["192.0.2.0/24", "198.51.100.0/25", "203.0.113.7/32", " 203.0.113.0/24 "]) {
            assert.equal(isDocumentationRange(cidr), true, cidr);
        }
        for (const cidr of ["203.0.112.0/24", "203.0.0.0/16", "192.0.3.0/24", "0.0.0.0/0", "198.51.100.0/23", "300.0.113.0/24", "x"]) {
            assert.equal(isDocumentationRange(cidr), false, cidr);
        }
    });

    it("is advisory and reports a public endpoint that only documentation ranges may reach", async () => {
        assert.equal(rule.enforcementLevel, "advisory");
        const only = await resourceViolations(rule, cluster({ endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] }));
        assert.equal(only.length, 1);
        assert.match(only[0], /203\.0\.113\.0\/24.*RFC 5737.*nobody can reach/);
        const mixed = await resourceViolations(rule, cluster({ publicAccessCidrs: ["81.2.69.0/24", "198.51.100.9/32"] }));
        assert.match(mixed[0], /198\.51\.100\.9\/32.*admit nobody/);
    });

    it("accepts real ranges and a private endpoint", async () => {
        assert.deepEqual(await resourceViolations(rule, cluster({ publicAccessCidrs: ["81.2.69.0/24"] })), []);
        assert.deepEqual(await resourceViolations(rule, cluster({ endpointPublicAccess: false, publicAccessCidrs: ["203.0.113.0/24"] })), []);
    });
});
