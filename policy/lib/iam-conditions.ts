// What a statement's Resource and Condition elements restrict, read conservatively: a rule may only count a
// condition as a restriction when IAM evaluates it as one for every request
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
import type { PolicyStatement } from "./iam-policy-document";
import { hasWildcard } from "./iam-policy-document";
import { stringsOf } from "./values";

// True when a Resource entry stands for every resource of its type: `*`, or an ARN whose resource part is only
// wildcards after an optional resource-type word (`arn:aws:s3:::*`, `arn:aws:s3:::*/*`, `arn:aws:iam::*:role/*`,
// `arn:aws:kms:*:*:key/*`). `arn:aws:s3:::my-bucket/*` names one bucket and is scoped; an ARN with a wildcard
// service or account (`arn:aws:*:*:*:*`) is unscoped only when its resource part is.
export function isUnscopedResource(resource: string): boolean {
    const trimmed = resource.trim();
    if (/^[*?]*\*[*?]*$/.test(trimmed)) {
        return true;
    }
    const parts = trimmed.split(":");
    if (parts[0] !== "arn" || parts.length < 6) {
        return /^arn:[*?]*$/.test(trimmed);
    }
    const resourcePart = parts.slice(5).join(":");
    // S3 ARNs start with the bucket name (arn:aws:s3:::<bucket>/<key>); other services with a resource type word.
    const withoutType = parts[2].toLowerCase() === "s3" ? resourcePart : resourcePart.replace(/^[A-Za-z0-9-]+[/:]/, "");
    return /^[*?/:]*$/.test(withoutType) && hasWildcard(withoutType.length > 0 ? withoutType : "*");
}

/** An Allow with NotResource, a Resource entry that is unscoped, or entries that together cover every resource. */
export function reachesEveryResource(statement: PolicyStatement): boolean {
    return statement.notResources.length > 0 || statement.resources.some(isUnscopedResource) || prefixesCoverEverything(statement.resources);
}

/** Characters a resource name can start a segment with: S3 bucket names are lower case; IAM and most others are not. */
const S3_NAME_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
const NAME_CHARACTERS = `${S3_NAME_CHARACTERS}ABCDEFGHIJKLMNOPQRSTUVWXYZ_+=,.@-`;

/**
 * "Every bucket" written as many patterns: `arn:aws:s3:::a*` ... `arn:aws:s3:::z*` plus `0*` ... `9*` (or two-character
 * prefixes, or `arn:aws:iam::123456789012:role/A*` ... for roles) together match every name, though none alone does.
 * For each stem (the text before a trailing `*`), every next character must be covered, to a depth of three.
 */
export function prefixesCoverEverything(resources: readonly string[]): boolean {
    const patterns = new Set(resources.map((resource) => resource.trim()));
    const stems = new Set<string>();
    for (const pattern of patterns) {
        const match = /^(arn:[^:]*:[^:]*:[^:]*:[^:]*:(?:[A-Za-z0-9-]+[/:])?)([^*?]{1,3})\*$/.exec(pattern);
        if (match) {
            stems.add(match[1]);
        }
    }
    const covers = (prefix: string, alphabet: string, depth: number): boolean =>
        patterns.has(`${prefix}*`) || (depth > 0 && [...alphabet].every((character) => covers(prefix + character, alphabet, depth - 1)));
    return [...stems].some((stem) => {
        const alphabet = /^arn:[^:]*:s3:::$/.test(stem) ? S3_NAME_CHARACTERS : NAME_CHARACTERS;
        return covers(stem, alphabet, 3);
    });
}

/**
 * Operators that restrict a key to the listed values for every request. Negated operators (`StringNotEquals`),
 * `...IfExists` variants (true when the key is absent) and `ForAllValues:` (true for an empty set) do not.
 */
const RESTRICTING_OPERATOR = /^(?:ForAnyValue:)?(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike)$/i;

export interface RestrictingValue {
    readonly operator: string;
    readonly key: string;
    readonly values: readonly string[];
}

/** Values a statement requires for keys matching `keyTest`, under restricting operators only. */
export function restrictingValues(statement: PolicyStatement, keyTest: (lowerCaseKey: string) => boolean): RestrictingValue[] {
    const found: RestrictingValue[] = [];
    for (const [operator, keys] of Object.entries(statement.condition)) {
        if (!RESTRICTING_OPERATOR.test(operator)) {
            continue;
        }
        for (const [key, value] of Object.entries(keys)) {
            if (keyTest(key.toLowerCase())) {
                found.push({ operator, key, values: stringsOf(value) });
            }
        }
    }
    return found;
}

/** A value that pins something: not empty and not made of wildcards alone. */
export function isConcreteValue(value: string): boolean {
    return value.trim() !== "" && !/^[*?]+$/.test(value.trim());
}

/**
 * Values no real request is pinned to, grouped so that a pattern matching every value of one group matches every
 * value of that kind: by default any text; for keys whose values are service principals, any service of a partition
 * (`*.amazonaws.com`, `*.com`, `*amazonaws*` match every service of the commercial partition).
 */
export type ProbeGroups = readonly (readonly string[])[];
export const ANY_VALUE_PROBES: ProbeGroups = [["zz-probe-value-1", "Q9:other/value.2"]];
export const SERVICE_PRINCIPAL_PROBES: ProbeGroups = [
    ["zz-probe-service.amazonaws.com", "q9-other.amazonaws.com"],
    ["zz-probe-service.amazonaws.com.cn", "q9-other.amazonaws.com.cn"],
    ["zz-probe-service.amazonaws.com", "q9-other.amazonaws.com", "zz-probe-service.amazonaws.com.cn", "q9-other.amazonaws.com.cn"],
];

/** IAM's `*`/`?` matching of a ...Like condition value against a request value (case-sensitive, as StringLike is). */
function likeMatches(pattern: string, value: string): boolean {
    const regex = pattern.split("").map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&"))).join("");
    return new RegExp(`^${regex}$`, "s").test(value);
}

/**
 * Whether a value under `operator` pins something: not all wildcards, and, under a ...Like operator (where `*` and
 * `?` are wildcards), not a pattern that matches every probe of a group (that is, every value of the kind).
 */
export function pinsAValue(value: string, operator: string, probes: ProbeGroups = ANY_VALUE_PROBES): boolean {
    if (!isConcreteValue(value)) {
        return false;
    }
    if (!/like$/i.test(operator) || !hasWildcard(value)) {
        return true;
    }
    return !probes.some((group) => group.every((probe) => likeMatches(value.trim(), probe)));
}

/** True when every request must carry a concrete value for a key matching `keyTest`. */
export function requiresConcreteValue(statement: PolicyStatement, keyTest: (lowerCaseKey: string) => boolean,
                                      probes: ProbeGroups = ANY_VALUE_PROBES): boolean {
    return restrictingValues(statement, keyTest).some((restriction) => restriction.values.length > 0
        && restriction.values.every((value) => pinsAValue(value, restriction.operator, probes)));
}

/** Keys that restrict a statement to resources carrying a given tag (global, S3 object and service-specific forms). */
export function isResourceTagKey(lowerCaseKey: string): boolean {
    return /^[a-z0-9-]+:resourcetag\//.test(lowerCaseKey) || lowerCaseKey.startsWith("s3:existingobjecttag/");
}
