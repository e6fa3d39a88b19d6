// A policy document built from a config value set with `pulumi config set --secret` (the job role's policy when
// `jobReadBuckets` is a secret) is written to the offline plan as "[secret]": no IAM rule can read it there. That is
// not a malformed document (iam-policy-document-parsable skips it), but a reviewer must know the offline check did
// not see it: this advisory says so, and `pulumi preview --policy-pack policy`, where CrossGuard passes the plaintext,
// checks it with every rule.
import { policyDocumentsOf } from "../lib/iam-document-sources";
import { isSecretMarker } from "../lib/secrets";
import type { ResourceRule } from "../lib/types";

export const iamPolicyDocumentSecret: ResourceRule = {
    kind: "resource",
    name: "iam-policy-document-secret",
    description: "IAM policy documents that are Pulumi secrets cannot be checked offline; run the pack under `pulumi preview`.",
    enforcementLevel: "advisory",
    validateResource(resource, report) {
        for (const located of policyDocumentsOf(resource)) {
            if (isSecretMarker(located.document)) {
                report(`The ${located.kind} policy document in \`${located.where}\` is a Pulumi secret in this plan, so no IAM rule could check it offline: check it with \`pulumi preview --policy-pack policy\`.`);
            }
        }
    },
};
