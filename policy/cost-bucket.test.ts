// The cost report bucket of `costReports: true` (prod) is held to the same S3 rules as every bucket: private, encrypted,
// TLS only. Read from the program's own prod plan (target/plan/prod.json, written by `plan` before the pack's tests in
// `./mvnw verify`): compliant as planned, and each rule fires on the cost bucket when its companion goes.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { evaluateStack } from "./lib/evaluate";
import { stackFromPlanJson } from "./lib/plan";
import { ALL_RULES } from "./rules";

const PROD_PLAN = join(__dirname, "..", "..", "target", "plan", "prod.json");

interface PlanResource { type: string; name: string; urn: string; inputs: Record<string, unknown> }
interface PlanJson { stack: string; resources: PlanResource[] }

function prodPlan(): PlanJson {
    return JSON.parse(readFileSync(PROD_PLAN, "utf8")) as PlanJson;
}

async function violationsOn(plan: PlanJson, namePrefix: string) {
    const evaluation = await evaluateStack(stackFromPlanJson(plan, PROD_PLAN), ALL_RULES);
    assert.deepEqual(evaluation.failures, []);
    return evaluation.violations
        .filter((violation) => violation.enforcementLevel === "mandatory")
        .filter((violation) => violation.resource?.name.startsWith(namePrefix))
        .map((violation) => `${violation.policyName} ${violation.resource?.name}`);
}

function without(plan: PlanJson, name: string): PlanJson {
    assert.ok(plan.resources.some((resource) => resource.name === name), `${name} in the prod plan`);
    return { ...plan, resources: plan.resources.filter((resource) => resource.name !== name) };
}

describe("the cost report bucket (prod plan)", { skip: existsSync(PROD_PLAN) ? false : `no ${PROD_PLAN}: run \`java -jar target/big-data-stack.jar plan prod\` first` }, () => {
    it("is planned with its access block, encryption and TLS-only policy, and passes every mandatory rule", async () => {
        const plan = prodPlan();
        const names = plan.resources.map((resource) => resource.name);
        for (const companion of ["prod-cost-bucket", "prod-cost-bucket-public-access-block", "prod-cost-bucket-encryption", "prod-cost-bucket-tls-only"]) {
            assert.ok(names.includes(companion), companion);
        }
        assert.deepEqual(await violationsOn(plan, "prod-cost-bucket"), []);
    });

    it("is flagged when its public access block goes", async () => {
        const violations = await violationsOn(without(prodPlan(), "prod-cost-bucket-public-access-block"), "prod-cost-bucket");
        assert.deepEqual(violations, ["s3-public-access-blocked prod-cost-bucket"]);
    });

    it("is flagged when its encryption goes", async () => {
        const violations = await violationsOn(without(prodPlan(), "prod-cost-bucket-encryption"), "prod-cost-bucket");
        assert.deepEqual(violations, ["s3-encryption-configured prod-cost-bucket"]);
    });

    it("is flagged when its policy keeps the Data Exports grant but loses the TLS deny", async () => {
        const plan = prodPlan();
        const policy = plan.resources.find((resource) => resource.name === "prod-cost-bucket-tls-only");
        assert.ok(policy);
        const document = JSON.parse(policy.inputs["policy"] as string) as { Statement: { Sid?: string }[] };
        assert.ok(document.Statement.some((statement) => statement.Sid === "DataExportsDelivery"));
        document.Statement = document.Statement.filter((statement) => statement.Sid !== "DenyInsecureTransport");
        policy.inputs["policy"] = JSON.stringify(document);
        const violations = await violationsOn(plan, "prod-cost-bucket");
        assert.deepEqual(violations, ["s3-tls-only-bucket-policy prod-cost-bucket"]);
    });
});
