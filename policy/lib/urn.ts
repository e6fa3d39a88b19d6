// Pulumi URNs have the form `urn:pulumi:<stack>::<project>::<parent types$type>::<name>`
// (https://www.pulumi.com/docs/iac/concepts/resources/names/#urns). CrossGuard does not hand a policy the stack name,
// but every resource URN carries it, so rules that vary by stack read it from there, in the pack and offline alike.

const URN_PREFIX = "urn:pulumi:";

export function stackNameFromUrn(urn: string): string | undefined {
    if (!urn.startsWith(URN_PREFIX)) {
        return undefined;
    }
    const stack = urn.slice(URN_PREFIX.length).split("::")[0];
    return stack === "" ? undefined : stack;
}

/**
 * A provider reference as engines write it, `<provider URN>::<provider id>`, reduced to the URN. A URN alone has
 * four `::`-separated parts, so a fifth one is the id.
 */
export function providerUrnFromReference(reference: string): string {
    const parts = reference.split("::");
    return parts.length >= 5 ? parts.slice(0, -1).join("::") : reference;
}
