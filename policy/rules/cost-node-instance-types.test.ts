import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resource, resourceViolations } from "../lib/testing";
import { costNodeInstanceTypes } from "./cost-node-instance-types";

const rule = costNodeInstanceTypes;

describe(rule.name, () => {
    it("is advisory and accepts allow-listed types", async () => {
        assert.equal(rule.enforcementLevel, "advisory");
        assert.deepEqual(await resourceViolations(rule, resource("aws:eks/nodeGroup:NodeGroup", { instanceTypes: ["m6i.xlarge", "m7g.2xlarge", "c6a.large"] })), []);
    });

    it("reports types outside the list, and the implicit t3.medium default", async () => {
        assert.match((await resourceViolations(rule, resource("aws:eks/nodeGroup:NodeGroup", { instanceTypes: ["m5.xlarge", "p4d.24xlarge", "m5.8xlarge"] })))[0], /includes p4d.24xlarge, m5.8xlarge, outside/);
        assert.match((await resourceViolations(rule, resource("aws:eks/nodeGroup:NodeGroup", {})))[0], /t3.medium/);
    });
});
