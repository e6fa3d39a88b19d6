import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resource, resourceViolations } from "../lib/testing";
import { k8sNoLoadBalancerServices, loadBalancerServicePaths } from "./k8s-no-load-balancer-services";

const rule = k8sNoLoadBalancerServices;

describe(rule.name, () => {
    it("accepts ClusterIP services and Helm values without LoadBalancer", async () => {
        const service = resource("kubernetes:core/v1:Service", { spec: { type: "ClusterIP", ports: [{ port: 80 }] } });
        const release = resource("kubernetes:helm.sh/v3:Release", { chart: "headlamp", values: { service: { type: "ClusterIP", port: 80 } } });
        assert.deepEqual(await resourceViolations(rule, service), []);
        assert.deepEqual(await resourceViolations(rule, release), []);
    });

    it("reports a LoadBalancer Service", async () => {
        const service = resource("kubernetes:core/v1:Service", { spec: { type: "LoadBalancer" } });
        assert.match((await resourceViolations(rule, service))[0], /spec.type is LoadBalancer/);
    });

    it("finds service.type at any depth in Helm values", async () => {
        const release = resource("kubernetes:helm.sh/v3:Release", { values: { controller: { service: { type: "LoadBalancer" } } } });
        assert.match((await resourceViolations(rule, release))[0], /controller\.service\.type/);
        assert.deepEqual(loadBalancerServicePaths({ service: { type: "LoadBalancer" }, proxyService: { type: "loadbalancer" }, other: { type: "LoadBalancer" } }), [
            "service.type",
            "proxyService.type",
        ]);
    });
});
