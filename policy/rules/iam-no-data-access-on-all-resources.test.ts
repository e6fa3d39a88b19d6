import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { policyJson, resource, resourceViolations } from "../lib/testing";
import { loadBalancerControllerPolicy } from "../lib/upstream-documents";
import { iamNoDataAccessOnAllResources } from "./iam-no-data-access-on-all-resources";

const rule = iamNoDataAccessOnAllResources;
const policyWith = (statement: Record<string, unknown>) => resource("aws:iam/rolePolicy:RolePolicy", { policy: policyJson({ Effect: "Allow", Resource: "*", ...statement }) });

describe(rule.name, () => {
    it("accepts data actions on named buckets, keys and secrets, and reads of metadata on *", async () => {
        const named = policyWith({ Action: ["s3:GetObject", "s3:DeleteObject"], Resource: "arn:aws:s3:::big-data-stack-dev-emr-123456789012/*" });
        const key = policyWith({ Action: "kms:Decrypt", Resource: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" });
        const metadata = policyWith({ Action: ["s3:ListAllMyBuckets", "ec2:Describe*", "secretsmanager:ListSecrets", "kms:ListKeys"] });
        for (const target of [named, key, metadata]) {
            assert.deepEqual(await resourceViolations(rule, target), []);
        }
    });

    it("accepts data reads on * restricted to tagged resources (the Service Catalog launch role form), and the Load Balancer Controller policy", async () => {
        const tagged = policyWith({ Action: "s3:GetObject", Condition: { StringEquals: { "s3:ExistingObjectTag/servicecatalog:provisioning": "true" } } });
        const taggedSecret = policyWith({ Action: "secretsmanager:GetSecretValue", Condition: { StringEquals: { "aws:ResourceTag/team": "spark" } } });
        assert.deepEqual(await resourceViolations(rule, tagged), []);
        assert.deepEqual(await resourceViolations(rule, taggedSecret), []);
        assert.deepEqual(await resourceViolations(rule, resource("aws:iam/policy:Policy", { policy: loadBalancerControllerPolicy() })), []);
    });

    it("reports object read/delete, KMS decrypt and secret reads on *, however spelled", async () => {
        const spellings: unknown[] = ["s3:GetObject", "s3:DeleteObject", "s3:Get*", "s3:*Object", "kms:Decrypt", "kms:De*", "secretsmanager:GetSecretValue", "ssm:GetParameter*", "*:Get*", ["ec2:DescribeVpcs", "S3:getobject"]];
        for (const action of spellings) {
            const messages = await resourceViolations(rule, policyWith({ Action: action }));
            assert.equal(messages.length, 1, JSON.stringify(action));
            assert.match(messages[0], /on every resource/);
        }
    });

    it("reports all-wildcard ARNs, NotResource, and tag conditions that do not restrict", async () => {
        for (const statement of [
            { Action: "s3:GetObject", Resource: "arn:aws:s3:::*/*" },
            { Action: "kms:Decrypt", Resource: "arn:aws:kms:*:*:key/*" },
            { Action: "s3:GetObject", Resource: undefined, NotResource: "arn:aws:s3:::private/*" },
            { Action: "s3:GetObject", Condition: { StringNotEquals: { "aws:ResourceTag/team": "x" } } },
            { Action: "s3:GetObject", Condition: { StringLike: { "aws:ResourceTag/team": "*" } } },
            { Action: "s3:GetObject", Condition: { StringEqualsIfExists: { "s3:ExistingObjectTag/team": "x" } } },
        ]) {
            assert.equal((await resourceViolations(rule, policyWith(statement))).length, 1, JSON.stringify(statement));
        }
    });
});
