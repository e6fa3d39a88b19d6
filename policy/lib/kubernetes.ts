// Kubernetes objects wherever a plan can carry them: as resources of their own (`kubernetes:<group>/<version>:<Kind>`,
// inputs = the manifest) or inside `kubernetes:yaml` config groups (`objs`, or `yaml` text with one or more
// documents). Helm values are searched separately (helmValuesOf), since they are chart-specific.
import type * as JsYaml from "js-yaml";
import type { ReviewedResource } from "./types";
import { isObject, listOf } from "./values";
import type { JsonObject } from "./values";

/** js-yaml is loaded on first use: most plans carry no YAML text, and the checker's start-up is part of every check. */
let yamlParser: typeof JsYaml | undefined;
function yaml(): typeof JsYaml {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    yamlParser ??= require("js-yaml") as typeof JsYaml;
    return yamlParser;
}

export const SERVICE_TYPE = "kubernetes:core/v1:Service";
export const HELM_RELEASE_TYPE = "kubernetes:helm.sh/v3:Release";

/** Resources whose `values` input is a chart's values: v3 Release and the v4 Chart component. */
export const HELM_VALUE_TYPES = new Set([HELM_RELEASE_TYPE, "kubernetes:helm.sh/v4:Chart", "kubernetes:helm.sh/v3:Chart"]);

export const CONFIG_GROUP_TYPES = new Set(["kubernetes:yaml/v2:ConfigGroup", "kubernetes:yaml:ConfigGroup"]);

export interface LocatedObject {
    readonly object: JsonObject;
    readonly kind: string;
    /** e.g. `Service web` or `objs[2] (Service web)` for messages. */
    readonly where: string;
}

function describe(object: JsonObject, kind: string): string {
    const metadata = isObject(object["metadata"]) ? object["metadata"] : {};
    return typeof metadata["name"] === "string" ? `${kind} ${metadata["name"]}` : kind;
}

/** `List` objects (kind: List, ServiceList, ...) carry their members in `items`. */
function flatten(value: unknown, where: string, into: LocatedObject[]): void {
    if (Array.isArray(value)) {
        value.forEach((item, index) => flatten(item, `${where}[${index}]`, into));
        return;
    }
    if (!isObject(value) || typeof value["kind"] !== "string") {
        return;
    }
    if (value["kind"].endsWith("List") && Array.isArray(value["items"])) {
        flatten(value["items"], `${where}.items`, into);
        return;
    }
    into.push({ object: value, kind: value["kind"], where: `${where} (${describe(value, value["kind"])})` });
}

function parseYamlDocuments(text: string): unknown[] {
    try {
        return yaml().loadAll(text);
    } catch {
        return []; // the Kubernetes provider rejects malformed YAML itself
    }
}

/**
 * Manifests carried inside Helm values, as many charts accept them (`extraManifests`, `extraObjects`, `extraDeploy`,
 * `additionalResources`, ...; under any key): objects with `apiVersion` and `kind`, and strings holding YAML documents
 * of such objects. The chart renders them as they are, so they are judged like any other object.
 */
function manifestsInValues(values: unknown, path: string, into: LocatedObject[], depth = 0): void {
    if (depth > 30) {
        return;
    }
    if (typeof values === "string") {
        if (/(^|\n)\s*kind\s*:/.test(values) && /(^|\n)\s*apiVersion\s*:/.test(values)) {
            flatten(parseYamlDocuments(values).filter((document) => isObject(document) && typeof document["apiVersion"] === "string"), path, into);
        }
        return;
    }
    if (Array.isArray(values)) {
        values.forEach((item, index) => manifestsInValues(item, `${path}[${index}]`, into, depth + 1));
        return;
    }
    if (!isObject(values)) {
        return;
    }
    if (typeof values["apiVersion"] === "string" && typeof values["kind"] === "string") {
        flatten(values, path, into);
        return;
    }
    for (const [key, child] of Object.entries(values)) {
        manifestsInValues(child, `${path}.${key}`, into, depth + 1);
    }
}

/** Every Kubernetes object a resource declares: itself, the members of a config group, or manifests in Helm values. */
export function kubernetesObjectsOf(resource: ReviewedResource): LocatedObject[] {
    if (HELM_VALUE_TYPES.has(resource.type)) {
        const found: LocatedObject[] = [];
        manifestsInValues(helmValuesOf(resource), "values", found);
        return found;
    }
    if (CONFIG_GROUP_TYPES.has(resource.type)) {
        const found: LocatedObject[] = [];
        flatten(listOf(resource.props["objs"]), "objs", found);
        listOf(resource.props["yaml"]).forEach((text, index) => {
            if (typeof text === "string") {
                flatten(parseYamlDocuments(text), `yaml[${index}]`, found);
            }
        });
        return found;
    }
    const match = /^kubernetes:[^:]+:([A-Za-z][A-Za-z0-9]*)$/.exec(resource.type); // kinds may hold digits (EC2NodeClass)
    if (!match || resource.type.startsWith("kubernetes:helm.sh/") || resource.type.startsWith("kubernetes:yaml")) {
        return [];
    }
    // `<Kind>Patch` resources (Server-Side Apply patches) change the same object: judge them as that kind.
    const kind = match[1].replace(/Patch$/, "");
    return [{ object: resource.props, kind, where: describe(resource.props, kind) }];
}

/** A chart's values as an object: the `values` input, given as an object or (leniently) as YAML/JSON text. */
export function helmValuesOf(resource: ReviewedResource): unknown {
    if (!HELM_VALUE_TYPES.has(resource.type)) {
        return undefined;
    }
    const values = resource.props["values"];
    if (typeof values === "string") {
        try {
            return yaml().load(values);
        } catch {
            return undefined;
        }
    }
    return values;
}

/** The value of `key` in an object, matching the key case-insensitively (Helm values are matched by people, not schemas). */
export function valueAtKey(object: JsonObject, key: string): unknown {
    const wanted = key.toLowerCase();
    const found = Object.keys(object).find((candidate) => candidate.toLowerCase() === wanted);
    return found === undefined ? undefined : object[found];
}
