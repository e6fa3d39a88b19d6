// A Service of type LoadBalancer makes the AWS Load Balancer Controller (or the legacy cloud provider) create an
// internet-facing load balancer by default (https://docs.aws.amazon.com/eks/latest/userguide/network-load-balancing.html).
// The dashboard and Spark UIs are reached with `kubectl port-forward` instead. Helm charts usually expose this as
// `service.type` (or `<component>.service.type`, `<component>Service.type`) in their values, so the values are
// searched at any depth.
import { HELM_RELEASE_TYPE, SERVICE_TYPE } from "../lib/kubernetes";
import type { ResourceRule } from "../lib/types";
import { isObject, objectAt } from "../lib/values";

const LOAD_BALANCER = "loadbalancer";

/** Paths such as `controller.service.type` whose value is LoadBalancer, searched through nested objects and lists. */
export function loadBalancerServicePaths(values: unknown, path: string[] = []): string[] {
    if (Array.isArray(values)) {
        return values.flatMap((item, index) => loadBalancerServicePaths(item, [...path, `[${index}]`]));
    }
    if (!isObject(values)) {
        return [];
    }
    const parentKey = path[path.length - 1] ?? "";
    const found: string[] = [];
    if (/service$/i.test(parentKey) && typeof values["type"] === "string" && values["type"].toLowerCase() === LOAD_BALANCER) {
        found.push([...path, "type"].join("."));
    }
    for (const [key, child] of Object.entries(values)) {
        found.push(...loadBalancerServicePaths(child, [...path, key]));
    }
    return found;
}

export const k8sNoLoadBalancerServices: ResourceRule = {
    kind: "resource",
    name: "k8s-no-load-balancer-services",
    description: "No Kubernetes Service, directly or through Helm values, is of type LoadBalancer.",
    enforcementLevel: "mandatory",
    validateResource(resource, report) {
        if (resource.type === SERVICE_TYPE) {
            const serviceType = objectAt(resource.props["spec"])["type"];
            if (typeof serviceType === "string" && serviceType.toLowerCase() === LOAD_BALANCER) {
                report("spec.type is LoadBalancer, which provisions a public load balancer: use ClusterIP and kubectl port-forward.");
            }
        } else if (resource.type === HELM_RELEASE_TYPE) {
            const paths = loadBalancerServicePaths(resource.props["values"]);
            if (paths.length > 0) {
                report(`Helm values set ${paths.join(", ")} to LoadBalancer: use ClusterIP and kubectl port-forward.`);
            }
        }
    },
};
