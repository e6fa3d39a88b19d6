import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resource, resourceViolations } from "../lib/testing";
import { k8sNoLoadBalancerServices, loadBalancerServicePaths } from "./k8s-no-load-balancer-services";

const rule = k8sNoLoadBalancerServices;
const SERVICE = "kubernetes:core/v1:Service";
const INGRESS = "kubernetes:networking.k8s.io/v1:Ingress";
const RELEASE = "kubernetes:helm.sh/v3:Release";
const CONFIG_GROUP = "kubernetes:yaml/v2:ConfigGroup";
const internetFacingIngress = { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name: "ui", annotations: { "alb.ingress.kubernetes.io/scheme": "internet-facing" } }, spec: {} };

describe(rule.name, () => {
    it("accepts ClusterIP services, internal ALBs, and Helm values without LoadBalancer", async () => {
        const service = resource(SERVICE, { spec: { type: "ClusterIP", ports: [{ port: 80 }] } });
        const internal = resource(INGRESS, { metadata: { name: "ui", annotations: { "alb.ingress.kubernetes.io/scheme": "internal" } }, spec: {} });
        const release = resource(RELEASE, { chart: "headlamp", values: { service: { type: "ClusterIP", port: 80 }, probes: { scheme: "HTTP" }, defaultLoadBalancerScheme: "internal" } });
        const group = resource(CONFIG_GROUP, { yaml: "apiVersion: v1\nkind: Service\nmetadata:\n  name: ok\nspec:\n  type: NodePort\n" });
        for (const target of [service, internal, release, group]) {
            assert.deepEqual(await resourceViolations(rule, target), [], target.type);
        }
    });

    it("reports a LoadBalancer Service, in any case", async () => {
        for (const type of ["LoadBalancer", "loadbalancer"]) {
            assert.match((await resourceViolations(rule, resource(SERVICE, { spec: { type } })))[0], /spec.type is LoadBalancer/);
        }
        const patch = resource("kubernetes:core/v1:ServicePatch", { metadata: { name: "headlamp", namespace: "headlamp" }, spec: { type: "LoadBalancer" } });
        assert.match((await resourceViolations(rule, patch))[0], /Service headlamp: spec.type is LoadBalancer/);
    });

    it("reports internet-facing Ingress annotations, Service scheme annotations and IngressClassParams", async () => {
        const ingress = resource(INGRESS, internetFacingIngress);
        const annotated = resource(SERVICE, { metadata: { name: "nlb", annotations: { "service.beta.kubernetes.io/aws-load-balancer-scheme": "internet-facing" } }, spec: { type: "NodePort" } });
        const params = resource("kubernetes:elbv2.k8s.aws/v1beta1:IngressClassParams", { metadata: { name: "public" }, spec: { scheme: "internet-facing" } });
        assert.match((await resourceViolations(rule, ingress))[0], /Ingress ui: annotated alb.ingress.kubernetes.io\/scheme internet-facing/);
        assert.match((await resourceViolations(rule, annotated))[0], /Service nlb: annotated internet-facing/);
        assert.match((await resourceViolations(rule, params))[0], /spec.scheme is internet-facing/);
    });

    it("reports them inside kubernetes:yaml config groups, as objs or YAML documents (List included)", async () => {
        const objs = resource(CONFIG_GROUP, { objs: [{ apiVersion: "v1", kind: "Service", metadata: { name: "lb" }, spec: { type: "LoadBalancer" } }] });
        const yaml = resource("kubernetes:yaml:ConfigGroup", {
            yaml: ["apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: hidden\n  spec:\n    type: LoadBalancer\n"],
        });
        const yamlIngress = resource(CONFIG_GROUP, { yaml: JSON.stringify(internetFacingIngress) });
        assert.match((await resourceViolations(rule, objs))[0], /objs\[0\] \(Service lb\)/);
        assert.match((await resourceViolations(rule, yaml))[0], /Service hidden/);
        assert.match((await resourceViolations(rule, yamlIngress))[0], /Ingress ui/);
    });

    it("finds LoadBalancer and internet-facing in Helm values at any depth, whatever the key's case", async () => {
        const release = resource(RELEASE, { values: { controller: { service: { type: "LoadBalancer" } } } });
        assert.match((await resourceViolations(rule, release))[0], /controller\.service\.type/);
        assert.deepEqual(loadBalancerServicePaths({ service: { type: "LoadBalancer" }, proxyService: { type: "loadbalancer" }, other: { type: "LoadBalancer" } }), [
            "service.type",
            "proxyService.type",
        ]);
        const spellings: [unknown, string][] = [
            [{ SERVICE: { Type: "LoadBalancer" } }, "SERVICE.Type"],
            [{ a: [{ b: { webService: { TYPE: "LoadBalancer" } } }] }, "a.[0].b.webService.TYPE"],
            [{ ui: { serviceType: "LoadBalancer" } }, "ui.serviceType"],
            [{ ingress: { annotations: { "alb.ingress.kubernetes.io/scheme": "internet-facing" } } }, "ingress.annotations.alb.ingress.kubernetes.io/scheme"],
            [{ svc: { annotations: { "Service.Beta.Kubernetes.io/AWS-Load-Balancer-Scheme": "internet-facing" } } }, "svc.annotations.Service.Beta.Kubernetes.io/AWS-Load-Balancer-Scheme"],
            [{ ingressClassParams: { spec: { Scheme: "internet-facing" } } }, "ingressClassParams.spec.Scheme"],
            [{ clusterName: "dev", defaultLoadBalancerScheme: "internet-facing" }, "defaultLoadBalancerScheme"],
        ];
        for (const [values, path] of spellings) {
            assert.deepEqual(loadBalancerServicePaths(values), [path]);
            assert.equal((await resourceViolations(rule, resource("kubernetes:helm.sh/v4:Chart", { values }))).length, 1, path);
        }
    });

    it("reads Helm values given as YAML text", async () => {
        const release = resource(RELEASE, { values: "service:\n  type: LoadBalancer\n" });
        assert.match((await resourceViolations(rule, release))[0], /service\.type/);
    });
});
