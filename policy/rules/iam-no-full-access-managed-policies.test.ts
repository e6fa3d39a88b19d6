import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resource, resourceViolations } from "../lib/testing";
import { iamNoFullAccessManagedPolicies, isOverlyBroadManagedPolicy } from "./iam-no-full-access-managed-policies";

const rule = iamNoFullAccessManagedPolicies;

describe(rule.name, () => {
    it("recognises AWS managed full-access and administrator policies in any partition", () => {
        assert.equal(isOverlyBroadManagedPolicy("arn:aws:iam::aws:policy/AmazonS3FullAccess"), true);
        assert.equal(isOverlyBroadManagedPolicy("arn:aws-us-gov:iam::aws:policy/AdministratorAccess"), true);
        assert.equal(isOverlyBroadManagedPolicy("arn:aws:iam::aws:policy/service-role/AWSGlueConsoleFullAccess"), true);
        assert.equal(isOverlyBroadManagedPolicy("arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy"), false);
        assert.equal(isOverlyBroadManagedPolicy("arn:aws:iam::123456789012:policy/TeamFullAccess"), false);
    });

    it("accepts narrow managed policies on attachments and roles", async () => {
        const attachment = resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", { role: "r", policyArn: "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy" });
        const role = resource("aws:iam/role:Role", { assumeRolePolicy: "{}", managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"] });
        assert.deepEqual(await resourceViolations(rule, attachment), []);
        assert.deepEqual(await resourceViolations(rule, role), []);
    });

    it("reports *FullAccess and AdministratorAccess attachments", async () => {
        const attachment = resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", { role: "r", policyArn: "arn:aws:iam::aws:policy/AmazonS3FullAccess" });
        const legacy = resource("aws:iam/policyAttachment:PolicyAttachment", { roles: ["r"], policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" });
        const role = resource("aws:iam/role:Role", {
            assumeRolePolicy: "{}",
            managedPolicyArns: ["arn:aws:iam::aws:policy/CloudWatchFullAccess", "arn:aws:iam::aws:policy/AWSGlueConsoleFullAccess"],
        });
        assert.match((await resourceViolations(rule, attachment))[0], /AmazonS3FullAccess/);
        assert.match((await resourceViolations(rule, legacy))[0], /AdministratorAccess/);
        assert.equal((await resourceViolations(rule, role)).length, 2);
    });

    it("reports them on every attachment kind: user, group, and the exclusive lists", async () => {
        const admin = "arn:aws:iam::aws:policy/AdministratorAccess";
        const kinds = [
            resource("aws:iam/userPolicyAttachment:UserPolicyAttachment", { user: "u", policyArn: admin }),
            resource("aws:iam/groupPolicyAttachment:GroupPolicyAttachment", { group: "g", policyArn: admin }),
            resource("aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive", { roleName: "r", policyArns: ["arn:aws:iam::aws:policy/AmazonEKSClusterPolicy", admin] }),
            resource("aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive", { userName: "u", policyArns: ["arn:aws:iam::aws:policy/AmazonS3FullAccess"] }),
            resource("aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive", { groupName: "g", policyArns: ["arn:aws-cn:iam::aws:policy/PowerUserAccess"] }),
        ];
        for (const kind of kinds) {
            assert.equal((await resourceViolations(rule, kind)).length, 1, kind.type);
        }
        const narrow = resource("aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive", { roleName: "r", policyArns: ["arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"] });
        assert.deepEqual(await resourceViolations(rule, narrow), []);
    });
});
