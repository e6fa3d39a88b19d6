// The shapes every rule is written against. They are deliberately independent of the CrossGuard runtime: the pack
// (index.ts, through lib/crossguard.ts) and the offline checker (check.ts, through lib/plan.ts) both translate
// their own inputs into these, then call the very same rule functions.
import type { EnforcementLevel } from "@pulumi/policy";

/** The levels this pack uses: a mandatory violation blocks `pulumi up` (and fails the offline check). */
export type RuleEnforcement = Extract<EnforcementLevel, "advisory" | "mandatory">;

/** Same signature as CrossGuard's ReportViolation: the URN is only meaningful for stack rules. */
export type ReportViolation = (message: string, urn?: string) => void;

/** The explicit or default provider a resource is created with (used to read `defaultTags`). */
export interface ReviewedProvider {
    readonly type: string;
    readonly urn: string;
    readonly props: Record<string, unknown>;
}

/** One resource as the provider would receive it: `props` are its inputs, JSON documents still as strings. */
export interface ReviewedResource {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    /** The stack the resource belongs to, taken from its URN (`urn:pulumi:<stack>::<project>::...`). */
    readonly stack: string;
    readonly props: Record<string, unknown>;
    readonly provider?: ReviewedProvider;
}

/** A resource seen from a stack rule, with the URNs it depends on (explicit `dependsOn` and through Outputs). */
export interface ReviewedStackResource extends ReviewedResource {
    readonly dependencies: readonly string[];
    /** Which input property each dependency flows into, when known (CrossGuard always knows; plans may). */
    readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

export interface ReviewedStack {
    readonly stack: string;
    readonly resources: readonly ReviewedStackResource[];
}

interface RuleDescription {
    /** Unique policy name, also the rule's file name under rules/. */
    readonly name: string;
    /** One sentence: what is required (shown by `pulumi policy` tooling and in the README table). */
    readonly description: string;
    readonly enforcementLevel: RuleEnforcement;
    /** Restricts the rule to some stacks (e.g. a dev-only advisory twin of a mandatory rule); all when absent. */
    readonly appliesToStack?: (stack: string) => boolean;
}

export interface ResourceRule extends RuleDescription {
    readonly kind: "resource";
    readonly validateResource: (resource: ReviewedResource, report: ReportViolation) => void | Promise<void>;
}

export interface StackRule extends RuleDescription {
    readonly kind: "stack";
    readonly validateStack: (stack: ReviewedStack, report: ReportViolation) => void | Promise<void>;
}

export type Rule = ResourceRule | StackRule;
