import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resource, resourceViolations } from "../lib/testing";
import { ec2NoPublicIngress } from "./ec2-no-public-ingress";

const rule = ec2NoPublicIngress;

describe(rule.name, () => {
    it("accepts ingress from the VPC or a security group, and open egress", async () => {
        const group = resource("aws:ec2/securityGroup:SecurityGroup", {
            ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/16"] }],
            egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
        });
        const egressRule = resource("aws:ec2/securityGroupRule:SecurityGroupRule", { type: "egress", cidrBlocks: ["0.0.0.0/0"] });
        const fromGroup = resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", { referencedSecurityGroupId: "sg-1", ipProtocol: "tcp" });
        for (const target of [group, egressRule, fromGroup]) {
            assert.deepEqual(await resourceViolations(rule, target), [], target.type);
        }
    });

    it("reports world-open ingress in each of the three forms", async () => {
        const inline = resource("aws:ec2/securityGroup:SecurityGroup", { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, ipv6CidrBlocks: ["::/0"] }] });
        const legacyRule = resource("aws:ec2/securityGroupRule:SecurityGroupRule", { type: "ingress", cidrBlocks: ["10.0.0.0/8", "0.0.0.0/0"] });
        const vpcRule = resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", { cidrIpv4: "0.0.0.0/0", ipProtocol: "-1" });
        assert.match((await resourceViolations(rule, inline))[0], /from ::\/0/);
        assert.match((await resourceViolations(rule, legacyRule))[0], /from 0.0.0.0\/0/);
        assert.match((await resourceViolations(rule, vpcRule))[0], /from 0.0.0.0\/0/);
    });
});
