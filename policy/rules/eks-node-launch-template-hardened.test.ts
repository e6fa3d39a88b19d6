import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resource, stackOf, stackViolations } from "../lib/testing";
import { eksNodeLaunchTemplateHardened } from "./eks-node-launch-template-hardened";

const rule = eksNodeLaunchTemplateHardened;
const LT = "aws:ec2/launchTemplate:LaunchTemplate";
const NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";
const HARDENED = { metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 2 } };

function attached(templateProps: Record<string, unknown>, how: "property" | "name" | "dependency" = "property") {
    const template = resource(LT, { name: "dev-nodes", ...templateProps }, { name: "dev-nodes-lt" });
    const options = how === "property" ? { propertyDependencies: { launchTemplate: [template] } } : how === "dependency" ? { dependsOn: [template] } : {};
    const nodeGroup = resource(NODE_GROUP, { clusterName: "c", launchTemplate: { name: "dev-nodes", version: "$Latest" } }, options);
    return { template, nodeGroup, stack: stackOf([template, nodeGroup]) };
}

describe(rule.name, () => {
    it("accepts node groups without a launch template, and templates with IMDSv2, hop limit <= 2 and no key", async () => {
        assert.deepEqual(await stackViolations(rule, stackOf([resource(NODE_GROUP, { clusterName: "c" })])), []);
        for (const how of ["property", "name", "dependency"] as const) {
            assert.deepEqual(await stackViolations(rule, attached(HARDENED, how).stack), [], how);
        }
        assert.deepEqual(await stackViolations(rule, attached({ metadataOptions: { httpEndpoint: "disabled" } }).stack), []);
    });

    it("reports a key pair, IMDSv1 (optional or unset tokens) and a hop limit above 2, found by property, name or dependency", async () => {
        const cases: [Record<string, unknown>, RegExp][] = [
            [{ ...HARDENED, keyName: "ops" }, /keyName "ops"/],
            [{ metadataOptions: { httpTokens: "optional" } }, /httpTokens "optional"/],
            [{}, /httpTokens null/],
            [{ metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 3 } }, /HopLimit 3/],
        ];
        for (const how of ["property", "name", "dependency"] as const) {
            for (const [props, expected] of cases) {
                const { stack, template } = attached(props, how);
                const violations = await stackViolations(rule, stack);
                assert.equal(violations.length, 1, `${how} ${JSON.stringify(props)}`);
                assert.match(violations[0].message, expected);
                assert.equal(violations[0].urn, template.urn);
            }
        }
    });

    it("reports a launch template the stack does not create", async () => {
        const nodeGroup = resource(NODE_GROUP, { clusterName: "c", launchTemplate: { id: "lt-0123456789abcdef0", version: "1" } });
        assert.match((await stackViolations(rule, stackOf([nodeGroup])))[0].message, /does not create/);
    });
});
