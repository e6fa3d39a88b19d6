// ACLs are the other way to make S3 data public: a canned ACL (`public-read`, `public-read-write`,
// `authenticated-read`) or a grant to the AllUsers / AuthenticatedUsers groups opens the bucket or object to
// everyone (or every AWS account) (https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#specifying-grantee-predefined-groups).
// The bucket's public access block ignores them today, but the ACL is the intent a reviewer rejects, and it takes
// effect the day the block is relaxed. Checked on the legacy aws:s3/bucket:Bucket (acl, grants), BucketAclV2
// (acl, accessControlPolicy.grants) and objects (acl).
import type { ResourceRule } from "../lib/types";
import { isObject, listOf, objectAt } from "../lib/values";

const PUBLIC_CANNED_ACLS = new Set(["public-read", "public-read-write", "authenticated-read"]);
const PUBLIC_GROUP_URI = /acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)/i;

const ACL_TYPES = new Set([
    "aws:s3/bucket:Bucket",
    "aws:s3/bucketAclV2:BucketAclV2",
    "aws:s3/bucketObject:BucketObject",
    "aws:s3/bucketObjectv2:BucketObjectv2",
]);

/** Grants as the legacy Bucket (`grants[].uri`) and BucketAclV2 (`accessControlPolicy.grants[].grantee.uri`) write them. */
function publicGrants(resourceProps: Record<string, unknown>): string[] {
    const legacy = listOf(resourceProps["grants"]).map((grant) => (isObject(grant) ? grant["uri"] : undefined));
    const v2 = listOf(objectAt(resourceProps["accessControlPolicy"])["grants"]).map((grant) => (isObject(grant) ? objectAt(grant["grantee"])["uri"] : undefined));
    return [...legacy, ...v2].filter((uri): uri is string => typeof uri === "string" && PUBLIC_GROUP_URI.test(uri));
}

export const s3NoPublicAcls: ResourceRule = {
    kind: "resource",
    name: "s3-no-public-acls",
    description: "No S3 bucket or object ACL is public (public-read, public-read-write, authenticated-read, or grants to AllUsers/AuthenticatedUsers).",
    enforcementLevel: "mandatory",
    validateResource(resource, report) {
        if (!ACL_TYPES.has(resource.type)) {
            return;
        }
        const acl = resource.props["acl"];
        if (typeof acl === "string" && PUBLIC_CANNED_ACLS.has(acl.toLowerCase())) {
            report(`acl is "${acl}", which grants access to everyone: use "private" (or no ACL) and grant access through IAM.`);
        }
        for (const uri of publicGrants(resource.props)) {
            report(`An ACL grant goes to ${uri}, i.e. everyone: remove it and grant access through IAM.`);
        }
    },
};
