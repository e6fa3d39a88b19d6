// Relations between resources of one stack. "B depends on A" means B's dependencies include A's URN: Pulumi records
// explicit `dependsOn` and every Output of A that flows into B's inputs (e.g. `bucket: bucketV2.id()`).
import type { ReviewedStack, ReviewedStackResource } from "./types";

export function resourcesOfType(stack: ReviewedStack, types: readonly string[]): ReviewedStackResource[] {
    return stack.resources.filter((resource) => types.includes(resource.type));
}

/** Resources of the given types that depend on `target`. */
export function dependentsOf(stack: ReviewedStack, target: ReviewedStackResource, types: readonly string[]): ReviewedStackResource[] {
    return resourcesOfType(stack, types).filter((resource) => resource.dependencies.includes(target.urn));
}

/** "dev-logs (aws:s3/bucketV2:BucketV2)" - how messages name another resource. */
export function describeResource(resource: ReviewedStackResource): string {
    return `${resource.name} (${resource.type})`;
}
