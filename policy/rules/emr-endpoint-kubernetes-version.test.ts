import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resource, stackOf, stackViolations, violationsInStack } from "../lib/testing";
import { declaresInteractiveEndpoint, emrEndpointKubernetesVersion, isNewerThan } from "./emr-endpoint-kubernetes-version";

const rule = emrEndpointKubernetesVersion;
const cluster = (version: string) => resource("aws:eks/cluster:Cluster", { version }, { name: `cluster-${version}` });
const template = (type: string) => JSON.stringify({ Resources: { Endpoint: { Type: type, Properties: {} } } });
const endpointStack = () =>
    resource("aws:cloudformation/stack:Stack", { templateBody: template("AWS::EMRContainers::Endpoint") }, { name: "dev-emr-studio-endpoint" });

describe(rule.name, () => {
    it("is advisory", () => {
        assert.equal(rule.enforcementLevel, "advisory");
    });

    it("accepts a stack without an endpoint, whatever the Kubernetes version", async () => {
        const jobTemplate = resource("aws:cloudformation/stack:Stack", { templateBody: template("AWS::EMRContainers::JobTemplate") });
        assert.deepEqual(await violationsInStack(rule, stackOf([cluster("1.35"), jobTemplate])), []);
    });

    it("accepts an endpoint on Kubernetes 1.30 or older", async () => {
        assert.deepEqual(await violationsInStack(rule, stackOf([cluster("1.30"), endpointStack()])), []);
        assert.deepEqual(await violationsInStack(rule, stackOf([cluster("1.29"), endpointStack()])), []);
    });

    it("reports an endpoint on a newer cluster, at the endpoint", async () => {
        const endpoint = endpointStack();
        const found = await stackViolations(rule, stackOf([cluster("1.35"), endpoint]));
        assert.equal(found.length, 1);
        assert.match(found[0].message, /Kubernetes 1\.35; AWS documents interactive endpoints for Kubernetes up to 1\.30/);
        assert.equal(found[0].urn, endpoint.urn);
        // The program declares the endpoint through Cloud Control, not CloudFormation: the same report there.
        const cloudControl = resource("aws:cloudcontrol/resource:Resource", { typeName: "AWS::EMRContainers::Endpoint" }, { name: "dev-emr-studio-endpoint" });
        const viaCloudControl = await stackViolations(rule, stackOf([cluster("1.35"), cloudControl]));
        assert.equal(viaCloudControl.length, 1);
        assert.equal(viaCloudControl[0].urn, cloudControl.urn);
    });

    it("finds endpoints in CloudFormation templates and Cloud Control resources only", () => {
        assert.equal(declaresInteractiveEndpoint(endpointStack()), true);
        assert.equal(declaresInteractiveEndpoint(resource("aws:cloudcontrol/resource:Resource", { typeName: "AWS::EMRContainers::Endpoint" })), true);
        assert.equal(declaresInteractiveEndpoint(resource("aws:cloudformation/stack:Stack", { templateBody: "Resources: {}" })), false);
        assert.equal(declaresInteractiveEndpoint(resource("aws:s3/bucketV2:BucketV2", {})), false);
    });

    it("compares versions numerically", () => {
        assert.equal(isNewerThan("1.31", "1.30"), true);
        assert.equal(isNewerThan("1.9", "1.30"), false);
        assert.equal(isNewerThan("1.30", "1.30"), false);
    });
});
