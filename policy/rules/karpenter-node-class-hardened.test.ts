import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resource, resourceViolations } from "../lib/testing";
import { karpenterNodeClassHardened } from "./karpenter-node-class-hardened";

const rule = karpenterNodeClassHardened;
const TYPE = "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass";
const METADATA = { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 };
const DISKS = [{ deviceName: "/dev/xvda", ebs: { volumeSize: "100Gi", volumeType: "gp3", encrypted: true } }];

function nodeClass(spec: Record<string, unknown>, type = TYPE) {
    return resource(type, { apiVersion: "karpenter.k8s.aws/v1", kind: "EC2NodeClass", metadata: { name: "spark" }, spec: { role: "r", ...spec } });
}

describe(rule.name, () => {
    it("accepts IMDSv2 with hop limit 1 (or IMDS off) and encrypted volumes, in any karpenter.k8s.aws version", async () => {
        assert.deepEqual(await resourceViolations(rule, nodeClass({ metadataOptions: METADATA, blockDeviceMappings: DISKS })), []);
        assert.deepEqual(await resourceViolations(rule, nodeClass({ metadataOptions: METADATA, blockDeviceMappings: DISKS }, "kubernetes:karpenter.k8s.aws/v1beta1:EC2NodeClass")), []);
        assert.deepEqual(await resourceViolations(rule, nodeClass({ metadataOptions: { httpEndpoint: "disabled" }, blockDeviceMappings: DISKS })), []);
        // Another group's kind of the same name is not Karpenter's.
        assert.deepEqual(await resourceViolations(rule, resource("kubernetes:example.com/v1:EC2NodeClass", { apiVersion: "example.com/v1", kind: "EC2NodeClass", spec: {} })), []);
    });

    it("reports IMDSv1, a hop limit other than 1, missing blocks and unencrypted volumes", async () => {
        const cases: [Record<string, unknown>, RegExp][] = [
            [{ metadataOptions: { ...METADATA, httpTokens: "optional" }, blockDeviceMappings: DISKS }, /httpTokens "optional"/],
            [{ metadataOptions: { ...METADATA, httpTokens: "Required" }, blockDeviceMappings: DISKS }, /httpTokens "Required"/],
            [{ metadataOptions: { httpEndpoint: "enabled", httpPutResponseHopLimit: 1 }, blockDeviceMappings: DISKS }, /httpTokens null/],
            [{ metadataOptions: { ...METADATA, httpPutResponseHopLimit: 2 }, blockDeviceMappings: DISKS }, /HopLimit 2/],
            [{ metadataOptions: { ...METADATA, httpPutResponseHopLimit: "1" }, blockDeviceMappings: DISKS }, /HopLimit "1"/],
            [{ metadataOptions: { httpTokens: "required" }, blockDeviceMappings: DISKS }, /HopLimit null/],
            [{ blockDeviceMappings: DISKS }, /no spec.metadataOptions/],
            [{ metadataOptions: METADATA }, /no spec.blockDeviceMappings/],
            [{ metadataOptions: METADATA, blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: false } }] }, /encrypted false/],
            [{ metadataOptions: METADATA, blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true" } }] }, /encrypted "true"/],
            [{ metadataOptions: METADATA, blockDeviceMappings: [...DISKS, { deviceName: "/dev/xvdb", ebs: { volumeSize: "500Gi" } }] }, /\[1\].*encrypted null/],
        ];
        for (const [spec, expected] of cases) {
            const violations = await resourceViolations(rule, nodeClass(spec));
            assert.equal(violations.length, 1, JSON.stringify(spec) + " " + JSON.stringify(violations));
            assert.match(violations[0], expected);
        }
    });

    it("finds node classes inside yaml config groups", async () => {
        const group = resource("kubernetes:yaml/v2:ConfigGroup", {
            yaml: ["apiVersion: karpenter.k8s.aws/v1\nkind: EC2NodeClass\nmetadata:\n  name: x\nspec:\n  role: r\n  metadataOptions:\n    httpTokens: optional\n    httpPutResponseHopLimit: 1\n  blockDeviceMappings:\n    - deviceName: /dev/xvda\n      ebs:\n        encrypted: true\n"],
        });
        const violations = await resourceViolations(rule, group);
        assert.equal(violations.length, 1);
        assert.match(violations[0], /EC2NodeClass x.*httpTokens "optional"/);
    });
});
