import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resource, stackOf, stackViolations } from "../lib/testing";
import { ec2NoPublicIngress } from "./ec2-no-public-ingress";

const rule = ec2NoPublicIngress;
const SG = "aws:ec2/securityGroup:SecurityGroup";
const LEGACY_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const VPC_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

describe(rule.name, () => {
    it("accepts ingress from the VPC, private space, a security group, and open egress", async () => {
        const group = resource(SG, {
            ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"], ipv6CidrBlocks: ["fd00::/8"] }],
            egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
        });
        const egressRule = resource(LEGACY_RULE, { type: "egress", securityGroupId: "sg-1", cidrBlocks: ["0.0.0.0/0"] });
        const fromGroup = resource(VPC_RULE, { securityGroupId: "sg-1", referencedSecurityGroupId: "sg-2", ipProtocol: "tcp" });
        const half = resource(VPC_RULE, { securityGroupId: "sg-1", cidrIpv4: "0.0.0.0/1", ipProtocol: "tcp" });
        const otherHalfElsewhere = resource(VPC_RULE, { securityGroupId: "sg-2", cidrIpv4: "128.0.0.0/1", ipProtocol: "tcp" });
        assert.deepEqual(await stackViolations(rule, stackOf([group, egressRule, fromGroup, half, otherHalfElsewhere])), []);
    });

    it("reports /0 in each of the three forms, IPv4 and IPv6", async () => {
        const inline = resource(SG, { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, ipv6CidrBlocks: ["::/0"] }] });
        const legacyRule = resource(LEGACY_RULE, { type: "ingress", securityGroupId: "sg-a", cidrBlocks: ["10.0.0.0/8", "0.0.0.0/0"] });
        const vpcRule = resource(VPC_RULE, { securityGroupId: "sg-b", cidrIpv4: "0.0.0.0/0", ipProtocol: "-1" });
        const defaultGroup = resource("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", { vpcId: "vpc-1", ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] });
        const violations = await stackViolations(rule, stackOf([inline, legacyRule, vpcRule, defaultGroup]));
        assert.deepEqual(violations.map((violation) => violation.urn), [inline.urn, legacyRule.urn, vpcRule.urn, defaultGroup.urn]);
        assert.match(violations[0].message, /from ::\/0/);
        assert.match(violations[2].message, /from 0\.0\.0\.0\/0/);
    });

    it("reports split ranges that together cover the internet, within one block or across rule resources", async () => {
        const inlineHalves = resource(SG, { ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/1", "128.0.0.0/1"] }] });
        const group = resource(SG, {}, { name: "target" });
        const lower = resource(VPC_RULE, { securityGroupId: "sg-t", cidrIpv4: "0.0.0.0/1", ipProtocol: "tcp" }, { propertyDependencies: { securityGroupId: [group] } });
        const upper = resource(LEGACY_RULE, { type: "ingress", securityGroupId: "sg-t", cidrBlocks: ["128.0.0.0/1"] }, { propertyDependencies: { securityGroupId: [group] } });
        const ipv6Halves = resource(VPC_RULE, { securityGroupId: "sg-6", cidrIpv6: "2000::/4", ipProtocol: "tcp" });
        const ipv6Other = resource(VPC_RULE, { securityGroupId: "sg-6", cidrIpv6: "3000::/4", ipProtocol: "tcp" });
        // Everything except private and reserved space is still the whole internet.
        const skipsPrivate = resource(SG, {
            ingress: [{ protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["1.0.0.0/8", "2.0.0.0/7", "4.0.0.0/6", "8.0.0.0/7", "11.0.0.0/8", "12.0.0.0/6", "16.0.0.0/4", "32.0.0.0/3", "64.0.0.0/2", "128.0.0.0/1"] }],
        });
        const violations = await stackViolations(rule, stackOf([inlineHalves, group, lower, upper, ipv6Halves, ipv6Other, skipsPrivate]));
        assert.deepEqual(violations.map((violation) => violation.urn), [inlineHalves.urn, group.urn, ipv6Halves.urn, skipsPrivate.urn]);
        assert.match(violations[1].message, /0\.0\.0\.0\/1, 128\.0\.0\.0\/1 \(together covering the internet part of 0\.0\.0\.0\/0\)/);
        assert.match(violations[2].message, /::\/0/);
    });

    it("counts the CIDRs of the stack's managed prefix lists a rule draws on", async () => {
        const open = resource("aws:ec2/managedPrefixList:ManagedPrefixList", { name: "anyone", maxEntries: 2, addressFamily: "IPv4", entries: [{ cidr: "0.0.0.0/1" }] });
        const entry = resource("aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry", { prefixListId: "pl-1", cidr: "128.0.0.0/1" }, { dependsOn: [open] });
        const viaList = resource(VPC_RULE, { securityGroupId: "sg-p", prefixListId: "pl-1", ipProtocol: "tcp" }, { dependsOn: [open] });
        const [violation] = await stackViolations(rule, stackOf([open, entry, viaList]));
        assert.equal(violation.urn, viaList.urn);
        const office = resource("aws:ec2/managedPrefixList:ManagedPrefixList", { name: "office", maxEntries: 1, addressFamily: "IPv4", entries: [{ cidr: "198.51.100.0/24" }] });
        const inlineViaList = resource(SG, { ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, prefixListIds: ["pl-2"] }] }, { dependsOn: [office] });
        assert.deepEqual(await stackViolations(rule, stackOf([office, inlineViaList])), []);
    });
});
