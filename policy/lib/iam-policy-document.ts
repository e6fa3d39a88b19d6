// Reading IAM policy documents (identity, trust and resource policies share the grammar):
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
import { isObject, listOf, parseJsonDocument, stringsOf } from "./values";

export interface PolicyStatement {
    /** Position in the Statement list, for messages. */
    readonly index: number;
    readonly sid?: string;
    readonly effect: "Allow" | "Deny";
    readonly actions: readonly string[];
    readonly notActions: readonly string[];
    /** Resource and NotResource as written (string or list); empty when absent (trust policies have neither). */
    readonly resources: readonly string[];
    readonly notResources: readonly string[];
    readonly principal: unknown;
    /** NotPrincipal as written; undefined when absent. */
    readonly notPrincipal: unknown;
    /** `{ operator: { conditionKey: value | value[] } }`, as written. */
    readonly condition: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export type ParsedPolicyDocument =
    | { readonly ok: true; readonly statements: readonly PolicyStatement[] }
    | { readonly ok: false; readonly reason: string };

/**
 * Parses a document as the provider receives it (a JSON string). Anything IAM itself would reject - not JSON, no
 * Statement, a statement without a valid Effect or without Action/NotAction - is reported as unparsable.
 */
export function parsePolicyDocument(document: unknown): ParsedPolicyDocument {
    const parsed = parseJsonDocument(document);
    if (!parsed.ok) {
        return parsed;
    }
    if (!isObject(parsed.value)) {
        return { ok: false, reason: "it is not a JSON object" };
    }
    const rawStatements = listOf(parsed.value["Statement"]);
    if (rawStatements.length === 0) {
        return { ok: false, reason: "it has no Statement" };
    }
    const statements: PolicyStatement[] = [];
    for (const [index, raw] of rawStatements.entries()) {
        if (!isObject(raw)) {
            return { ok: false, reason: `statement ${index} is not an object` };
        }
        const effect = raw["Effect"];
        if (effect !== "Allow" && effect !== "Deny") {
            return { ok: false, reason: `statement ${index} has Effect ${JSON.stringify(effect)}, not Allow or Deny` };
        }
        if (raw["Action"] === undefined && raw["NotAction"] === undefined) {
            return { ok: false, reason: `statement ${index} has neither Action nor NotAction` };
        }
        const condition: Record<string, Record<string, unknown>> = {};
        for (const [operator, keys] of Object.entries(isObject(raw["Condition"]) ? raw["Condition"] : {})) {
            if (!isObject(keys)) {
                return { ok: false, reason: `statement ${index} has a malformed Condition "${operator}"` };
            }
            condition[operator] = keys;
        }
        statements.push({
            index,
            sid: typeof raw["Sid"] === "string" ? raw["Sid"] : undefined,
            effect,
            actions: stringsOf(raw["Action"]),
            notActions: stringsOf(raw["NotAction"]),
            resources: stringsOf(raw["Resource"]),
            notResources: stringsOf(raw["NotResource"]),
            principal: raw["Principal"],
            notPrincipal: raw["NotPrincipal"],
            condition,
        });
    }
    return { ok: true, statements };
}

/** "statement 2 (Sid ReadLogs)" - how messages point at a statement. */
export function describeStatement(statement: PolicyStatement): string {
    return statement.sid ? `statement ${statement.index} (Sid ${statement.sid})` : `statement ${statement.index}`;
}

/** True when an action string contains IAM's wildcards (`*` any run of characters, `?` one character). */
export function hasWildcard(text: string): boolean {
    return /[*?]/.test(text);
}

/**
 * IAM matches actions case-insensitively, with `*` and `?` as wildcards
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).
 */
export function actionPatternMatches(pattern: string, action: string): boolean {
    let regex = compiledPatterns.get(pattern);
    if (!regex) {
        const source = pattern
            .split("")
            .map((character) => (character === "*" ? ".*" : character === "?" ? "." : escapeRegex(character)))
            .join("");
        regex = new RegExp(`^${source}$`, "is");
        compiledPatterns.set(pattern, regex);
    }
    return regex.test(action);
}

/** Patterns are matched against thousands of catalog actions: compile each once. */
const compiledPatterns = new Map<string, RegExp>();

function escapeRegex(character: string): string {
    return /[\\^$.|+()[\]{}]/.test(character) ? `\\${character}` : character;
}
