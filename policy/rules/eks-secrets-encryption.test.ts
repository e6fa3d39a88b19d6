import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compliantClusterProps } from "../lib/eks-cluster-fixture";
import { resource, resourceViolations } from "../lib/testing";
import { eksSecretsEncryption } from "./eks-secrets-encryption";

const rule = eksSecretsEncryption;
const cluster = (overrides: Record<string, unknown>) => resource("aws:eks/cluster:Cluster", compliantClusterProps(overrides));

describe(rule.name, () => {
    it("accepts encryptionConfig covering secrets (object or list form)", async () => {
        assert.deepEqual(await resourceViolations(rule, cluster({})), []);
        assert.deepEqual(await resourceViolations(rule, cluster({ encryptionConfig: [{ provider: { keyArn: "k" }, resources: ["secrets"] }] })), []);
    });

    it("reports a cluster without secrets encryption", async () => {
        assert.equal((await resourceViolations(rule, cluster({ encryptionConfig: undefined }))).length, 1);
        assert.equal((await resourceViolations(rule, cluster({ encryptionConfig: { provider: { keyArn: "k" }, resources: [] } }))).length, 1);
    });
});
