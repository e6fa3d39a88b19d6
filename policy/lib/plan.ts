// Reads plan files written by the Java program's `plan <stack>` command (contract in docs/plan-file.md):
// { project, stack, resources: [{ urn, type, name, custom, parent, provider, inputs, dependencies, options }], outputs }
// and turns them into the stack the rules review. Fields read: stack, resources[].urn/type/name/inputs/dependencies/
// provider, and, when a plan has it, resources[].propertyDependencies ({ input name: [URN] }).
import { readFileSync } from "node:fs";
import type { ReviewedProvider, ReviewedStack, ReviewedStackResource } from "./types";
import { providerUrnFromReference, stackNameFromUrn } from "./urn";
import { isObject, objectAt, stringsOf } from "./values";

/** A plan that cannot be read or does not follow the contract: the checker exits 2 on it. */
export class PlanError extends Error {}

export interface LoadedPlan {
    readonly path: string;
    readonly project?: string;
    readonly stack: ReviewedStack;
}

export function loadPlan(path: string): LoadedPlan {
    let text: string;
    try {
        text = readFileSync(path, "utf8");
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : (error as Error).message;
        throw new PlanError(`cannot read plan file ${path}: ${why}`);
    }
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (error) {
        throw new PlanError(`plan file ${path} is not valid JSON: ${(error as Error).message}`);
    }
    return { path, project: isObject(json) && typeof json["project"] === "string" ? json["project"] : undefined, stack: stackFromPlanJson(json, path) };
}

export function stackFromPlanJson(json: unknown, source = "plan"): ReviewedStack {
    if (!isObject(json) || !Array.isArray(json["resources"])) {
        throw new PlanError(`${source} has no "resources" list: is it a plan file (target/plan/<stack>.json)?`);
    }
    const rawResources = json["resources"];
    rawResources.forEach((raw, index) => {
        if (!isObject(raw) || typeof raw["urn"] !== "string" || typeof raw["type"] !== "string") {
            throw new PlanError(`${source}: resources[${index}] lacks a string "urn" and "type"`);
        }
    });
    const planStack = typeof json["stack"] === "string" ? json["stack"] : undefined;
    const byUrn = new Map(rawResources.map((raw) => [raw["urn"] as string, raw as Record<string, unknown>]));

    const providerOf = (reference: unknown): ReviewedProvider | undefined => {
        if (typeof reference !== "string" || reference === "") {
            return undefined;
        }
        const urn = providerUrnFromReference(reference);
        const provider = byUrn.get(urn) ?? byUrn.get(reference);
        return provider ? { type: provider["type"] as string, urn, props: objectAt(provider["inputs"]) } : undefined;
    };

    const resources: ReviewedStackResource[] = rawResources.map((raw: Record<string, unknown>) => {
        const urn = raw["urn"] as string;
        const propertyDependencies: Record<string, string[]> = {};
        for (const [property, urns] of Object.entries(objectAt(raw["propertyDependencies"]))) {
            propertyDependencies[property] = stringsOf(urns);
        }
        return {
            type: raw["type"] as string,
            name: typeof raw["name"] === "string" ? raw["name"] : urn.slice(urn.lastIndexOf("::") + 2),
            urn,
            stack: stackNameFromUrn(urn) ?? planStack ?? "",
            props: objectAt(raw["inputs"]),
            provider: providerOf(raw["provider"]),
            dependencies: [...new Set([...stringsOf(raw["dependencies"]), ...Object.values(propertyDependencies).flat()])],
            propertyDependencies: isObject(raw["propertyDependencies"]) ? propertyDependencies : undefined,
        };
    });
    const stack = planStack ?? resources.map((resource) => resource.stack).find((name) => name !== "") ?? "";
    return { stack, resources };
}
