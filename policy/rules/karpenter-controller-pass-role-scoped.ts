// Karpenter's controller passes a role to EC2 for every node it launches (through the instance profile it makes per
// EC2NodeClass). Upstream's controller policy names exactly the node role in its iam:PassRole statement
// (AllowPassingInstanceRole, https://karpenter.sh/v1.14/reference/cloudformation/#iamintegrationpolicy): a controller
// that may pass any other role could launch instances that act with that role's permissions. Required: every
// statement of the controller role's policies that grants iam:PassRole (however spelled - `iam:Pass*`, `IAM:passrole`,
// `iam:*`, `*`, or a NotAction that leaves it in) names only roles that EC2NodeClasses of the stack use
// (`spec.role`), by exact ARN: no wildcard, no NotResource.
//
// The controller role is found from the Karpenter Helm release (chart `karpenter`, or `oci://.../karpenter`) and its
// service account (`serviceAccount.name`, default `karpenter`, in the release's namespace): the role the service
// account's `eks.amazonaws.com/role-arn` annotation names, a role whose IRSA trust names
// `system:serviceaccount:<namespace>:<name>`, a role whose Pod Identity trust names that service account, and the
// role of a Pod Identity association for it. Its policies: inline (`inlinePolicies`, RolePolicy) and attached
// customer managed policies (RolePolicyAttachment of a Policy of the stack).
import { expandActions } from "../lib/iam-action-catalog";
import { policyDocumentsOf, trustStatementsOf, ROLE_TYPE } from "../lib/iam-document-sources";
import { describeStatement, hasWildcard, parsePolicyDocument } from "../lib/iam-policy-document";
import type { PolicyStatement } from "../lib/iam-policy-document";
import { helmValuesOf, HELM_VALUE_TYPES, kubernetesObjectsOf } from "../lib/kubernetes";
import type { ReviewedStack, ReviewedStackResource, StackRule } from "../lib/types";
import { listOf, nonEmptyString, objectAt, stringsOf } from "../lib/values";

const PASS_ROLE = "iam:passrole";
const ROLE_POLICY_TYPE = "aws:iam/rolePolicy:RolePolicy";
const ATTACHMENT_TYPE = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const POLICY_TYPE = "aws:iam/policy:Policy";
const POD_IDENTITY_TYPE = "aws:eks/podIdentityAssociation:PodIdentityAssociation";

interface ServiceAccount {
    readonly namespace: string;
    readonly name: string;
    readonly release: ReviewedStackResource;
    readonly annotatedRoleArn?: string;
}

/** The chart reference of a release: `karpenter`, `oci://public.ecr.aws/karpenter/karpenter`, `repo/karpenter`. */
export function isKarpenterChart(chart: unknown): boolean {
    return typeof chart === "string" && /(^|\/)karpenter$/i.test(chart.trim());
}

function karpenterServiceAccounts(stack: ReviewedStack): ServiceAccount[] {
    const found: ServiceAccount[] = [];
    for (const release of stack.resources.filter((resource) => HELM_VALUE_TYPES.has(resource.type) && isKarpenterChart(resource.props["chart"]))) {
        const values = objectAt(helmValuesOf(release));
        const serviceAccount = objectAt(values["serviceAccount"]);
        const annotation = objectAt(serviceAccount["annotations"])["eks.amazonaws.com/role-arn"];
        found.push({
            namespace: nonEmptyString(release.props["namespace"]) ? release.props["namespace"] : "default",
            name: nonEmptyString(serviceAccount["name"]) ? serviceAccount["name"] : "karpenter",
            release,
            annotatedRoleArn: nonEmptyString(annotation) ? annotation : undefined,
        });
    }
    return found;
}

const roleNameOfArn = (arn: string): string => arn.slice(arn.lastIndexOf("/") + 1);

function sameName(left: unknown, right: unknown): boolean {
    return typeof left === "string" && typeof right === "string" && left.toLowerCase() === right.toLowerCase();
}

/** Whether a trust statement admits the service account, by IRSA subject or Pod Identity session tags. */
function trusts(statement: PolicyStatement, account: ServiceAccount): boolean {
    if (statement.effect !== "Allow") {
        return false;
    }
    const subject = `system:serviceaccount:${account.namespace}:${account.name}`;
    let irsa = false;
    let podNamespace = false;
    let podAccount = false;
    for (const keys of Object.values(statement.condition)) {
        for (const [key, value] of Object.entries(keys)) {
            const lower = key.toLowerCase();
            const values = stringsOf(listOf(value));
            if (lower.endsWith(":sub") && values.includes(subject)) {
                irsa = true;
            }
            if (lower === "aws:requesttag/kubernetes-namespace" && values.includes(account.namespace)) {
                podNamespace = true;
            }
            if (lower === "aws:requesttag/kubernetes-service-account" && values.includes(account.name)) {
                podAccount = true;
            }
        }
    }
    return irsa || (podNamespace && podAccount);
}

