import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resource, resourceViolations } from "../lib/testing";
import { s3NoPublicAcls } from "./s3-no-public-acls";

const rule = s3NoPublicAcls;
const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
const AUTHENTICATED = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

describe(rule.name, () => {
    it("accepts private ACLs, grants to canonical users, and no ACL at all", async () => {
        for (const target of [
            resource("aws:s3/bucket:Bucket", { acl: "private" }),
            resource("aws:s3/bucket:Bucket", { grants: [{ type: "CanonicalUser", id: "abc", permissions: ["FULL_CONTROL"] }] }),
            resource("aws:s3/bucketAclV2:BucketAclV2", { bucket: "b", acl: "log-delivery-write" }),
            resource("aws:s3/bucketV2:BucketV2", {}),
        ]) {
            assert.deepEqual(await resourceViolations(rule, target), [], target.type);
        }
    });

    it("reports public canned ACLs on the legacy Bucket, BucketAclV2 and objects, in any case", async () => {
        for (const [type, acl] of [
            ["aws:s3/bucket:Bucket", "public-read"],
            ["aws:s3/bucket:Bucket", "public-read-write"],
            ["aws:s3/bucketAclV2:BucketAclV2", "authenticated-read"],
            ["aws:s3/bucketObjectv2:BucketObjectv2", "Public-Read"],
        ]) {
            assert.match((await resourceViolations(rule, resource(type, { acl })))[0], /grants access to everyone/, `${type} ${acl}`);
        }
    });

    it("reports grants to AllUsers or AuthenticatedUsers in both grant shapes", async () => {
        const legacy = resource("aws:s3/bucket:Bucket", { grants: [{ type: "Group", uri: ALL_USERS, permissions: ["READ"] }] });
        const v2 = resource("aws:s3/bucketAclV2:BucketAclV2", {
            accessControlPolicy: { owner: { id: "abc" }, grants: [{ grantee: { type: "Group", uri: AUTHENTICATED }, permission: "READ" }] },
        });
        assert.match((await resourceViolations(rule, legacy))[0], /AllUsers/);
        assert.match((await resourceViolations(rule, v2))[0], /AuthenticatedUsers/);
    });
});
