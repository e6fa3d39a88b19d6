// EKS access entries decide which IAM principals reach the Kubernetes API and with what
// (https://docs.aws.amazon.com/eks/latest/userguide/access-entries.html). Reported:
// - an access entry or access-policy association for a principal of another account, or with a wildcard;
// - an access entry putting its principal in `system:masters` (kubernetesGroups), i.e. cluster-admin by group, or in
//   a group that a ClusterRoleBinding of this stack binds to cluster-admin (the same thing, one step removed);
// - cluster-admin-level access policies (AmazonEKSClusterAdminPolicy, AmazonEKSAdminPolicy) for anything but the
//   configured admin role and the deploying identity: never for a role this stack creates (a workload or node role),
//   and for one principal only while `bootstrapClusterCreatorAdminPermissions` already makes the deploying identity
//   an admin, two otherwise (https://docs.aws.amazon.com/eks/latest/userguide/access-policy-permissions.html).
// The stack's account comes from the plan (lib/home-account.ts).
import { EKS_CLUSTER_TYPE } from "../lib/eks";
import { accountOf, homeAccounts } from "../lib/home-account";
import { ROLE_TYPE } from "../lib/iam-document-sources";
import { hasWildcard } from "../lib/iam-policy-document";
import { kubernetesObjectsOf } from "../lib/kubernetes";
import type { ReviewedStackResource, StackRule } from "../lib/types";
import { isObject, listOf, objectAt, stringsOf } from "../lib/values";

export const ACCESS_ENTRY_TYPE = "aws:eks/accessEntry:AccessEntry";
export const ACCESS_POLICY_ASSOCIATION_TYPE = "aws:eks/accessPolicyAssociation:AccessPolicyAssociation";
const ADMIN_POLICY = /:cluster-access-policy\/(AmazonEKSClusterAdminPolicy|AmazonEKSAdminPolicy)$/;

const principalOf = (resource: ReviewedStackResource): string | undefined =>
    typeof resource.props["principalArn"] === "string" ? resource.props["principalArn"] : undefined;

/** The role name of an IAM role ARN (the last path segment), if it is one. */
const roleNameOf = (arn: string): string | undefined => /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:.*\/)?([^/]+)$/.exec(arn)?.[1];

/** Kubernetes groups that ClusterRoleBindings of the stack (resources or config-group members) bind to cluster-admin. */
function clusterAdminGroups(stack: { resources: readonly ReviewedStackResource[] }): Set<string> {
    const groups = new Set<string>();
    for (const located of stack.resources.flatMap(kubernetesObjectsOf)) {
        const roleRef = objectAt(located.object["roleRef"]);
        if (located.kind === "ClusterRoleBinding" && roleRef["kind"] === "ClusterRole" && roleRef["name"] === "cluster-admin") {
            for (const subject of listOf(located.object["subjects"]).filter(isObject)) {
                if (subject["kind"] === "Group" && typeof subject["name"] === "string") {
                    groups.add(subject["name"]);
                }
            }
        }
    }
    return groups;
}

export const eksAccessEntriesScoped: StackRule = {
    kind: "stack",
    name: "eks-access-entries-scoped",
    description: "EKS access entries name principals of this account only, never system:masters; cluster-admin policies go to the configured admin role (and the deploying identity) only.",
    enforcementLevel: "mandatory",
    validateStack(stack, report) {
        const home = homeAccounts(stack);
        const adminGroups = clusterAdminGroups(stack);
        const entries = stack.resources.filter((resource) => resource.type === ACCESS_ENTRY_TYPE || resource.type === ACCESS_POLICY_ASSOCIATION_TYPE);
        for (const resource of entries) {
            const principal = principalOf(resource);
            if (principal === undefined) {
                continue;
            }
            const account = accountOf(principal);
            if (hasWildcard(principal)) {
                report(`${resource.name} names the principal pattern "${principal}": name one role.`, resource.urn);
            } else if (account !== undefined && home.size > 0 && !home.has(account)) {
                report(`${resource.name} grants cluster access to ${principal} of account ${account}, not this stack's account (${[...home].join(", ")}).`, resource.urn);
            } else if (account !== undefined && home.size === 0) {
                report(`${resource.name} grants cluster access to ${principal}, and this stack's own account could not be determined to compare it with.`, resource.urn);
            }
            if (resource.type === ACCESS_ENTRY_TYPE && stringsOf(resource.props["kubernetesGroups"]).some((group) => group.toLowerCase() === "system:masters")) {
                report(`${resource.name} puts ${principal} in the system:masters group, i.e. cluster-admin that no access policy can take back: associate an access policy instead.`, resource.urn);
            }
            const boundToAdmin = resource.type === ACCESS_ENTRY_TYPE ? stringsOf(resource.props["kubernetesGroups"]).filter((group) => adminGroups.has(group)) : [];
            if (boundToAdmin.length > 0) {
                report(`${resource.name} puts ${principal} in ${boundToAdmin.join(", ")}, which a ClusterRoleBinding binds to cluster-admin: only the configured admin role may be cluster admin.`, resource.urn);
            }
        }

        const admins = entries.filter((resource) => resource.type === ACCESS_POLICY_ASSOCIATION_TYPE && ADMIN_POLICY.test(String(resource.props["policyArn"])));
        const createdRoleNames = new Set(stack.resources.filter((resource) => resource.type === ROLE_TYPE).map((role) => role.props["name"]).filter((name) => typeof name === "string"));
        for (const association of admins) {
            const principal = principalOf(association) ?? "";
            const roleName = roleNameOf(principal);
            if (roleName !== undefined && createdRoleNames.has(roleName)) {
                report(`${association.name} gives ${String(association.props["policyArn"])} to ${principal}, a role this stack creates: only the configured admin role may be cluster admin.`, association.urn);
            }
        }
        const clusters = stack.resources.filter((resource) => resource.type === EKS_CLUSTER_TYPE);
        const bootstrapAdmin = clusters.some((cluster) => objectAt(cluster.props["accessConfig"])["bootstrapClusterCreatorAdminPermissions"] !== false);
        const allowed = bootstrapAdmin ? 1 : 2;
        const adminPrincipals = [...new Set(admins.map(principalOf).filter((principal): principal is string => principal !== undefined))];
        if (adminPrincipals.length > allowed) {
            report(
                `${adminPrincipals.length} principals get cluster-admin access policies (${adminPrincipals.join(", ")}); only the configured admin role ` +
                    (bootstrapAdmin ? "may (the deploying identity is admin through bootstrapClusterCreatorAdminPermissions)." : "and the deploying identity may."),
                admins[admins.length - 1].urn,
            );
        }
    },
};
