// The pack as Pulumi runs it: `pulumi preview --policy-pack policy` starts @pulumi/pulumi's run-policy-pack on this
// directory (package.json "main" -> dist/index.js), which serves the Analyzer gRPC service. This test does the same
// and asks the service, as the CLI would, for the pack's policies and for a resource and a stack analysis.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

const PACK_DIR = join(__dirname, "..");
// grpc and the analyzer protocol come with @pulumi/policy; load them the way it does.
const fromPolicySdk = createRequire(require.resolve("@pulumi/policy/package.json"));
const fromPulumiSdk = createRequire(require.resolve("@pulumi/pulumi/package.json"));
const grpc: any = fromPolicySdk("@grpc/grpc-js");
const analyzerGrpc: any = fromPulumiSdk("./proto/analyzer_grpc_pb.js");
const analyzerProto: any = fromPulumiSdk("./proto/analyzer_pb.js");
const { Struct }: any = fromPulumiSdk("google-protobuf/google/protobuf/struct_pb.js");
const { Empty }: any = fromPulumiSdk("google-protobuf/google/protobuf/empty_pb.js");

let server: ChildProcess | undefined;
let client: any;

function call<T>(method: string, request: unknown): Promise<T> {
    return new Promise((resolve, reject) => client[method](request, (error: Error | null, response: T) => (error ? reject(error) : resolve(response))));
}

function analyzerResource(type: string, name: string, stack: string, props: Record<string, unknown>): any {
    const resource = new analyzerProto.AnalyzerResource();
    resource.setType(type);
    resource.setName(name);
    resource.setUrn(`urn:pulumi:${stack}::big-data-stack::${type}::${name}`);
    resource.setProperties(Struct.fromJavaScript(props));
    resource.setOptions(new analyzerProto.AnalyzerResourceOptions());
    return resource;
}

describe("policy pack served by the Pulumi policy runtime", { timeout: 60_000 }, () => {
    before(async () => {
        const runner = fromPulumiSdk.resolve("./cmd/run-policy-pack");
        server = spawn(process.execPath, [runner, "127.0.0.1:0", "."], { cwd: PACK_DIR, stdio: ["ignore", "pipe", "pipe"] });
        let stderr = "";
        server.stderr?.on("data", (chunk) => (stderr += chunk));
        const port = await new Promise<string>((resolve, reject) => {
            server?.stdout?.once("data", (chunk) => resolve(String(chunk).trim()));
            server?.once("exit", (code) => reject(new Error(`run-policy-pack exited with ${code}: ${stderr}`)));
        });
        client = new analyzerGrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    });

    after(() => {
        client?.close();
        server?.kill();
    });

    it("announces every rule with its enforcement level", async () => {
        const info: any = await call("getAnalyzerInfo", new Empty());
        assert.equal(info.getName(), "big-data-stack");
        const levels = new Map(info.getPoliciesList().map((policy: any) => [policy.getName(), policy.getEnforcementlevel()]));
        // Written out, not ALL_RULES.length: the pack is built from that list, so a rule dropped from it would drop here too.
        assert.deepEqual([...levels.keys()].sort(), [
            "aws-common-tags", "cost-node-instance-types", "cost-single-nat-gateway", "ec2-nacl-no-public-ingress",
            "ec2-no-public-ingress", "eks-access-entries-scoped", "eks-authentication-mode-api", "eks-control-plane-logging",
            "eks-node-group-no-remote-access", "eks-node-launch-template-hardened", "eks-public-endpoint-documentation-range",
            "eks-public-endpoint-restricted",
            "eks-public-endpoint-restricted-dev", "eks-secrets-encryption", "eks-supported-version",
            "emr-dynamic-allocation-shuffle-tracking", "emr-endpoint-kubernetes-version", "emr-start-job-run-role-scoped", "helm-no-cluster-admin-binding", "helm-release-pinned", "iam-actions-exist",
            "iam-no-data-access-on-all-resources", "iam-no-full-access-managed-policies", "iam-no-privilege-escalation",
            "iam-no-wildcard-actions", "iam-pass-role-scoped", "iam-pod-identity-trust-scoped", "iam-policy-document-parsable",
            "iam-policy-document-secret", "iam-trust-principals-scoped", "iam-web-identity-trust-own-cluster", "iam-web-identity-trust-scoped",
            "k8s-no-broad-cluster-admin-bindings", "k8s-no-load-balancer-services",
            "karpenter-controller-pass-role-scoped", "karpenter-node-class-hardened", "resource-policy-principals-scoped",
            "s3-encryption-configured", "s3-no-cross-account-replication", "s3-no-public-acls", "s3-public-access-blocked", "s3-tls-only-bucket-policy",
            "sqs-queue-tls-only", "studio-workspace-sg-no-ingress",
        ]);
        assert.equal(levels.get("emr-endpoint-kubernetes-version"), analyzerProto.EnforcementLevel.ADVISORY);
        assert.equal(levels.get("iam-no-wildcard-actions"), analyzerProto.EnforcementLevel.MANDATORY);
        assert.equal(levels.get("cost-single-nat-gateway"), analyzerProto.EnforcementLevel.ADVISORY);
        assert.equal(levels.get("eks-public-endpoint-documentation-range"), analyzerProto.EnforcementLevel.ADVISORY);
    });

    it("reports resource violations, judging the stack from the URN", async () => {
        const request = new analyzerProto.AnalyzeRequest();
        const cluster = analyzerResource("aws:eks/cluster:Cluster", "eks", "prod", { version: "1.29", vpcConfig: { publicAccessCidrs: ["0.0.0.0/0"] } });
        for (const field of ["Type", "Name", "Urn", "Properties", "Options"]) {
            request[`set${field}`](cluster[`get${field}`]());
        }
        const response: any = await call("analyze", request);
        const policies = response.getDiagnosticsList().map((diagnostic: any) => diagnostic.getPolicyname());
        assert.ok(policies.includes("eks-supported-version"), policies.join(", "));
        assert.ok(policies.includes("eks-public-endpoint-restricted"), policies.join(", "));
        assert.ok(!policies.includes("eks-public-endpoint-restricted-dev"), policies.join(", "));
    });

    it("reports stack violations against the resource they name", async () => {
        const request = new analyzerProto.AnalyzeStackRequest();
        const bucket = analyzerResource("aws:s3/bucketV2:BucketV2", "logs", "prod", {});
        request.setResourcesList([bucket]);
        const response: any = await call("analyzeStack", request);
        const tlsViolation = response.getDiagnosticsList().find((diagnostic: any) => diagnostic.getPolicyname() === "s3-tls-only-bucket-policy");
        assert.ok(tlsViolation);
        assert.equal(tlsViolation.getUrn(), bucket.getUrn());
    });
});
