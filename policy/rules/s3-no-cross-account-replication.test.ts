import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resource, stackOf, stackViolations } from "../lib/testing";
import { s3NoCrossAccountReplication } from "./s3-no-cross-account-replication";

const rule = s3NoCrossAccountReplication;
const source = resource("aws:s3/bucketV2:BucketV2", { bucket: "big-data-stack-prod-emr-123456789012" }, { name: "jobs" });
const replica = resource("aws:s3/bucketV2:BucketV2", { bucket: "big-data-stack-prod-emr-replica-123456789012" }, { name: "replica" });
const replication = (destination: Record<string, unknown>, status = "Enabled") => resource("aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    { bucket: "big-data-stack-prod-emr-123456789012", role: "arn:aws:iam::123456789012:role/r", rules: [{ id: "all", status, destination }] }, { name: "jobs-replication" });

describe(rule.name, () => {
    it("accepts replication to a bucket of the stack, and a disabled rule", async () => {
        assert.deepEqual(await stackViolations(rule, stackOf([source, replica, replication({ bucket: "arn:aws:s3:::big-data-stack-prod-emr-replica-123456789012" })])), []);
        assert.deepEqual(await stackViolations(rule, stackOf([source, replication({ bucket: "arn:aws:s3:::elsewhere", account: "999999999999" }, "Disabled")])), []);
    });

    it("reports every spelling of a copy out of the account", async () => {
        const outside = [
            replication({ bucket: "arn:aws:s3:::exfil-bucket" }),
            replication({ bucket: "arn:aws:s3:::big-data-stack-prod-emr-replica-123456789012", account: "999999999999" }),
            replication({ bucket: "arn:aws:s3:::big-data-stack-prod-emr-replica-123456789012", accessControlTranslation: { owner: "Destination" } }),
            resource("aws:s3/bucket:Bucket", { bucket: "legacy", replicationConfiguration: { role: "r", rules: [{ status: "Enabled", destination: { bucket: "arn:aws:s3:::exfil", accountId: "999999999999" } }] } }),
            resource("aws:s3/bucketV2:BucketV2", { bucket: "v2", replicationConfigurations: [{ role: "r", rules: [{ status: "Enabled", destination: { bucket: "arn:aws:s3:::exfil" } }] }] }),
        ];
        for (const candidate of outside) {
            const violations = await stackViolations(rule, stackOf([source, replica, candidate]));
            assert.equal(violations.length, 1, JSON.stringify(candidate.props));
            assert.equal(violations[0].urn, candidate.urn);
        }
    });
});
