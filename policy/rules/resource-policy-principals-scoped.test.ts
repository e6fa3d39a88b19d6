import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TEST_ACCOUNT, policyJson, resource, stackOf, stackViolations } from "../lib/testing";
import { resourcePolicyPrincipalsScoped } from "./resource-policy-principals-scoped";

const rule = resourcePolicyPrincipalsScoped;
const OTHER_ACCOUNT = "999988887777";

/** A stack whose account is known (a created role referred to by ARN) plus the resource under test. */
function withAccount(target: ReturnType<typeof resource>) {
    const role = resource("aws:iam/role:Role", { name: "dev-node", assumeRolePolicy: policyJson({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }) });
    const nodeGroup = resource("aws:eks/nodeGroup:NodeGroup", { nodeRoleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/dev-node` });
    return stackOf([role, nodeGroup, target]);
}

const bucketPolicy = (statement: Record<string, unknown>) =>
    resource("aws:s3/bucketPolicy:BucketPolicy", { bucket: "logs", policy: policyJson({ Action: "s3:GetObject", Resource: "arn:aws:s3:::logs/*", ...statement }) });
const keyPolicy = (statement: Record<string, unknown>, type = "aws:kms/key:Key") => resource(type, { policy: policyJson({ Action: "kms:*", Resource: "*", ...statement }) });

describe(rule.name, () => {
    it("accepts TLS denies to *, allows to this account, AWS's default key policy, * pinned to this account, and keys without a policy", async () => {
        for (const target of [
            bucketPolicy({ Effect: "Deny", Principal: "*", Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
            bucketPolicy({ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${TEST_ACCOUNT}:role/reader` } }),
            keyPolicy({ Sid: "Enable IAM User Permissions", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${TEST_ACCOUNT}:root` } }),
            keyPolicy({ Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:Decrypt", Condition: { StringEquals: { "kms:CallerAccount": TEST_ACCOUNT, "kms:ViaService": "s3.us-east-1.amazonaws.com" } } }),
            resource("aws:kms/key:Key", { description: "no policy: AWS's default" }),
        ]) {
            assert.deepEqual(await stackViolations(rule, withAccount(target)), [], JSON.stringify(target.props));
        }
    });

    it("reports bucket policies allowing *, AWS *, NotPrincipal or another account", async () => {
        for (const statement of [
            { Effect: "Allow", Principal: "*" },
            { Effect: "Allow", Principal: { AWS: ["*"] } },
            { Effect: "Allow", NotPrincipal: { AWS: `arn:aws:iam::${TEST_ACCOUNT}:root` } },
            { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` } },
            { Effect: "Allow", Principal: { AWS: OTHER_ACCOUNT } },
            { Effect: "Allow", Principal: "*", Condition: { StringEquals: { "aws:PrincipalAccount": OTHER_ACCOUNT } } },
        ]) {
            const target = bucketPolicy(statement);
            const violations = await stackViolations(rule, withAccount(target));
            assert.equal(violations.length, 1, JSON.stringify(statement));
            assert.equal(violations[0].urn, target.urn);
        }
    });

    it("reports KMS key policies (Key and KeyPolicy) and a legacy Bucket's inline policy opening to * or another account", async () => {
        const targets = [
            keyPolicy({ Effect: "Allow", Principal: { AWS: "*" } }),
            keyPolicy({ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` } }, "aws:kms/keyPolicy:KeyPolicy"),
            resource("aws:s3/bucket:Bucket", { policy: policyJson({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::legacy/*" }) }),
        ];
        for (const target of targets) {
            assert.equal((await stackViolations(rule, withAccount(target))).length, 1, target.type);
        }
    });
});
