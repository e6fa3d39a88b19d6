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

/**
 * Every verb, however spelled: `*`, or the full list of the API's verbs
 * (https://kubernetes.io/docs/reference/access-authn-authz/authorization/#determine-the-request-verb).
 */
const ALL_VERBS = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"];

function allVerbs(verbs: readonly string[]): boolean {
    const spelled = verbs.map((verb) => verb.trim().toLowerCase());
    return spelled.includes("*") || ALL_VERBS.every((verb) => spelled.includes(verb));
}

// Every resource: a star alone, or star-slash-star (every subresource too).
function allResources(resources: readonly string[]): boolean {
    return resources.some((resource) => ["*", "*/*"].includes(resource.trim()));
}

/** A role whose rules allow every verb on every resource (of its API groups: even core alone holds secrets and exec). */
export function grantsEverything(role: LocatedObject): boolean {
    return listOf(role.object["rules"]).some((rule) => isObject(rule) && allVerbs(stringsOf(rule["verbs"])) && allResources(stringsOf(rule["resources"])));
}

/**
 * The aws-auth ConfigMap's mappings that make identities cluster admins: `system:masters` (hard-wired to every
 * permission, https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles) or a group the stack
 * binds to an admin role. EKS honours aws-auth in the CONFIG_MAP and API_AND_CONFIG_MAP authentication modes
 * (https://docs.aws.amazon.com/eks/latest/userguide/auth-configmap.html).
 */
export function awsAuthAdminMappings(configMap: LocatedObject, adminGroups: ReadonlySet<string>): string[] {
    const metadata = objectAt(configMap.object["metadata"]);
    if (configMap.kind !== "ConfigMap" || metadata["name"] !== "aws-auth") {
        return [];
    }
    const data = objectAt(configMap.object["data"]);
    const found: string[] = [];
    for (const key of ["mapRoles", "mapUsers"]) {
        const text = data[key];
        let entries: unknown[] = [];
        try {
            entries = typeof text === "string" ? listOf(loadYaml(text)) : listOf(text);
        } catch {
            continue; // EKS ignores an unreadable mapping; nothing is granted by it
        }
        for (const entry of entries.filter(isObject)) {
            const groups = stringsOf(entry["groups"]).filter((group) => group.trim() === "system:masters" || adminGroups.has(group.trim()));
            if (groups.length > 0) {
                found.push(`${key}: ${String(entry["rolearn"] ?? entry["userarn"] ?? "?")} -> ${groups.join(", ")}`);
            }
        }
    }
    return found;
}

function loadYaml(text: string): unknown {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require("js-yaml") as typeof import("js-yaml")).load(text);
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
        const adminGroups = new Set<string>();
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
            listOf(object.object["subjects"]).filter((subject) => isObject(subject) && subject["kind"] === "Group")
                .forEach((subject) => adminGroups.add(String(objectAt(subject)["name"])));
        }
        for (const { resource, object } of located) {
            const mappings = awsAuthAdminMappings(object, adminGroups);
            if (mappings.length > 0) {
                report(`${object.where} makes cluster admins: ${mappings.join("; ")}: grant access with EKS access entries scoped to what each principal needs.`, resource.urn);
            }
        }
    },
};
