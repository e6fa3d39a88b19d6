// The documents other branches bring in, run through every rule of the pack at once: the AWS Load Balancer
// Controller's upstream IAM policy on its IRSA role (tag-conditioned creates and Describe* on `*`), the EMR job
// role's Pod Identity trust as the program writes it, and a cluster in API_AND_CONFIG_MAP mode. None of them may be reported.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ALL_RULES } from "../rules";
import { evaluateStack } from "./evaluate";
import { compliantClusterProps } from "./eks-cluster-fixture";
import { COMMON_TAGS, TEST_ACCOUNT, policyJson, resource, stackOf } from "./testing";
import { loadBalancerControllerPolicy, podIdentityTrust } from "./upstream-documents";

const ISSUER = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";

function platformStack(clusterMode: string) {
    const clusterRole = resource("aws:iam/role:Role", {
        name: "dev-eks-cluster",
        assumeRolePolicy: policyJson({ Effect: "Allow", Principal: { Service: "eks.amazonaws.com" }, Action: "sts:AssumeRole" }),
        tags: COMMON_TAGS,
    });
    const cluster = resource(
        "aws:eks/cluster:Cluster",
        compliantClusterProps({ roleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/dev-eks-cluster`, accessConfig: { authenticationMode: clusterMode, bootstrapClusterCreatorAdminPermissions: true } }),
    );
    const controllerRole = resource("aws:iam/role:Role", {
        name: "dev-aws-load-balancer-controller",
        assumeRolePolicy: policyJson({
            Effect: "Allow",
            Principal: { Federated: `arn:aws:iam::${TEST_ACCOUNT}:oidc-provider/${ISSUER}` },
            Action: "sts:AssumeRoleWithWebIdentity",
            Condition: { StringEquals: { [`${ISSUER}:aud`]: "sts.amazonaws.com", [`${ISSUER}:sub`]: "system:serviceaccount:kube-system:aws-load-balancer-controller" } },
        }),
        tags: COMMON_TAGS,
    });
    const controllerPolicy = resource("aws:iam/policy:Policy", { name: "dev-aws-load-balancer-controller", policy: loadBalancerControllerPolicy(), tags: COMMON_TAGS });
    const attachment = resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", { role: "dev-aws-load-balancer-controller", policyArn: `arn:aws:iam::${TEST_ACCOUNT}:policy/dev-aws-load-balancer-controller` });
    const jobRole = resource("aws:iam/role:Role", { name: "dev-emr-job", assumeRolePolicy: podIdentityTrust(), tags: COMMON_TAGS });
    return stackOf([clusterRole, cluster, controllerRole, controllerPolicy, attachment, jobRole]);
}

describe("documents landing from other branches", () => {
    for (const mode of ["API", "API_AND_CONFIG_MAP"]) {
        it(`pass every rule of the pack (cluster authenticationMode ${mode})`, async () => {
            const evaluation = await evaluateStack(platformStack(mode), ALL_RULES);
            assert.deepEqual(evaluation.failures, []);
            assert.deepEqual(evaluation.violations.filter((violation) => violation.enforcementLevel === "mandatory"), []);
        });
    }

    it("would be reported if the controller's tag-conditioned statements lost their scoping (the test can fail)", async () => {
        const stack = platformStack("API");
        const loosened = JSON.parse(loadBalancerControllerPolicy()) as { Statement: Record<string, unknown>[] };
        loosened.Statement[0] = { Effect: "Allow", Action: "iam:CreateServiceLinkedRole", Resource: "*" };
        const resources = stack.resources.map((candidate) => (candidate.type === "aws:iam/policy:Policy" ? { ...candidate, props: { ...candidate.props, policy: JSON.stringify(loosened) } } : candidate));
        const evaluation = await evaluateStack({ ...stack, resources }, ALL_RULES);
        assert.deepEqual(evaluation.violations.map((violation) => violation.policyName), ["iam-no-privilege-escalation"]);
    });
});
