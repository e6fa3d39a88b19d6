// Small readers for untyped input properties. Inputs come from JSON (plan files) or from the engine (CrossGuard),
// so every rule treats them as `unknown` and narrows them here instead of trusting a shape.

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The object at `value`, or an empty one when it is absent or not an object. */
export function objectAt(value: unknown): JsonObject {
    return isObject(value) ? value : {};
}

/** Lists may arrive as arrays, a single value (IAM's "Action": "s3:GetObject"), or not at all. */
export function listOf(value: unknown): unknown[] {
    if (value === undefined || value === null) {
        return [];
    }
    return Array.isArray(value) ? value : [value];
}

/** The string members of a string-or-list value; anything else is dropped. */
export function stringsOf(value: unknown): string[] {
    return listOf(value).filter((item): item is string => typeof item === "string");
}

export function nonEmptyString(value: unknown): value is string {
    return typeof value === "string" && value.trim() !== "";
}

/** A JSON document given either as the string the provider receives or, leniently, as an already parsed value. */
export function parseJsonDocument(value: unknown): { ok: true; value: unknown } | { ok: false; reason: string } {
    if (typeof value !== "string") {
        return value === undefined || value === null
            ? { ok: false, reason: "the document is missing" }
            : { ok: true, value };
    }
    try {
        return { ok: true, value: JSON.parse(value) };
    } catch (error) {
        return { ok: false, reason: `it is not valid JSON (${(error as Error).message})` };
    }
}
