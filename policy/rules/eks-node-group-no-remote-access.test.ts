import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resource, resourceViolations } from "../lib/testing";
import { eksNodeGroupNoRemoteAccess } from "./eks-node-group-no-remote-access";

const rule = eksNodeGroupNoRemoteAccess;

describe(rule.name, () => {
    it("accepts a node group without remoteAccess", async () => {
        const nodeGroup = resource("aws:eks/nodeGroup:NodeGroup", { clusterName: "c", amiType: "AL2023_x86_64_STANDARD" });
        assert.deepEqual(await resourceViolations(rule, nodeGroup), []);
    });

    it("reports remoteAccess", async () => {
        const nodeGroup = resource("aws:eks/nodeGroup:NodeGroup", { clusterName: "c", remoteAccess: { ec2SshKey: "ops" } });
        assert.match((await resourceViolations(rule, nodeGroup))[0], /SSH/);
    });
});
