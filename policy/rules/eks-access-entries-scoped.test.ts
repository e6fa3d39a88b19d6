import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compliantClusterProps } from "../lib/eks-cluster-fixture";
import { TEST_ACCOUNT, policyJson, resource, stackOf, stackViolations } from "../lib/testing";
import { eksAccessEntriesScoped } from "./eks-access-entries-scoped";

const rule = eksAccessEntriesScoped;
const ENTRY = "aws:eks/accessEntry:AccessEntry";
const ASSOCIATION = "aws:eks/accessPolicyAssociation:AccessPolicyAssociation";
const CLUSTER_ADMIN = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";
const VIEW = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy";
const ADMIN_ROLE = `arn:aws:iam::${TEST_ACCOUNT}:role/Admin`;
const OTHER = "arn:aws:iam::999988887777:role/Admin";

/** The stack as the program builds it: cluster role (which fixes the account), cluster, admin entry + association. */
function platform(extra: ReturnType<typeof resource>[] = [], clusterOverrides: Record<string, unknown> = {}) {
    const clusterRole = resource("aws:iam/role:Role", { name: "dev-eks-cluster", assumeRolePolicy: policyJson({ Effect: "Allow", Principal: { Service: "eks.amazonaws.com" }, Action: "sts:AssumeRole" }) });
    const jobRole = resource("aws:iam/role:Role", { name: "dev-emr-job", assumeRolePolicy: policyJson({ Effect: "Allow", Principal: { Service: "pods.eks.amazonaws.com" }, Action: "sts:AssumeRole" }) });
    const cluster = resource("aws:eks/cluster:Cluster", compliantClusterProps({ roleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/dev-eks-cluster`, ...clusterOverrides }));
    const entry = resource(ENTRY, { clusterName: "dev-eks", principalArn: ADMIN_ROLE, type: "STANDARD" }, { name: "dev-admin" });
    const association = resource(ASSOCIATION, { clusterName: "dev-eks", principalArn: ADMIN_ROLE, policyArn: CLUSTER_ADMIN, accessScope: { type: "cluster" } }, { name: "dev-admin-policy" });
    return stackOf([clusterRole, jobRole, cluster, entry, association, ...extra]);
}

describe(rule.name, () => {
    it("accepts the configured admin role as cluster admin, with API or API_AND_CONFIG_MAP, and narrower policies for others", async () => {
        assert.deepEqual(await stackViolations(rule, platform()), []);
        assert.deepEqual(await stackViolations(rule, platform([], { accessConfig: { authenticationMode: "API_AND_CONFIG_MAP", bootstrapClusterCreatorAdminPermissions: true } })), []);
        const viewer = resource(ASSOCIATION, { principalArn: `arn:aws:iam::${TEST_ACCOUNT}:role/Viewer`, policyArn: VIEW, accessScope: { type: "namespace", namespaces: ["emr-jobs"] } });
        assert.deepEqual(await stackViolations(rule, platform([viewer])), []);
        const deployer = resource(ASSOCIATION, { principalArn: `arn:aws:iam::${TEST_ACCOUNT}:role/Deployer`, policyArn: CLUSTER_ADMIN });
        assert.deepEqual(await stackViolations(rule, platform([deployer], { accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false } })), []);
    });

    it("reports entries and associations for another account's principal, or a pattern", async () => {
        const foreignEntry = resource(ENTRY, { principalArn: OTHER, type: "STANDARD" });
        const foreignView = resource(ASSOCIATION, { principalArn: OTHER, policyArn: VIEW });
        const pattern = resource(ENTRY, { principalArn: `arn:aws:iam::${TEST_ACCOUNT}:role/*`, type: "STANDARD" });
        for (const target of [foreignEntry, foreignView, pattern]) {
            const violations = await stackViolations(rule, platform([target]));
            assert.equal(violations.length, 1, JSON.stringify(target.props));
            assert.equal(violations[0].urn, target.urn);
        }
    });

    it("reports system:masters in kubernetesGroups, and a group the stack binds to cluster-admin", async () => {
        const masters = resource(ENTRY, { principalArn: `arn:aws:iam::${TEST_ACCOUNT}:role/Ops`, kubernetesGroups: ["viewers", "system:masters"] });
        assert.match((await stackViolations(rule, platform([masters])))[0].message, /system:masters/);
        const ops = resource(ENTRY, { principalArn: `arn:aws:iam::${TEST_ACCOUNT}:role/Ops`, kubernetesGroups: ["ops"] });
        const bindsOps = (roleName: string) =>
            resource("kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding", {
                metadata: { name: "ops" },
                roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: roleName },
                subjects: [{ kind: "Group", apiGroup: "rbac.authorization.k8s.io", name: "ops" }],
            });
        const [violation] = await stackViolations(rule, platform([ops, bindsOps("cluster-admin")]));
        assert.equal(violation.urn, ops.urn);
        assert.match(violation.message, /in ops, which a ClusterRoleBinding binds to cluster-admin/);
        assert.deepEqual(await stackViolations(rule, platform([ops, bindsOps("view")])), []);
    });

    it("reports cluster-admin for a role the stack creates, and for a second principal besides the bootstrap creator", async () => {
        const workload = resource(ASSOCIATION, { principalArn: `arn:aws:iam::${TEST_ACCOUNT}:role/dev-emr-job`, policyArn: CLUSTER_ADMIN });
        const workloadViolations = await stackViolations(rule, platform([workload]));
        assert.ok(workloadViolations.some((violation) => /a role this stack creates/.test(violation.message) && violation.urn === workload.urn));
        const second = resource(ASSOCIATION, { principalArn: `arn:aws:iam::${TEST_ACCOUNT}:role/Someone`, policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy" });
        const [violation] = await stackViolations(rule, platform([second]));
        assert.match(violation.message, /2 principals get cluster-admin/);
    });
});
