// An IRSA trust names the OIDC provider whose tokens it accepts. A role of this stack that trusts another cluster's
// EKS issuer lets that cluster's service accounts assume it, outside every control this stack has (its namespaces,
// quotas, pod security): https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html. The
// stack's own issuers are the URLs of its aws:iam OpenIdConnectProvider resources; trusts of non-EKS issuers (a CI
// system's, say) are judged by iam-web-identity-trust-scoped, not here. Without an OIDC provider in the stack the
// rule cannot tell and stays silent.
import { ROLE_TYPE, trustStatementsOf } from "../lib/iam-document-sources";
import { describeStatement } from "../lib/iam-policy-document";
import { isSecretMarker } from "../lib/secrets";
import { resourcesOfType } from "../lib/stack-graph";
import type { StackRule } from "../lib/types";
import { isObject, stringsOf } from "../lib/values";

const OIDC_PROVIDER_TYPE = "aws:iam/openIdConnectProvider:OpenIdConnectProvider";
const OIDC_PROVIDER_ARN = /^arn:aws[a-z-]*:iam::\d{12}:oidc-provider\/(.+)$/;
/** EKS cluster issuers: oidc.eks.<region>.amazonaws.com[.cn]/id/<id> (https://docs.aws.amazon.com/eks/latest/userguide/enable-iam-roles-for-service-accounts.html). */
const EKS_ISSUER = /^oidc\.eks\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/id\/[A-Za-z0-9]+$/i;

const issuerOf = (url: string) => url.trim().replace(/^https:\/\//i, "").replace(/\/+$/, "").toLowerCase();

export const iamWebIdentityTrustOwnCluster: StackRule = {
    kind: "stack",
    name: "iam-web-identity-trust-own-cluster",
    description: "A role's web-identity trust of an EKS issuer names one of this stack's own OIDC providers, never another cluster's.",
    enforcementLevel: "mandatory",
    validateStack(stack, report) {
        const own = new Set(resourcesOfType(stack, [OIDC_PROVIDER_TYPE])
            .map((provider) => provider.props["url"])
            .filter((url): url is string => typeof url === "string" && url !== "" && !isSecretMarker(url))
            .map(issuerOf));
        if (own.size === 0) {
            return;
        }
        for (const role of resourcesOfType(stack, [ROLE_TYPE])) {
            for (const statement of trustStatementsOf(role)) {
                if (statement.effect !== "Allow" || !isObject(statement.principal)) {
                    continue;
                }
                for (const arn of stringsOf(statement.principal["Federated"])) {
                    const issuer = OIDC_PROVIDER_ARN.exec(arn.trim())?.[1];
                    if (issuer === undefined || !EKS_ISSUER.test(issuer) || own.has(issuer.toLowerCase())) {
                        continue;
                    }
                    report(`Role ${role.name}: ${describeStatement(statement)} of \`assumeRolePolicy\` trusts ${issuer}, an EKS issuer that is not`
                        + ` this stack's cluster (${[...own].join(", ")}): that cluster's service accounts could assume the role.`, role.urn);
                }
            }
        }
    },
};
