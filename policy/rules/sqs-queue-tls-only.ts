// SQS accepts requests over plain HTTP unless the queue's policy denies them where aws:SecureTransport is false
// (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-security-best-practices.html#enforce-encryption-data-in-transit).
// A statement does that only if it denies every request: Effect Deny; Principal `*` or {"AWS": "*"} (no
// NotPrincipal); Actions covering every SQS action (`sqs:*`, `*`, by catalog expansion; no NotAction); Resources
// reaching the queue (`*`, or an SQS ARN whose queue part matches the queue's name; no NotResource); and a condition
// of nothing but Bool/BoolIfExists aws:SecureTransport = false (as for S3 buckets, s3-tls-only-bucket-policy).
// A queue's policy is its `policy` input or a QueuePolicy that depends on it; with both, each must deny (either may be
// the one SQS keeps). A queue with no policy is reported.
import { expandActionPattern } from "../lib/iam-action-catalog";
import { actionPatternMatches } from "../lib/iam-policy-document";
import type { PolicyStatement } from "../lib/iam-policy-document";
import type { StackRule } from "../lib/types";
import { nonEmptyString } from "../lib/values";
import { deniesInsecureTransportTo } from "./s3-tls-only-bucket-policy";

export const QUEUE_TYPE = "aws:sqs/queue:Queue";
export const QUEUE_POLICY_TYPE = "aws:sqs/queuePolicy:QueuePolicy";

async function coversEverySqsAction(statement: PolicyStatement): Promise<boolean> {
    for (const action of statement.actions) {
        if ((await expandActionPattern(action)).some((expansion) => expansion.service === "sqs" && expansion.wholeService)) {
            return true;
        }
    }
    return false;
}

function reachesQueue(statement: PolicyStatement, queueName: string | undefined): boolean {
    if (statement.notResources.length > 0 || statement.resources.length === 0) {
        return false;
    }
    return statement.resources.some((resource) => {
        const trimmed = resource.trim();
        if (/^\*+$/.test(trimmed)) {
            return true;
        }
        const parts = trimmed.split(":");
        if (parts.length !== 6 || parts[0] !== "arn" || !actionPatternMatches(parts[2], "sqs")) {
            return false;
        }
        return actionPatternMatches(parts[5], queueName ?? "any-queue-name");
    });
}

/** True when the document denies every principal every SQS action on the queue over plain HTTP. */
export async function deniesInsecureQueueTransport(document: unknown, queueName?: string): Promise<boolean> {
    return deniesInsecureTransportTo(document, (statement) => reachesQueue(statement, queueName), coversEverySqsAction);
}

export const sqsQueueTlsOnly: StackRule = {
    kind: "stack",
    name: "sqs-queue-tls-only",
    description: "Every SQS queue has a policy denying all SQS actions by anyone when aws:SecureTransport is false.",
    enforcementLevel: "mandatory",
    async validateStack(stack, report) {
        for (const queue of stack.resources.filter((resource) => resource.type === QUEUE_TYPE)) {
            const name = nonEmptyString(queue.props["name"]) && queue.props["name"] !== "[secret]" ? queue.props["name"] : undefined;
            const documents: { where: string; document: unknown }[] = [];
            if (queue.props["policy"] !== undefined && queue.props["policy"] !== null && queue.props["policy"] !== "") {
                documents.push({ where: `${queue.name}.policy`, document: queue.props["policy"] });
            }
            for (const policy of stack.resources.filter((resource) => resource.type === QUEUE_POLICY_TYPE && resource.dependencies.includes(queue.urn))) {
                documents.push({ where: `QueuePolicy ${policy.name}`, document: policy.props["policy"] });
            }
            if (documents.length === 0) {
                report(`SQS queue ${queue.name} has no queue policy, so it accepts requests over plain HTTP: add a Deny of sqs:* for Principal "*" when aws:SecureTransport is false.`, queue.urn);
                continue;
            }
            for (const { where, document } of documents) {
                if (!(await deniesInsecureQueueTransport(document, name))) {
                    report(`${where} of SQS queue ${queue.name} does not deny every principal every SQS action on the queue when aws:SecureTransport is false (Deny, Principal "*", Action sqs:*, the queue's ARN, only that condition).`, queue.urn);
                }
            }
        }
    },
};
