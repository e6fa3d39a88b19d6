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

    it("counts every spelling of all verbs on all resources as admin", async () => {
        const spellings = [
            { apiGroups: ["*"], resources: ["*"], verbs: ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"] },
            { apiGroups: [""], resources: ["*/*"], verbs: ["*"] },
            { apiGroups: ["*"], resources: ["pods", "*"], verbs: ["Get", "*"] },
        ];
        for (const rules of spellings) {
            const role = resource(CLUSTER_ROLE, { metadata: { name: "wide" }, rules: [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get"] }, rules] });
            const bound = binding("wide", [group("system:serviceaccounts")]);
            assert.equal((await stackViolations(rule, stackOf([role, bound]))).length, 1, JSON.stringify(rules));
        }
        const readOnly = resource(CLUSTER_ROLE, { metadata: { name: "wide" }, rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["get", "list", "watch"] }] });
        assert.deepEqual(await stackViolations(rule, stackOf([readOnly, binding("wide", [group("system:authenticated")])])), []);
    });

    it("finds bindings carried as manifests in Helm values, as objects or YAML text under any key", async () => {
        const manifest = {
            apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name: "extra" },
            roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" },
            subjects: [{ kind: "Group", name: "system:authenticated" }],
        };
        const asText = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: extra}\n"
            + "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}\nsubjects: [{kind: User, name: 'system:anonymous'}]\n";
        for (const values of [{ extraManifests: [manifest] }, { extraObjects: [asText] }, { deep: { additionalResources: asText } }, JSON.stringify({ extraDeploy: [manifest] })]) {
            const release = resource("kubernetes:helm.sh/v3:Release", { chart: "x", version: "1.0.0", values });
            const violations = await stackViolations(rule, stackOf([release]));
            assert.equal(violations.length, 1, JSON.stringify(values));
            assert.match(violations[0].message, /values\..*ClusterRoleBinding extra/);
        }
        const plain = resource("kubernetes:helm.sh/v3:Release", { chart: "x", version: "1.0.0", values: { rbac: { create: true }, note: "kind: not a manifest" } });
        assert.deepEqual(await stackViolations(rule, stackOf([plain])), []);
    });

    it("reports aws-auth mappings to system:masters or to a group bound to an admin role", async () => {
        const awsAuth = (mapRoles: string) => resource("kubernetes:core/v1:ConfigMap", { metadata: { name: "aws-auth", namespace: "kube-system" }, data: { mapRoles } });
        const masters = awsAuth("- rolearn: arn:aws:iam::123456789012:role/Developers\n  username: dev\n  groups: [system:masters]\n");
        assert.match((await stackViolations(rule, stackOf([masters])))[0].message, /Developers -> system:masters/);
        const viaGroup = awsAuth("- rolearn: arn:aws:iam::123456789012:role/Ci\n  username: ci\n  groups:\n    - ci-admins\n");
        const binds = binding("cluster-admin", [group("ci-admins")]);
        assert.equal((await stackViolations(rule, stackOf([viaGroup, binds]))).length, 1);
        assert.deepEqual(await stackViolations(rule, stackOf([viaGroup])), []);
        const users = resource("kubernetes:core/v1:ConfigMap", { metadata: { name: "aws-auth" }, data: { mapUsers: "- userarn: arn:aws:iam::123456789012:user/bob\n  groups: ['system:masters']\n" } });
        assert.equal((await stackViolations(rule, stackOf([users]))).length, 1);
        const nodes = awsAuth("- rolearn: arn:aws:iam::123456789012:role/node\n  username: system:node:{{EC2PrivateDNSName}}\n  groups: [system:bootstrappers, system:nodes]\n");
        assert.deepEqual(await stackViolations(rule, stackOf([nodes])), []);
    });
});
