import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resource, stackOf, stackViolations } from "../lib/testing";
import { isBroadSubject, k8sNoBroadClusterAdminBindings } from "./k8s-no-broad-cluster-admin-bindings";

const rule = k8sNoBroadClusterAdminBindings;
const CRB = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding";
const RB = "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding";
const CLUSTER_ROLE = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole";
const binding = (roleName: string, subjects: unknown[], type = CRB) =>
    resource(type, { metadata: { name: `bind-${roleName}` }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: roleName }, subjects });
const group = (name: string) => ({ kind: "Group", apiGroup: "rbac.authorization.k8s.io", name });

describe(rule.name, () => {
    it("knows broad subjects from named ones", () => {
        for (const subject of [group("system:authenticated"), group("system:unauthenticated"), group("system:serviceaccounts"), group("system:serviceaccounts:emr-jobs"), { kind: "User", name: "system:anonymous" }]) {
            assert.equal(isBroadSubject(subject), true, JSON.stringify(subject));
        }
        for (const subject of [group("platform-admins"), { kind: "ServiceAccount", name: "headlamp-viewer", namespace: "headlamp" }, { kind: "User", name: "alice" }]) {
            assert.equal(isBroadSubject(subject), false, JSON.stringify(subject));
        }
    });

    it("accepts view for a service account (the program's dashboard binding) and cluster-admin for a named group", async () => {
        const viewer = binding("view", [{ kind: "ServiceAccount", name: "headlamp-viewer", namespace: "headlamp" }]);
        const named = binding("cluster-admin", [group("platform-admins")]);
        const broadView = binding("view", [group("system:authenticated")]);
        assert.deepEqual(await stackViolations(rule, stackOf([viewer, named, broadView])), []);
    });

    it("reports cluster-admin bound to each broad subject, by ClusterRoleBinding or RoleBinding", async () => {
        for (const subject of [group("system:authenticated"), group("system:anonymous"), { kind: "User", name: "system:anonymous" }, group("system:serviceaccounts"), group("system:serviceaccounts:emr-jobs")]) {
            for (const type of [CRB, RB]) {
                const target = binding("cluster-admin", [{ kind: "ServiceAccount", name: "x", namespace: "y" }, subject], type);
                const violations = await stackViolations(rule, stackOf([target]));
                assert.equal(violations.length, 1, `${type} ${JSON.stringify(subject)}`);
                assert.equal(violations[0].urn, target.urn);
            }
        }
    });

    it("reports a home-made ClusterRole with * verbs on * resources bound broadly, and bindings inside config groups", async () => {
        const everything = resource(CLUSTER_ROLE, { metadata: { name: "god-mode" }, rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }] });
        const bound = binding("god-mode", [group("system:authenticated")]);
        assert.equal((await stackViolations(rule, stackOf([everything, bound]))).length, 1);
        assert.deepEqual(await stackViolations(rule, stackOf([bound])), []); // without the role in the stack, god-mode is just a name

        const yaml = [
            "apiVersion: rbac.authorization.k8s.io/v1",
            "kind: ClusterRoleBinding",
            "metadata: {name: everyone-admin}",
            "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}",
            "subjects: [{kind: Group, apiGroup: rbac.authorization.k8s.io, name: 'system:authenticated'}]",
        ].join("\n");
        const group_ = resource("kubernetes:yaml/v2:ConfigGroup", { yaml });
        assert.match((await stackViolations(rule, stackOf([group_])))[0].message, /ClusterRoleBinding everyone-admin/);
    });
});
