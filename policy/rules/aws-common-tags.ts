// Every taggable AWS resource carries project, stack and managed-by, so that costs, ownership and orphans can be
// traced back to a stack. Tags set on the AWS provider (`defaultTags`) count: the provider merges them into every
// resource (https://www.pulumi.com/registry/packages/aws/api-docs/provider/#defaulttags_nodejs).
import { COMMON_TAG_KEYS, MANAGED_BY_VALUE, TAGGABLE_TYPES } from "../data/tagging";
import type { ResourceRule, ReviewedResource } from "../lib/types";
import { isObject, objectAt, parseJsonDocument } from "../lib/values";

/** Provider `defaultTags.tags`. Provider inputs may reach us JSON-encoded (engines encode nested provider config). */
function providerDefaultTags(resource: ReviewedResource): Record<string, unknown> {
    if (!resource.provider) {
        return {};
    }
    const parsed = parseJsonDocument(resource.provider.props["defaultTags"]);
    return parsed.ok && isObject(parsed.value) ? objectAt(parsed.value["tags"]) : {};
}

/** Problems with the effective tags of a resource in `stack`; empty when they are right. */
export function commonTagProblems(tags: Record<string, unknown>, stack: string): string[] {
    const problems: string[] = [];
    const valueOf = (key: string) => (typeof tags[key] === "string" ? (tags[key] as string).trim() : "");
    for (const key of Object.values(COMMON_TAG_KEYS)) {
        if (valueOf(key) === "") {
            problems.push(tags[key] === undefined ? `tag "${key}" is missing` : `tag "${key}" is empty`);
        }
    }
    const stackValue = valueOf(COMMON_TAG_KEYS.stack);
    if (stackValue !== "" && stackValue !== stack) {
        problems.push(`tag "${COMMON_TAG_KEYS.stack}" is "${stackValue}" but the stack is "${stack}"`);
    }
    const managedBy = valueOf(COMMON_TAG_KEYS.managedBy);
    if (managedBy !== "" && managedBy !== MANAGED_BY_VALUE) {
        problems.push(`tag "${COMMON_TAG_KEYS.managedBy}" is "${managedBy}", expected "${MANAGED_BY_VALUE}"`);
    }
    return problems;
}

export const awsCommonTags: ResourceRule = {
    kind: "resource",
    name: "aws-common-tags",
    description: `Taggable AWS resources carry the tags ${Object.values(COMMON_TAG_KEYS).join(", ")} (stack = the stack name, managed-by = ${MANAGED_BY_VALUE}).`,
    enforcementLevel: "mandatory",
    validateResource(resource, report) {
        if (!TAGGABLE_TYPES.has(resource.type)) {
            return;
        }
        const tags = { ...providerDefaultTags(resource), ...objectAt(resource.props["tags"]) };
        const problems = commonTagProblems(tags, resource.stack);
        if (problems.length > 0) {
            report(`Common tags: ${problems.join("; ")}.`);
        }
    },
};
