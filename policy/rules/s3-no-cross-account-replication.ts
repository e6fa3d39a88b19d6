// S3 replication copies every new object of a bucket to a destination bucket, which may live in any account: a
// destination outside this stack (S3 bucket ARNs carry no account) or one naming another account
// (`destination.account`, `accessControlTranslation.owner: Destination`) ships the platform's data - job outputs,
// logs, notebooks - out of the account (https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication.html).
// Every spelling of a replication rule is read: BucketReplicationConfig, the legacy Bucket's replicationConfiguration
// and BucketV2's replicationConfigurations.
import { homeAccounts } from "../lib/home-account";
import { BUCKET_TYPES, knownBucketName } from "../lib/s3-buckets";
import { resourcesOfType } from "../lib/stack-graph";
import type { StackRule } from "../lib/types";
import { isObject, listOf, objectAt } from "../lib/values";

const REPLICATION_TYPE = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";

function ruleLists(props: Record<string, unknown>, type: string): unknown[] {
    if (type === REPLICATION_TYPE) {
        return listOf(props["rules"]);
    }
    const legacy = listOf(objectAt(props["replicationConfiguration"])["rules"]);
    const v2 = listOf(props["replicationConfigurations"]).flatMap((configuration) => listOf(objectAt(configuration)["rules"]));
    return [...legacy, ...v2];
}

export const s3NoCrossAccountReplication: StackRule = {
    kind: "stack",
    name: "s3-no-cross-account-replication",
    description: "S3 replication rules copy objects only to buckets of this stack, never to another account.",
    enforcementLevel: "mandatory",
    validateStack(stack, report) {
        const ownBuckets = new Set(resourcesOfType(stack, BUCKET_TYPES)
            .map((bucket) => knownBucketName(bucket.props["bucket"]))
            .filter((name): name is string => name !== undefined));
        const home = homeAccounts(stack);
        for (const resource of stack.resources.filter((candidate) => candidate.type === REPLICATION_TYPE || BUCKET_TYPES.includes(candidate.type as never))) {
            for (const [index, rule] of ruleLists(resource.props, resource.type).entries()) {
                if (!isObject(rule) || String(rule["status"] ?? "Enabled").toLowerCase() === "disabled") {
                    continue;
                }
                const destination = objectAt(rule["destination"]);
                const target = String(destination["bucket"] ?? "");
                const targetName = /^arn:aws[a-z-]*:s3:::([^/]+)$/.exec(target.trim())?.[1] ?? target.trim();
                const account = String(destination["account"] ?? destination["accountId"] ?? "").trim();
                const owner = String(objectAt(destination["accessControlTranslation"])["owner"] ?? "");
                const problems: string[] = [];
                if (account !== "" && !home.has(account)) {
                    problems.push(`names account ${account}${home.size > 0 ? `, not this stack's ${[...home].join(", ")}` : ""}`);
                }
                if (owner.toLowerCase() === "destination") {
                    problems.push("hands the replicas to the destination bucket's owner (accessControlTranslation)");
                }
                if (targetName !== "" && targetName !== "[secret]" && !ownBuckets.has(targetName)) {
                    problems.push(`copies to ${targetName}, a bucket this stack does not create (its account cannot be checked)`);
                }
                if (problems.length > 0) {
                    report(`${resource.name}: replication rule ${index} ${problems.join("; ")}: replicate only to buckets of this stack.`, resource.urn);
                }
            }
        }
    },
};
