// Builders for rule tests: resources and stacks shaped as the rules see them, and runners that collect violations.
import { evaluateStack } from "./evaluate";
import type { ResourceRule, ReviewedProvider, ReviewedStack, ReviewedStackResource, Rule, StackRule } from "./types";

export const TEST_PROJECT = "big-data-stack";
export const TEST_ACCOUNT = "123456789012";

export function urnOf(type: string, name: string, stack = "dev"): string {
    return `urn:pulumi:${stack}::${TEST_PROJECT}::${type}::${name}`;
}

export interface ResourceOptions {
    readonly name?: string;
    readonly stack?: string;
    readonly dependsOn?: readonly ReviewedStackResource[];
    readonly propertyDependencies?: Record<string, readonly ReviewedStackResource[]>;
    readonly provider?: ReviewedProvider;
}

let counter = 0;

export function resource(type: string, props: Record<string, unknown>, options: ResourceOptions = {}): ReviewedStackResource {
    const name = options.name ?? `res-${++counter}`;
    const stack = options.stack ?? "dev";
    const propertyDependencies = options.propertyDependencies
        ? Object.fromEntries(Object.entries(options.propertyDependencies).map(([property, deps]) => [property, deps.map((dep) => dep.urn)]))
        : undefined;
    const dependencies = new Set([
        ...(options.dependsOn ?? []).map((dep) => dep.urn),
        ...Object.values(propertyDependencies ?? {}).flat(),
    ]);
    return { type, name, urn: urnOf(type, name, stack), stack, props, provider: options.provider, dependencies: [...dependencies], propertyDependencies };
}

export function stackOf(resources: readonly ReviewedStackResource[], stack = "dev"): ReviewedStack {
    return { stack, resources };
}

/** The messages a resource rule reports for one resource. */
export async function resourceViolations(rule: ResourceRule, target: ReviewedStackResource): Promise<string[]> {
    const messages: string[] = [];
    await rule.validateResource(target, (message) => messages.push(message));
    return messages;
}

/** The messages a stack rule reports, each with the URN it names. */
export async function stackViolations(rule: StackRule, stack: ReviewedStack): Promise<{ message: string; urn?: string }[]> {
    const found: { message: string; urn?: string }[] = [];
    await rule.validateStack(stack, (message, urn) => found.push({ message, urn }));
    return found;
}

/** Messages of any rule over a whole stack, honouring appliesToStack like the pack does. */
export async function violationsInStack(rule: Rule, stack: ReviewedStack): Promise<string[]> {
    const evaluation = await evaluateStack(stack, [rule]);
    if (evaluation.failures.length > 0) {
        throw new Error(evaluation.failures.map((failure) => failure.error).join("\n"));
    }
    return evaluation.violations.map((violation) => violation.message);
}

/** An IAM policy document as the provider receives it: a JSON string. */
export function policyJson(...statements: Record<string, unknown>[]): string {
    return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

export const COMMON_TAGS = { project: TEST_PROJECT, stack: "dev", "managed-by": "pulumi" };
