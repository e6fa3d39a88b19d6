// A role's trust policy decides who may become the role. `"*"`, `{"AWS": "*"}` or NotPrincipal let anyone with an
// AWS account try; an AWS principal of another account hands the role to whoever controls that account
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-trust-policy,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html). Nothing in this
// platform is assumed from another account, so every trust names services, this account's OIDC provider or this
// account's principals. The stack's own account is read from the plan (lib/home-account.ts), which is why this is a
// stack rule. Service principals must be spelled out (no wildcard in `Service`).
import { homeAccounts } from "../lib/home-account";
import { trustStatementsOf } from "../lib/iam-document-sources";
import { describeStatement, hasWildcard } from "../lib/iam-policy-document";
import { principalProblems, servicePrincipals } from "../lib/iam-principals";
import type { StackRule } from "../lib/types";
import { isObject, stringsOf } from "../lib/values";

const OIDC_PROVIDER_ACCOUNT = /^arn:aws[a-z-]*:iam::(\d{12}):oidc-provider\//;

export const iamTrustPrincipalsScoped: StackRule = {
    kind: "stack",
    name: "iam-trust-principals-scoped",
    description: "Role trust policies admit no `*`, no NotPrincipal and no principal or OIDC provider of another account.",
    enforcementLevel: "mandatory",
    validateStack(stack, report) {
        const home = homeAccounts(stack);
        for (const role of stack.resources) {
            for (const statement of trustStatementsOf(role).filter((candidate) => candidate.effect === "Allow")) {
                const where = `Role ${role.name}: ${describeStatement(statement)} of \`assumeRolePolicy\``;
                const problems = principalProblems(statement, home);
                for (const service of servicePrincipals(statement.principal).filter(hasWildcard)) {
                    problems.push(`trusts the service pattern "${service}": name each service principal`);
                }
                const federated = isObject(statement.principal) ? stringsOf(statement.principal["Federated"]) : [];
                for (const provider of federated) {
                    const account = OIDC_PROVIDER_ACCOUNT.exec(provider)?.[1];
                    if (account !== undefined && home.size > 0 && !home.has(account)) {
                        problems.push(`trusts the identity provider ${provider} of account ${account}, not this stack's account`);
                    }
                }
                for (const problem of problems) {
                    report(`${where} ${problem}.`, role.urn);
                }
            }
        }
    },
};
