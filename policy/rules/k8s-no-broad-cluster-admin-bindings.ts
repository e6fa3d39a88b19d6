// Binding cluster-admin - or any role that allows every verb on every resource - to a broad group hands the whole
// cluster to everyone in it: system:authenticated is every identity EKS authenticates (any IAM principal with an
// access entry, and more), system:unauthenticated / system:anonymous anyone who can reach the API server,
// system:serviceaccounts every pod, system:serviceaccounts:<namespace> every pod of a namespace
// (https://kubernetes.io/docs/reference/access-authn-authz/rbac/#default-roles-and-role-bindings,
// https://docs.aws.amazon.com/eks/latest/best-practices/identity-and-access-management.html). Bindings are found as
// resources and inside kubernetes:yaml config groups; a ClusterRole or Role counts as admin when it is cluster-admin
// or when one of its rules (declared in the same stack) has `*` in both verbs and resources.
import { kubernetesObjectsOf } from "../lib/kubernetes";
import type { LocatedObject } from "../lib/kubernetes";
import type { StackRule } from "../lib/types";
import { isObject, listOf, objectAt, stringsOf } from "../lib/values";

export const CLUSTER_ADMIN = "cluster-admin";
const BINDING_KINDS = new Set(["ClusterRoleBinding", "RoleBinding"]);
const ROLE_KINDS = new Set(["ClusterRole", "Role"]);

/** Subjects that stand for many identities, not one. */
export function isBroadSubject(subject: unknown): boolean {
    if (!isObject(subject)) {
        return false;
    }
    const kind = String(subject["kind"] ?? "");
    const name = String(subject["name"] ?? "").toLowerCase();
    if (kind === "Group") {
        return ["system:authenticated", "system:unauthenticated", "system:anonymous", "system:serviceaccounts"].includes(name) || name.startsWith("system:serviceaccounts:");
    }
    return kind === "User" && (name === "system:anonymous" || name === "*");
}

/** A role whose rules allow every verb on every resource. */
export function grantsEverything(role: LocatedObject): boolean {
    return listOf(role.object["rules"]).some((rule) => isObject(rule) && stringsOf(rule["verbs"]).includes("*") && stringsOf(rule["resources"]).includes("*"));
}

export const k8sNoBroadClusterAdminBindings: StackRule = {
    kind: "stack",
    name: "k8s-no-broad-cluster-admin-bindings",
    description: "cluster-admin (or any role with `*` verbs on `*` resources) is not bound to system:authenticated, system:anonymous, system:serviceaccounts[:<ns>] or system:unauthenticated.",
    enforcementLevel: "mandatory",
    validateStack(stack, report) {
        const located = stack.resources.flatMap((resource) => kubernetesObjectsOf(resource).map((object) => ({ resource, object })));
        const adminRoles = new Set(
            located
                .filter(({ object }) => ROLE_KINDS.has(object.kind) && grantsEverything(object))
                .map(({ object }) => `${object.kind}/${String(objectAt(object.object["metadata"])["name"])}`),
        );
        for (const { resource, object } of located.filter(({ object: candidate }) => BINDING_KINDS.has(candidate.kind))) {
            const roleRef = objectAt(object.object["roleRef"]);
            const roleKey = `${String(roleRef["kind"])}/${String(roleRef["name"])}`;
            const isAdmin = (roleRef["kind"] === "ClusterRole" && roleRef["name"] === CLUSTER_ADMIN) || adminRoles.has(roleKey);
            if (!isAdmin) {
                continue;
            }
            const broad = listOf(object.object["subjects"]).filter(isBroadSubject).map((subject) => `${String(objectAt(subject)["kind"])} ${String(objectAt(subject)["name"])}`);
            if (broad.length > 0) {
                report(`${object.where} binds ${roleKey} (every verb on every resource) to ${broad.join(", ")}: bind a narrower role to named subjects.`, resource.urn);
            }
        }
    },
};
