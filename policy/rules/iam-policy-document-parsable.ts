// IAM rejects a malformed document at apply time, after other resources were already created; catching it at
// preview keeps `pulumi up` atomic in practice. The other IAM rules skip documents they cannot parse, so this rule
// is the one place that reports them. A document the offline plan shows as "[secret]" is not malformed, only
// unseen: iam-policy-document-secret reports it.
import { policyDocumentsOf } from "../lib/iam-document-sources";
import { parsePolicyDocument } from "../lib/iam-policy-document";
import { isSecretMarker } from "../lib/secrets";
import type { ResourceRule } from "../lib/types";

export const iamPolicyDocumentParsable: ResourceRule = {
    kind: "resource",
    name: "iam-policy-document-parsable",
    description: "IAM policy documents (identity, trust and bucket policies) are valid JSON with well-formed statements.",
    enforcementLevel: "mandatory",
    validateResource(resource, report) {
        for (const located of policyDocumentsOf(resource)) {
            if (isSecretMarker(located.document)) {
                continue; // a Pulumi secret in the offline plan: iam-policy-document-secret reports it (advisory)
            }
            const parsed = parsePolicyDocument(located.document);
            if (!parsed.ok) {
                report(`The ${located.kind} policy document in \`${located.where}\` cannot be read: ${parsed.reason}.`);
            }
        }
    },
};
