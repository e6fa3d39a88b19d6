import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resource, stackOf, stackViolations } from "../lib/testing";
import { ec2NaclNoPublicIngress, isEphemeralReturnEntry } from "./ec2-nacl-no-public-ingress";

const rule = ec2NaclNoPublicIngress;
const ACL = "aws:ec2/networkAcl:NetworkAcl";
const ACL_RULE = "aws:ec2/networkAclRule:NetworkAclRule";
const entry = (overrides: Record<string, unknown>) => ({ ruleNo: 100, action: "allow", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "10.0.0.0/16", ...overrides });

describe(rule.name, () => {
    it("knows return traffic on ephemeral ports from anything else", () => {
        assert.equal(isEphemeralReturnEntry({ protocol: "tcp", fromPort: 1024, toPort: 65535 }), true);
        assert.equal(isEphemeralReturnEntry({ protocol: "6", fromPort: 32768, toPort: 65535 }), true);
        assert.equal(isEphemeralReturnEntry({ protocol: "-1", fromPort: 0, toPort: 0 }), false);
        assert.equal(isEphemeralReturnEntry({ protocol: "tcp", fromPort: 22, toPort: 65535 }), false);
        assert.equal(isEphemeralReturnEntry({ protocol: "tcp", fromPort: 1024, toPort: 8080 }), false);
    });

    it("accepts VPC-only inbound entries, denies, egress, and ephemeral return traffic from anywhere", async () => {
        const acl = resource(ACL, {
            ingress: [entry({}), entry({ ruleNo: 200, action: "deny", protocol: "-1", cidrBlock: "0.0.0.0/0" }), entry({ ruleNo: 300, fromPort: 1024, toPort: 65535, cidrBlock: "0.0.0.0/0" })],
            egress: [entry({ protocol: "-1", cidrBlock: "0.0.0.0/0" })],
        });
        const egressRule = resource(ACL_RULE, { networkAclId: "acl-1", egress: true, ruleAction: "allow", protocol: "-1", cidrBlock: "0.0.0.0/0", ruleNumber: 100 });
        assert.deepEqual(await stackViolations(rule, stackOf([acl, egressRule])), []);
    });

    it("reports inline entries open to 0.0.0.0/0, ::/0 or split halves, on NetworkAcl and DefaultNetworkAcl", async () => {
        const world = resource(ACL, { ingress: [entry({ protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: "0.0.0.0/0" })] });
        const ipv6 = resource("aws:ec2/defaultNetworkAcl:DefaultNetworkAcl", { ingress: [entry({ cidrBlock: undefined, ipv6CidrBlock: "::/0", fromPort: 22, toPort: 22 })] });
        const halves = resource(ACL, { ingress: [entry({ cidrBlock: "0.0.0.0/1" }), entry({ ruleNo: 110, cidrBlock: "128.0.0.0/1" })] });
        const violations = await stackViolations(rule, stackOf([world, ipv6, halves]));
        assert.deepEqual(violations.map((violation) => violation.urn), [world.urn, ipv6.urn, halves.urn]);
    });

    it("reports NetworkAclRule resources that together cover the internet for one ACL", async () => {
        const acl = resource(ACL, {}, { name: "private" });
        const rules = ["0.0.0.0/2", "64.0.0.0/2", "128.0.0.0/1"].map((cidrBlock, index) =>
            resource(ACL_RULE, { networkAclId: "acl-p", ruleNumber: 100 + index, egress: false, ruleAction: "allow", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlock }, { propertyDependencies: { networkAclId: [acl] } }),
        );
        const violations = await stackViolations(rule, stackOf([acl, ...rules]));
        assert.equal(violations.length, 1);
        assert.equal(violations[0].urn, acl.urn);
        assert.match(violations[0].message, /Network ACL private/);
        assert.deepEqual(await stackViolations(rule, stackOf([acl, ...rules.slice(1)])), []);
    });
});
