// IAM rejects a malformed document at apply time, after other resources were already created; catching it at
// preview keeps `pulumi up` atomic in practice. The other IAM rules skip documents they cannot parse, so this rule
// is the one place that reports them.
import { policyDocumentsOf } from "../lib/iam-document-sources";
import { parsePolicyDocument } from "../lib/iam-policy-document";
import type { ResourceRule } from "../lib/types";

export const iamPolicyDocumentParsable: ResourceRule = {
    kind: "resource",
    name: "iam-policy-document-parsable",
    description: "IAM policy documents (identity, trust and bucket policies) are valid JSON with well-formed statements.",
    enforcementLevel: "mandatory",
    validateResource(resource, report) {
        for (const located of policyDocumentsOf(resource)) {
            const parsed = parsePolicyDocument(located.document);
            if (!parsed.ok) {
                report(`The ${located.kind} policy document in \`${located.where}\` cannot be read: ${parsed.reason}.`);
            }
        }
    },
};
