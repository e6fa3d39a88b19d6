// A Service of type LoadBalancer makes the AWS Load Balancer Controller (or the legacy cloud provider) create a load
// balancer, and an Ingress or IngressClassParams with scheme internet-facing makes the controller create a public
// ALB (https://docs.aws.amazon.com/eks/latest/userguide/network-load-balancing.html,
// https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/#scheme). The
// dashboard and Spark UIs are reached with `kubectl port-forward` instead. Looked for wherever they can appear:
// Kubernetes resources of their own, the members of `kubernetes:yaml` config groups (objs and YAML text), and Helm
// values at any depth with keys in any case - `service.type`, `<component>Service.type`, `serviceType`, and any key
// ending in `scheme` set to internet-facing (the scheme annotations, `scheme`, the AWS Load Balancer Controller
// chart's `defaultLoadBalancerScheme`).
import { HELM_VALUE_TYPES, helmValuesOf, kubernetesObjectsOf, valueAtKey } from "../lib/kubernetes";
import type { LocatedObject } from "../lib/kubernetes";
import type { ResourceRule } from "../lib/types";
import { isObject, objectAt } from "../lib/values";

const LOAD_BALANCER = "loadbalancer";
const INTERNET_FACING = "internet-facing";
export const SCHEME_ANNOTATIONS = ["alb.ingress.kubernetes.io/scheme", "service.beta.kubernetes.io/aws-load-balancer-scheme"] as const;

const isText = (value: unknown, wanted: string): boolean => typeof value === "string" && value.trim().toLowerCase() === wanted;

/** Paths in Helm values that ask for a LoadBalancer Service or an internet-facing load balancer, at any depth. */
export function loadBalancerServicePaths(values: unknown, path: string[] = []): string[] {
    if (Array.isArray(values)) {
        return values.flatMap((item, index) => loadBalancerServicePaths(item, [...path, `[${index}]`]));
    }
    if (!isObject(values)) {
        return [];
    }
    const parentKey = path[path.length - 1] ?? "";
    const found: string[] = [];
    for (const [key, child] of Object.entries(values)) {
        const lowerKey = key.toLowerCase();
        const here = [...path, key].join(".");
        if (lowerKey === "type" && /service/i.test(parentKey) && isText(child, LOAD_BALANCER)) {
            found.push(here);
        } else if (lowerKey.endsWith("servicetype") && isText(child, LOAD_BALANCER)) {
            found.push(here);
        } else if (lowerKey.endsWith("scheme") && isText(child, INTERNET_FACING)) {
            // `scheme`, the two scheme annotations, and the AWS Load Balancer Controller chart's
            // `defaultLoadBalancerScheme`, which makes every Ingress and Service without an annotation internet-facing.
            found.push(here);
        }
        found.push(...loadBalancerServicePaths(child, [...path, key]));
    }
    return found;
}

/** Why one Kubernetes object exposes something to the internet; undefined when it does not. */
export function exposure(located: LocatedObject): string | undefined {
    const spec = objectAt(located.object["spec"]);
    const annotations = objectAt(objectAt(located.object["metadata"])["annotations"]);
    const scheme = SCHEME_ANNOTATIONS.map((annotation) => valueAtKey(annotations, annotation)).find((value) => isText(value, INTERNET_FACING));
    switch (located.kind) {
        case "Service":
            if (isText(spec["type"], LOAD_BALANCER)) {
                return `${located.where}: spec.type is LoadBalancer, which provisions a load balancer`;
            }
            return scheme ? `${located.where}: annotated internet-facing` : undefined;
        case "Ingress":
            return scheme ? `${located.where}: annotated alb.ingress.kubernetes.io/scheme internet-facing, which provisions a public ALB` : undefined;
        case "IngressClassParams":
            return isText(spec["scheme"], INTERNET_FACING) ? `${located.where}: spec.scheme is internet-facing` : undefined;
        default:
            return undefined;
    }
}

export const k8sNoLoadBalancerServices: ResourceRule = {
    kind: "resource",
    name: "k8s-no-load-balancer-services",
    description: "No LoadBalancer Service and no internet-facing Ingress/ALB: in resources, kubernetes:yaml config groups and Helm values at any depth.",
    enforcementLevel: "mandatory",
    validateResource(resource, report) {
        for (const located of kubernetesObjectsOf(resource)) {
            const why = exposure(located);
            if (why) {
                report(`${why}: use ClusterIP and kubectl port-forward.`);
            }
        }
        if (HELM_VALUE_TYPES.has(resource.type)) {
            const paths = loadBalancerServicePaths(helmValuesOf(resource));
            if (paths.length > 0) {
                report(`Helm values set ${paths.join(", ")} to expose a load balancer: use ClusterIP and kubectl port-forward.`);
            }
        }
    },
};
