// Some charts ship their own ClusterRoleBinding to cluster-admin behind a values switch. Headlamp's chart, which
// this platform deploys, binds its service account to the ClusterRole named by `clusterRoleBinding.clusterRoleName`
// (cluster-admin by default) whenever `clusterRoleBinding.create` is true - its default
// (https://github.com/kubernetes-sigs/headlamp/blob/main/charts/headlamp/values.yaml). Our program turns it off and
// binds a read-only role instead; a later change of values must not turn it back on. Reported, at any depth and with
// keys in any case: a `clusterRoleBinding` block whose `create` (or `enabled`) is not false while its role name is
// absent or cluster-admin, and any value naming cluster-admin (a values file that mentions it is binding it).
import { HELM_VALUE_TYPES, helmValuesOf, valueAtKey } from "../lib/kubernetes";
import type { ResourceRule } from "../lib/types";
import { isObject } from "../lib/values";
import { CLUSTER_ADMIN } from "./k8s-no-broad-cluster-admin-bindings";

const isFalse = (value: unknown) => value === false || (typeof value === "string" && value.trim().toLowerCase() === "false");

/** Paths in Helm values that bind cluster-admin. */
export function clusterAdminBindingPaths(values: unknown, path: string[] = []): string[] {
    if (Array.isArray(values)) {
        return values.flatMap((item, index) => clusterAdminBindingPaths(item, [...path, `[${index}]`]));
    }
    if (typeof values === "string") {
        return values.trim().toLowerCase() === CLUSTER_ADMIN ? [path.join(".")] : [];
    }
    if (!isObject(values)) {
        return [];
    }
    const found: string[] = [];
    const key = (path[path.length - 1] ?? "").toLowerCase();
    if (key === "clusterrolebinding") {
        const switchValue = valueAtKey(values, "create") ?? valueAtKey(values, "enabled");
        const roleName = valueAtKey(values, "clusterRoleName") ?? valueAtKey(values, "roleName");
        if (!isFalse(switchValue) && (roleName === undefined || (typeof roleName === "string" && roleName.toLowerCase() === CLUSTER_ADMIN))) {
            found.push(`${path.join(".")} (create: ${JSON.stringify(switchValue ?? "chart default")}, role: ${JSON.stringify(roleName ?? "chart default, cluster-admin")})`);
        }
        return found; // the block is judged as a whole: a switched-off binding may still carry the default role name
    }
    for (const [childKey, child] of Object.entries(values)) {
        found.push(...clusterAdminBindingPaths(child, [...path, childKey]));
    }
    return found;
}

export const helmNoClusterAdminBinding: ResourceRule = {
    kind: "resource",
    name: "helm-no-cluster-admin-binding",
    description: "Helm values do not turn on a chart's own cluster-admin binding (clusterRoleBinding.create) or name cluster-admin anywhere.",
    enforcementLevel: "mandatory",
    validateResource(resource, report) {
        if (!HELM_VALUE_TYPES.has(resource.type)) {
            return;
        }
        const paths = clusterAdminBindingPaths(helmValuesOf(resource));
        if (paths.length > 0) {
            report(`Helm values bind cluster-admin at ${paths.join(", ")}: set clusterRoleBinding.create to false and bind a narrower role.`);
        }
    },
};
