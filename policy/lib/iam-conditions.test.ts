import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { iamNoDataAccessOnAllResources } from "../rules/iam-no-data-access-on-all-resources";
import { iamPassRoleScoped } from "../rules/iam-pass-role-scoped";
import { prefixesCoverEverything } from "./iam-conditions";
import { policyJson, resource, resourceViolations } from "./testing";

const letters = "abcdefghijklmnopqrstuvwxyz0123456789".split("");
const IAM_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_+=,.@-".split("");

describe("prefix patterns that together cover every resource", () => {
    it("recognises every bucket written one first character at a time, or two", () => {
        assert.equal(prefixesCoverEverything(letters.map((c) => `arn:aws:s3:::${c}*`)), true);
        const twoLevel = letters.flatMap((c) => c === "b" ? letters.map((d) => `arn:aws:s3:::b${d}*`) : [`arn:aws:s3:::${c}*`]);
        assert.equal(prefixesCoverEverything(twoLevel), true);
        assert.equal(prefixesCoverEverything(IAM_CHARACTERS.map((c) => `arn:aws:iam::123456789012:role/${c}*`)), true);
    });

    it("does not mistake a list of buckets or most of the alphabet for everything", () => {
        assert.equal(prefixesCoverEverything(letters.slice(1).map((c) => `arn:aws:s3:::${c}*`)), false);
        assert.equal(prefixesCoverEverything(["arn:aws:s3:::raw-data", "arn:aws:s3:::raw-data/*", "arn:aws:s3:::team-*"]), false);
        assert.equal(prefixesCoverEverything(letters.map((c) => `arn:aws:s3:::${c}-logs*`)), false);
    });

    it("makes the rules that ask whether a statement reaches every resource see through it", async () => {
        const everyBucket = letters.flatMap((c) => [`arn:aws:s3:::${c}*`]);
        const read = resource("aws:iam/policy:Policy", { policy: policyJson({ Effect: "Allow", Action: "s3:GetObject", Resource: everyBucket }) });
        assert.equal((await resourceViolations(iamNoDataAccessOnAllResources, read)).length, 1);
        const pass = resource("aws:iam/policy:Policy", { policy: policyJson({ Effect: "Allow", Action: "iam:PassRole", Resource: IAM_CHARACTERS.map((c) => `arn:aws:iam::123456789012:role/${c}*`),
            Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } } }) });
        assert.match((await resourceViolations(iamPassRoleScoped, pass))[0], /every role/);
    });
});
