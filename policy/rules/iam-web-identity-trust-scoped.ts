// A web-identity (IRSA) trust without a `sub` condition lets any service account of the cluster - or of any cluster
// sharing the issuer - assume the role; without `aud` = sts.amazonaws.com any audience's token is accepted
// (https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html). The reference app had the
// `aud` typo `sts.amazon.com`, which makes the role unusable. Namespace wildcards are never acceptable; service
// account wildcards only in EMR on EKS's form `emr-containers-sa-*-*-<account>-<base36(role name)>`
// (https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/iam-execution-role.html).
import { base36OfRoleName } from "../lib/base36";
import { trustStatementsOf } from "../lib/iam-document-sources";
import { actionPatternMatches, describeStatement, hasWildcard } from "../lib/iam-policy-document";
import type { PolicyStatement } from "../lib/iam-policy-document";
import { isSecretMarker } from "../lib/secrets";
import type { ResourceRule } from "../lib/types";
import { isObject, stringsOf } from "../lib/values";

const WEB_IDENTITY_ACTION = "sts:AssumeRoleWithWebIdentity";
export const STS_AUDIENCE = "sts.amazonaws.com";

/** Operators that restrict the key to the listed values. Negated and `...IfExists` operators do not. */
const RESTRICTING_OPERATORS = new Set(["stringequals", "stringlike", "stringequalsignorecase"]);

/** arn:aws:iam::<account>:oidc-provider/<issuer host and path> */
const OIDC_PROVIDER_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):oidc-provider\/(.+)$/;

interface FederatedIssuer {
    readonly accountId: string;
    readonly issuer: string;
}

function federatedIssuers(principal: unknown): FederatedIssuer[] {
    const federated = isObject(principal) ? stringsOf(principal["Federated"]) : [];
    return federated.flatMap((arn) => {
        const match = OIDC_PROVIDER_ARN.exec(arn);
        return match ? [{ accountId: match[1], issuer: match[2] }] : [];
    });
}

/** Values of `<issuer>:<claim>` under restricting operators; any issuer when the principal names none. */
function claimValues(statement: PolicyStatement, claim: "sub" | "aud", issuers: readonly FederatedIssuer[]): string[] | undefined {
    const expectedKeys = issuers.map((found) => `${found.issuer}:${claim}`.toLowerCase());
    let values: string[] | undefined;
    for (const [operator, keys] of Object.entries(statement.condition)) {
        if (!RESTRICTING_OPERATORS.has(operator.toLowerCase())) {
            continue;
        }
        for (const [key, value] of Object.entries(keys)) {
            const lowerKey = key.toLowerCase();
            const isClaim = expectedKeys.length > 0 ? expectedKeys.includes(lowerKey) : lowerKey.endsWith(`:${claim}`);
            if (isClaim) {
                values = [...(values ?? []), ...stringsOf(value)];
            }
        }
    }
    return values;
}

/**
 * Why a `sub` value does not pin the service account; undefined when it does.
 * Account and role name are checked against the EMR form's suffix when they are known.
 */
export function subjectProblem(subject: string, expected: { accountId?: string; roleName?: string } = {}): string | undefined {
    const match = /^system:serviceaccount:([^:]*):([^:]*)$/.exec(subject);
    if (!match) {
        return `"${subject}" is not of the form system:serviceaccount:<namespace>:<service account>`;
    }
    const [, namespace, serviceAccount] = match;
    if (namespace === "" || hasWildcard(namespace)) {
        return `"${subject}" does not name one namespace`;
    }
    if (serviceAccount === "") {
        return `"${subject}" names no service account`;
    }
    if (!hasWildcard(serviceAccount)) {
        return undefined;
    }
    const afterLastWildcard = serviceAccount.slice(Math.max(serviceAccount.lastIndexOf("*"), serviceAccount.lastIndexOf("?")) + 1);
    const suffix = /-(\d{12})-([0-9a-z]+)$/.exec(afterLastWildcard);
    if (!suffix) {
        return (
            `"${subject}" has a wildcard service account that does not end in -<12-digit account>-<base36 role name> ` +
            "(the EMR on EKS form emr-containers-sa-*-*-<account>-<base36>)"
        );
    }
    const [, accountId, encodedRoleName] = suffix;
    if (expected.accountId !== undefined && accountId !== expected.accountId) {
        return `"${subject}" names account ${accountId} but the OIDC provider belongs to ${expected.accountId}`;
    }
    if (expected.roleName !== undefined && encodedRoleName !== base36OfRoleName(expected.roleName)) {
        return `"${subject}" ends in ${encodedRoleName}, but base36 of the role name "${expected.roleName}" is ${base36OfRoleName(expected.roleName)}`;
    }
    return undefined;
}

export const iamWebIdentityTrustScoped: ResourceRule = {
    kind: "resource",
    name: "iam-web-identity-trust-scoped",
    description: "Web-identity (IRSA) trusts pin `<issuer>:sub` to one namespace and service account and `<issuer>:aud` to sts.amazonaws.com.",
    enforcementLevel: "mandatory",
    validateResource(resource, report) {
        const roleName = typeof resource.props["name"] === "string" && !isSecretMarker(resource.props["name"]) ? resource.props["name"] : undefined;
        for (const statement of trustStatementsOf(resource)) {
            const isWebIdentity = statement.actions.some((action) => actionPatternMatches(action, WEB_IDENTITY_ACTION));
            if (statement.effect !== "Allow" || !isWebIdentity) {
                continue;
            }
            const where = `${describeStatement(statement)} of \`assumeRolePolicy\``;
            const issuers = federatedIssuers(statement.principal);
            const issuerHint = issuers.length > 0 ? issuers[0].issuer : "<issuer>";

            const subjects = claimValues(statement, "sub", issuers);
            if (!subjects || subjects.length === 0) {
                report(`${where} trusts web identities without a StringEquals/StringLike "${issuerHint}:sub" condition: any service account could assume the role.`);
            } else {
                const accountId = issuers.length === 1 ? issuers[0].accountId : undefined;
                for (const subject of subjects) {
                    const problem = subjectProblem(subject, { accountId, roleName });
                    if (problem) {
                        report(`${where}: ${problem}.`);
                    }
                }
            }

            const audiences = claimValues(statement, "aud", issuers);
            if (!audiences || audiences.length === 0) {
                report(`${where} trusts web identities without a StringEquals "${issuerHint}:aud" = "${STS_AUDIENCE}" condition.`);
            } else {
                for (const audience of audiences.filter((value) => value !== STS_AUDIENCE)) {
                    report(`${where} accepts the audience "${audience}"; the only audience STS issues IRSA tokens for is "${STS_AUDIENCE}".`);
                }
            }
        }
    },
};
