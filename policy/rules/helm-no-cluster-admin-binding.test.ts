import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resource, resourceViolations } from "../lib/testing";
import { clusterAdminBindingPaths, helmNoClusterAdminBinding } from "./helm-no-cluster-admin-binding";

const rule = helmNoClusterAdminBinding;
const release = (values: unknown) => resource("kubernetes:helm.sh/v3:Release", { chart: "headlamp", version: "0.43.0", values });

describe(rule.name, () => {
    it("accepts the program's Headlamp values (binding off) and a binding to a narrower role", async () => {
        assert.deepEqual(await resourceViolations(rule, release({ clusterRoleBinding: { create: false }, service: { type: "ClusterIP" } })), []);
        assert.deepEqual(await resourceViolations(rule, release({ clusterRoleBinding: { create: true, clusterRoleName: "view" } })), []);
        assert.deepEqual(await resourceViolations(rule, release({ ClusterRoleBinding: { Create: "false", clusterRoleName: "cluster-admin" } })), []);
        assert.deepEqual(await resourceViolations(rule, resource("kubernetes:helm.sh/v3:Release", { values: { rbac: { create: true } } })), []);
    });

    it("reports the chart's binding switched back on, or left to its default, at any depth and in any key case", async () => {
        const cases: [unknown, string][] = [
            [{ clusterRoleBinding: { create: true } }, "clusterRoleBinding"],
            [{ clusterRoleBinding: {} }, "clusterRoleBinding"],
            [{ ClusterRoleBinding: { CREATE: "true", ClusterRoleName: "Cluster-Admin" } }, "ClusterRoleBinding"],
            [{ headlamp: { clusterrolebinding: { enabled: true } } }, "headlamp.clusterrolebinding"],
        ];
        for (const [values, path] of cases) {
            const paths = clusterAdminBindingPaths(values);
            assert.equal(paths.length, 1, JSON.stringify(values));
            assert.ok(paths[0].startsWith(path), paths[0]);
            assert.equal((await resourceViolations(rule, release(values))).length, 1);
        }
    });

    it("reports any value naming cluster-admin elsewhere in the values", async () => {
        assert.deepEqual(clusterAdminBindingPaths({ rbac: { roleRef: { name: "cluster-admin" } } }), ["rbac.roleRef.name"]);
        assert.deepEqual(clusterAdminBindingPaths({ extraObjects: [{ roleRef: { name: "CLUSTER-ADMIN" } }] }), ["extraObjects.[0].roleRef.name"]);
    });
});
