import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PlanError, stackFromPlanJson } from "./plan";

const PROVIDER_URN = "urn:pulumi:prod::big-data-stack::pulumi:providers:aws::aws";

describe("stackFromPlanJson", () => {
    it("reads inputs, dependencies, provider and property dependencies from the plan contract", () => {
        const stack = stackFromPlanJson({
            project: "big-data-stack",
            stack: "prod",
            resources: [
                { urn: PROVIDER_URN, type: "pulumi:providers:aws", name: "aws", inputs: { defaultTags: '{"tags":{"project":"p"}}' }, dependencies: [] },
                {
                    urn: "urn:pulumi:prod::big-data-stack::aws:kms/key:Key::key",
                    type: "aws:kms/key:Key",
                    provider: `${PROVIDER_URN}::0f1e2d`,
                    inputs: { enableKeyRotation: true },
                    dependencies: ["a"],
                    propertyDependencies: { policy: ["b"] },
                },
            ],
        });
        assert.equal(stack.stack, "prod");
        const key = stack.resources[1];
        assert.equal(key.name, "key"); // taken from the URN when the plan has no name
        assert.equal(key.stack, "prod");
        assert.deepEqual(key.props, { enableKeyRotation: true });
        assert.deepEqual(key.dependencies, ["a", "b"]);
        assert.deepEqual(key.propertyDependencies, { policy: ["b"] });
        assert.equal(key.provider?.urn, PROVIDER_URN);
        assert.equal(key.provider?.props["defaultTags"], '{"tags":{"project":"p"}}');
    });

    it("rejects JSON that is not a plan", () => {
        assert.throws(() => stackFromPlanJson({ stack: "dev" }), PlanError);
        assert.throws(() => stackFromPlanJson({ resources: [{ type: "x" }] }), /resources\[0\] lacks a string "urn"/);
    });
});
