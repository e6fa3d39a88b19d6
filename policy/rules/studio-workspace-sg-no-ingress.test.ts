import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resource, stackOf, stackViolations } from "../lib/testing";
import { studioWorkspaceSgNoIngress } from "./studio-workspace-sg-no-ingress";

const rule = studioWorkspaceSgNoIngress;
const SG = "aws:ec2/securityGroup:SecurityGroup";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

function studioGroups(workspaceIngress?: unknown[]) {
    const workspace = resource(SG, { tags: { "studio-security-group": "workspace" }, ...(workspaceIngress ? { ingress: workspaceIngress } : {}) }, { name: "workspace" });
    const engine = resource(SG, { tags: { "studio-security-group": "engine" } }, { name: "engine" });
    // The engine group's inbound 18888 from the workspace group depends on both groups.
    const engineFromWorkspace = resource(
        INGRESS,
        { securityGroupId: "sg-engine", referencedSecurityGroupId: "sg-workspace", fromPort: 18888, toPort: 18888, ipProtocol: "tcp" },
        { name: "engine-from-workspace", dependsOn: [engine, workspace] },
    );
    const studio = resource("aws:emr/studio:Studio", { workspaceSecurityGroupId: "sg-workspace", engineSecurityGroupId: "sg-engine" }, { dependsOn: [workspace, engine] });
    return { workspace, engine, engineFromWorkspace, studio };
}

describe(rule.name, () => {
    it("accepts the documented layout: inbound on the engine group from the workspace group only", async () => {
        const { workspace, engine, engineFromWorkspace, studio } = studioGroups();
        assert.deepEqual(await stackViolations(rule, stackOf([workspace, engine, engineFromWorkspace, studio])), []);
    });

    it("reports inline ingress on the workspace group", async () => {
        const { workspace, engine } = studioGroups([{ protocol: "tcp", fromPort: 22, toPort: 22, securityGroups: ["sg-engine"] }]);
        const [violation] = await stackViolations(rule, stackOf([workspace, engine]));
        assert.equal(violation.urn, workspace.urn);
        assert.match(violation.message, /inline ingress/);
    });

    it("reports an ingress rule resource targeting the workspace group (id known from the Studio)", async () => {
        const { workspace, engine, studio } = studioGroups();
        const intoWorkspace = resource(
            INGRESS,
            { securityGroupId: "sg-workspace", referencedSecurityGroupId: "sg-engine", ipProtocol: "tcp" },
            { name: "workspace-from-engine", dependsOn: [workspace, engine] },
        );
        const [violation] = await stackViolations(rule, stackOf([workspace, engine, studio, intoWorkspace]));
        assert.equal(violation.urn, intoWorkspace.urn);
    });

    it("reports a rule that depends on the workspace group alone, and uses property dependencies when given", async () => {
        const { workspace, engine } = studioGroups();
        const onlyWorkspace = resource("aws:ec2/securityGroupRule:SecurityGroupRule", { type: "ingress", securityGroupId: "x", cidrBlocks: ["10.0.0.0/16"] }, { dependsOn: [workspace] });
        const viaProperty = resource(INGRESS, { securityGroupId: "x", referencedSecurityGroupId: "y" }, { propertyDependencies: { securityGroupId: [workspace], referencedSecurityGroupId: [engine] } });
        const sourcedFromWorkspace = resource(INGRESS, { securityGroupId: "y", referencedSecurityGroupId: "x" }, { propertyDependencies: { securityGroupId: [engine], referencedSecurityGroupId: [workspace] } });
        const violations = await stackViolations(rule, stackOf([workspace, engine, onlyWorkspace, viaProperty, sourcedFromWorkspace]));
        assert.deepEqual(violations.map((violation) => violation.urn), [onlyWorkspace.urn, viaProperty.urn]);
    });
});
