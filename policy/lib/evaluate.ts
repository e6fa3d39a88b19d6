// Runs rules over one stack the way the CrossGuard engine does: resource rules once per resource, stack rules once
// per stack, each only where its appliesToStack allows.
import type { ReviewedStack, Rule, RuleEnforcement } from "./types";

export interface Violation {
    readonly policyName: string;
    readonly enforcementLevel: RuleEnforcement;
    readonly message: string;
    /** The resource the violation is about; absent for a stack-wide violation. */
    readonly resource?: { readonly urn: string; readonly name: string; readonly type: string };
}

/** A rule that threw: a bug in the rule or a plan shape it did not expect. */
export interface RuleFailure {
    readonly policyName: string;
    readonly urn?: string;
    readonly error: string;
}

export interface StackEvaluation {
    readonly stack: string;
    readonly resourceCount: number;
    readonly ruleCount: number;
    readonly violations: readonly Violation[];
    readonly failures: readonly RuleFailure[];
}

export async function evaluateStack(stack: ReviewedStack, rules: readonly Rule[]): Promise<StackEvaluation> {
    const violations: Violation[] = [];
    const failures: RuleFailure[] = [];
    const byUrn = new Map(stack.resources.map((resource) => [resource.urn, resource]));
    const describe = (urn: string | undefined) => {
        const resource = urn === undefined ? undefined : byUrn.get(urn);
        return resource ? { urn: resource.urn, name: resource.name, type: resource.type } : urn === undefined ? undefined : { urn, name: urn, type: "" };
    };

    // Like the pack, resource rules judge the stack by the resource's own URN, stack rules by the stack's name.
    const applies = (rule: Rule, stackName: string) => !rule.appliesToStack || rule.appliesToStack(stackName);
    for (const rule of rules) {
        const record = (message: string, urn?: string) =>
            violations.push({ policyName: rule.name, enforcementLevel: rule.enforcementLevel, message, resource: describe(urn) });
        if (rule.kind === "stack") {
            if (!applies(rule, stack.stack)) {
                continue;
            }
            try {
                await rule.validateStack(stack, record);
            } catch (error) {
                failures.push({ policyName: rule.name, error: String((error as Error)?.stack ?? error) });
            }
            continue;
        }
        for (const resource of stack.resources.filter((candidate) => applies(rule, candidate.stack))) {
            try {
                await rule.validateResource(resource, (message) => record(message, resource.urn));
            } catch (error) {
                failures.push({ policyName: rule.name, urn: resource.urn, error: String((error as Error)?.stack ?? error) });
            }
        }
    }
    return { stack: stack.stack, resourceCount: stack.resources.length, ruleCount: rules.length, violations, failures };
}
