import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resource, stackOf, violationsInStack } from "../lib/testing";
import { costSingleNatGateway } from "./cost-single-nat-gateway";

const rule = costSingleNatGateway;
const nats = (count: number, stack: string) =>
    stackOf(Array.from({ length: count }, (_, index) => resource("aws:ec2/natGateway:NatGateway", {}, { name: `nat-${index}`, stack })), stack);

describe(rule.name, () => {
    it("accepts one NAT gateway outside prod and several in prod", async () => {
        assert.deepEqual(await violationsInStack(rule, nats(1, "dev")), []);
        assert.deepEqual(await violationsInStack(rule, nats(3, "prod")), []);
    });

    it("advises against several NAT gateways outside prod", async () => {
        assert.equal(rule.enforcementLevel, "advisory");
        assert.match((await violationsInStack(rule, nats(2, "staging")))[0], /Stack staging has 2 NAT gateways \(nat-0, nat-1\)/);
    });
});
