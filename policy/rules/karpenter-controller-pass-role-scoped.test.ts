import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { policyJson, resource, stackOf, stackViolations } from "../lib/testing";
import { karpenterControllerPassRoleScoped } from "./karpenter-controller-pass-role-scoped";

const rule = karpenterControllerPassRoleScoped;
const ROLE = "aws:iam/role:Role";
const NODE_ROLE_ARN = "arn:aws:iam::123456789012:role/dev-karpenter-node";

function irsaTrust(subject = "system:serviceaccount:kube-system:karpenter"): string {
    return policyJson({
        Effect: "Allow",
        Principal: { Federated: "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/X" },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: { StringEquals: { "oidc.eks.us-east-1.amazonaws.com/id/X:sub": subject, "oidc.eks.us-east-1.amazonaws.com/id/X:aud": "sts.amazonaws.com" } },
    });
}

function passRole(fields: Record<string, unknown>): string {
    return policyJson({ Sid: "AllowPassingInstanceRole", Effect: "Allow", Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } }, ...fields });
}

const release = (values: Record<string, unknown> = {}, chart = "oci://public.ecr.aws/karpenter/karpenter") =>
    resource("kubernetes:helm.sh/v3:Release", { chart, version: "1.14.1", namespace: "kube-system", values }, { name: "dev-karpenter" });
const nodeClass = resource("kubernetes:karpenter.k8s.aws/v1:EC2NodeClass", { apiVersion: "karpenter.k8s.aws/v1", kind: "EC2NodeClass", metadata: { name: "spark" }, spec: { role: "dev-karpenter-node" } });

/** The program's shape: a role trusted by the service account, a customer managed policy attached to it. */
function stackWith(document: string, options: { trust?: string; values?: Record<string, unknown>; chart?: string; classes?: boolean } = {}) {
    const role = resource(ROLE, { name: "dev-karpenter-controller", assumeRolePolicy: options.trust ?? irsaTrust() }, { name: "dev-karpenter" });
    const policy = resource("aws:iam/policy:Policy", { name: "dev-karpenter-controller-iam-integration", policy: document }, { name: "dev-karpenter-iam-integration" });
    const attachment = resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment",
        { role: "dev-karpenter-controller", policyArn: "arn:aws:iam::123456789012:policy/dev-karpenter-controller-iam-integration" },
        { propertyDependencies: { policyArn: [policy] } });
    return stackOf([role, policy, attachment, release(options.values, options.chart), ...(options.classes === false ? [] : [nodeClass])]);
}

