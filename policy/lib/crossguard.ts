// Wraps a rule as a CrossGuard policy. Only types come from @pulumi/policy here, so that loading the rules (as the
// offline checker does) never loads the Pulumi runtime.
import type { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import type { ReviewedProvider, ReviewedStackResource, Rule } from "./types";
import { stackNameFromUrn } from "./urn";

function providerOf(provider: { type: string; urn: string; props: Record<string, unknown> } | undefined): ReviewedProvider | undefined {
    return provider ? { type: provider.type, urn: provider.urn, props: provider.props } : undefined;
}

/** Flattens CrossGuard's resource graph into URNs, merging per-property dependencies into the dependency list. */
function reviewedStackResource(resource: PolicyResource): ReviewedStackResource {
    const propertyDependencies: Record<string, string[]> = {};
    for (const [property, resources] of Object.entries(resource.propertyDependencies ?? {})) {
        propertyDependencies[property] = resources.map((dependency) => dependency.urn);
    }
    const dependencies = new Set([
        ...resource.dependencies.map((dependency) => dependency.urn),
        ...Object.values(propertyDependencies).flat(),
    ]);
    return {
        type: resource.type,
        name: resource.name,
        urn: resource.urn,
        stack: stackNameFromUrn(resource.urn) ?? "",
        props: resource.props,
        provider: providerOf(resource.provider),
        dependencies: [...dependencies],
        propertyDependencies,
    };
}

export function toCrossGuardPolicy(rule: Rule): ResourceValidationPolicy | StackValidationPolicy {
    const described = { name: rule.name, description: rule.description, enforcementLevel: rule.enforcementLevel };
    const appliesTo = (stack: string) => (rule.appliesToStack ? rule.appliesToStack(stack) : true);
    if (rule.kind === "resource") {
        return {
            ...described,
            validateResource: async (args, reportViolation) => {
                const stack = stackNameFromUrn(args.urn) ?? "";
                if (!appliesTo(stack)) {
                    return;
                }
                const resource = { type: args.type, name: args.name, urn: args.urn, stack, props: args.props, provider: providerOf(args.provider) };
                await rule.validateResource(resource, (message) => reportViolation(message));
            },
        };
    }
    return {
        ...described,
        validateStack: async (args, reportViolation) => {
            const resources = args.resources.map(reviewedStackResource);
            const stack = resources.map((resource) => resource.stack).find((name) => name !== "") ?? "";
            if (!appliesTo(stack)) {
                return;
            }
            await rule.validateStack({ stack, resources }, reportViolation);
        },
    };
}