function controllerRoles(stack: ReviewedStack, accounts: readonly ServiceAccount[]): ReviewedStackResource[] {
    const roles = stack.resources.filter((resource) => resource.type === ROLE_TYPE);
    const chosen = new Set<ReviewedStackResource>();
    for (const account of accounts) {
        for (const role of roles) {
            if (account.annotatedRoleArn !== undefined && sameName(roleNameOfArn(account.annotatedRoleArn), role.props["name"])) {
                chosen.add(role);
            }
            if (trustStatementsOf(role).some((statement) => trusts(statement, account))) {
                chosen.add(role);
            }
        }
        for (const association of stack.resources.filter((resource) => resource.type === POD_IDENTITY_TYPE)) {
            if (association.props["namespace"] !== account.namespace || association.props["serviceAccount"] !== account.name) {
                continue;
            }
            const viaProperty = association.propertyDependencies?.["roleArn"] ?? [];
            const arn = association.props["roleArn"];
            for (const role of roles) {
                if (viaProperty.includes(role.urn) || (typeof arn === "string" && sameName(roleNameOfArn(arn), role.props["name"]))) {
                    chosen.add(role);
                }
            }
        }
    }
    return [...chosen];
}

/** The identity policy documents of a role: inline ones, RolePolicies and attached customer managed policies. */
function policiesOf(stack: ReviewedStack, role: ReviewedStackResource): { owner: ReviewedStackResource; where: string; document: unknown }[] {
    const documents = policyDocumentsOf(role)
        .filter((located) => located.kind === "identity")
        .map((located) => ({ owner: role, where: located.where, document: located.document }));
    const refersToRole = (resource: ReviewedStackResource) =>
        sameName(resource.props["role"], role.props["name"]) || (resource.propertyDependencies?.["role"] ?? []).includes(role.urn);
    for (const rolePolicy of stack.resources.filter((resource) => resource.type === ROLE_POLICY_TYPE && refersToRole(resource))) {
        documents.push({ owner: rolePolicy, where: "policy", document: rolePolicy.props["policy"] });
    }
    for (const attachment of stack.resources.filter((resource) => resource.type === ATTACHMENT_TYPE && refersToRole(resource))) {
        const viaProperty = attachment.propertyDependencies?.["policyArn"] ?? [];
        const arn = attachment.props["policyArn"];
        for (const policy of stack.resources.filter((resource) => resource.type === POLICY_TYPE)) {
            if (viaProperty.includes(policy.urn) || (typeof arn === "string" && sameName(roleNameOfArn(arn), policy.props["name"]))) {
                documents.push({ owner: policy, where: "policy", document: policy.props["policy"] });
            }
        }
    }
    return documents;
}

/** The role names EC2NodeClasses of the stack give their nodes (`spec.role`). */
function nodeRoleNames(stack: ReviewedStack): Set<string> {
    const names = new Set<string>();
    for (const resource of stack.resources) {
        for (const located of kubernetesObjectsOf(resource)) {
            if (located.kind === "EC2NodeClass") {
                const role = objectAt(located.object["spec"])["role"];
                if (nonEmptyString(role)) {
                    names.add(role.toLowerCase());
                }
            }
        }
    }
    return names;
}

async function grantsPassRole(statement: PolicyStatement): Promise<boolean> {
    if (statement.notActions.length > 0) {
        // NotAction grants everything it does not list.
        return ![...(await expandActions(statement.notActions))].some((action) => action.toLowerCase() === PASS_ROLE);
    }
    return [...(await expandActions(statement.actions))].some((action) => action.toLowerCase() === PASS_ROLE);
}

/** A role ARN naming exactly one node role: `arn:<partition>:iam::<account>:role/[<path>/]<name>`, no wildcard. */
function namesANodeRole(resource: string, nodeRoles: ReadonlySet<string>): boolean {
    const match = /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:[^*?]+\/)?([^/*?]+)$/.exec(resource.trim());
    return match !== null && !hasWildcard(resource) && nodeRoles.has(match[1].toLowerCase());
}

export const karpenterControllerPassRoleScoped: StackRule = {
    kind: "stack",
    name: "karpenter-controller-pass-role-scoped",
    description: "The Karpenter controller's role may iam:PassRole (however spelled) only the node roles its EC2NodeClasses use, by exact ARN.",
    enforcementLevel: "mandatory",
    async validateStack(stack, report) {
        const accounts = karpenterServiceAccounts(stack);
        if (accounts.length === 0) {
            return;
        }
        const roles = controllerRoles(stack, accounts);
        if (roles.length === 0) {
            for (const account of accounts) {
                report(`Karpenter release ${account.release.name} runs as ${account.namespace}/${account.name}, but no role of this stack is trusted by or bound to that service account, so what it may pass cannot be reviewed.`, account.release.urn);
            }
            return;
        }
        const nodeRoles = nodeRoleNames(stack);
        for (const role of roles) {
            for (const { owner, where, document } of policiesOf(stack, role)) {
                const parsed = parsePolicyDocument(document);
                if (!parsed.ok) {
                    continue; // reported by iam-policy-document-parsable
                }
                for (const statement of parsed.statements.filter((s) => s.effect === "Allow")) {
                    if (!(await grantsPassRole(statement))) {
                        continue;
                    }
                    const outside = statement.notResources.length > 0 ? [`NotResource ${JSON.stringify(statement.notResources)}`]
                        : statement.resources.length === 0 ? ["no Resource"]
                            : statement.resources.filter((resource) => !namesANodeRole(resource, nodeRoles));
                    if (outside.length > 0) {
                        const allowed = nodeRoles.size === 0 ? "no EC2NodeClass of the stack names a node role" : `node roles: ${[...nodeRoles].join(", ")}`;
                        report(`${describeStatement(statement)} of \`${where}\` of ${owner.name} (policy of Karpenter controller role ${role.name}) lets it pass ${outside.join(", ")}: name only the node role ARN (${allowed}).`, owner.urn);
                    }
                }
            }
        }
    },
};