describe(rule.name, () => {
    it("accepts PassRole of exactly the node role, and stacks without Karpenter", async () => {
        assert.deepEqual(await stackViolations(rule, stackWith(passRole({ Action: "iam:PassRole", Resource: NODE_ROLE_ARN }))), []);
        assert.deepEqual(await stackViolations(rule, stackWith(passRole({ Action: ["iam:PassRole"], Resource: [NODE_ROLE_ARN] }))), []);
        const noKarpenter = stackOf([resource(ROLE, { name: "r", assumeRolePolicy: irsaTrust() })]);
        assert.deepEqual(await stackViolations(rule, noKarpenter), []);
        // Statements that do not grant PassRole are none of this rule's business.
        assert.deepEqual(await stackViolations(rule, stackWith(policyJson({ Effect: "Allow", Action: "iam:GetInstanceProfile", Resource: "*" }))), []);
    });

    it("reports every spelling of PassRole on anything but the node role", async () => {
        const cases: Record<string, unknown>[] = [
            { Action: "iam:PassRole", Resource: "*" },
            { Action: "IAM:passrole", Resource: "arn:aws:iam::123456789012:role/*" },
            { Action: "iam:Pass*", Resource: "arn:aws:iam::123456789012:role/dev-karpenter-*" },
            { Action: "iam:*", Resource: [NODE_ROLE_ARN, "arn:aws:iam::123456789012:role/admin"] },
            { Action: "*", Resource: "arn:aws:iam::123456789012:role/other" },
            { NotAction: "s3:*", Resource: "*" },
            { Action: "iam:PassRole", NotResource: "arn:aws:iam::123456789012:role/admin" },
            { Action: "iam:P?ssRole", Resource: "arn:aws:iam::*:role/dev-karpenter-node" },
        ];
        for (const fields of cases) {
            const violations = await stackViolations(rule, stackWith(passRole(fields)));
            assert.equal(violations.length, 1, JSON.stringify(fields));
            assert.match(violations[0].message, /dev-karpenter-node/);
            assert.match(violations[0].urn ?? "", /aws:iam\/policy:Policy::dev-karpenter-iam-integration$/);
        }
    });

    it("finds the controller role by Pod Identity trust, by association, by annotation, with a renamed service account", async () => {
        const podTrust = policyJson({
            Effect: "Allow", Principal: { Service: "pods.eks.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"],
            Condition: { StringEquals: { "aws:RequestTag/kubernetes-namespace": "kube-system", "aws:RequestTag/kubernetes-service-account": ["karpenter"] } },
        });
        const wide = passRole({ Action: "iam:PassRole", Resource: "*" });
        assert.equal((await stackViolations(rule, stackWith(wide, { trust: podTrust }))).length, 1);
        const renamed = { serviceAccount: { name: "nodes-controller" } };
        assert.equal((await stackViolations(rule, stackWith(wide, { trust: irsaTrust("system:serviceaccount:kube-system:nodes-controller"), values: renamed }))).length, 1);
        const annotated = { serviceAccount: { annotations: { "eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/dev-karpenter-controller" } } };
        const unrelatedTrust = policyJson({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" });
        assert.equal((await stackViolations(rule, stackWith(wide, { trust: unrelatedTrust, values: annotated }))).length, 1);
        // A chart named plainly (a repository chart) is Karpenter too.
        assert.equal((await stackViolations(rule, stackWith(wide, { chart: "karpenter" }))).length, 1);
        // By association: the role's trust alone does not name the account.
        const base = stackWith(wide, { trust: unrelatedTrust });
        const role = base.resources.find((r) => r.type === ROLE)!;
        const association = resource("aws:eks/podIdentityAssociation:PodIdentityAssociation",
            { namespace: "kube-system", serviceAccount: "karpenter", roleArn: "arn:aws:iam::123456789012:role/dev-karpenter-controller", clusterName: "c" },
            { propertyDependencies: { roleArn: [role] } });
        assert.equal((await stackViolations(rule, stackOf([...base.resources, association]))).length, 1);
    });

    it("checks inline and RolePolicy documents too, and reports PassRole when no node class names a role", async () => {
        const inline = stackOf([
            resource(ROLE, { name: "dev-karpenter-controller", assumeRolePolicy: irsaTrust(), inlinePolicies: [{ name: "p", policy: passRole({ Action: "iam:PassRole", Resource: "*" }) }] }),
            release(), nodeClass,
        ]);
        assert.equal((await stackViolations(rule, inline)).length, 1);
        const role = resource(ROLE, { name: "dev-karpenter-controller", assumeRolePolicy: irsaTrust() });
        const rolePolicy = resource("aws:iam/rolePolicy:RolePolicy", { role: "dev-karpenter-controller", name: "p", policy: passRole({ Action: "iam:PassRole", Resource: "arn:aws:iam::123456789012:role/x" }) });
        assert.equal((await stackViolations(rule, stackOf([role, rolePolicy, release(), nodeClass]))).length, 1);
        const noClasses = await stackViolations(rule, stackWith(passRole({ Action: "iam:PassRole", Resource: NODE_ROLE_ARN }), { classes: false }));
        assert.equal(noClasses.length, 1);
        assert.match(noClasses[0].message, /no EC2NodeClass/);
    });

    it("reports a Karpenter release whose role cannot be found", async () => {
        const violations = await stackViolations(rule, stackOf([release(), nodeClass]));
        assert.equal(violations.length, 1);
        assert.match(violations[0].message, /cannot be reviewed/);
    });
});
