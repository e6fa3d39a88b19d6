// The AWS account a stack deploys into, read from the stack itself. The program embeds its account (from
// aws.getCallerIdentity) in the ARNs of the IAM roles it creates wherever another resource refers to them - the
// cluster's roleArn, a node group's nodeRoleArn, an access entry, a PassRole statement. A role is known to be this
// stack's own by its `name` input, so an ARN `arn:<partition>:iam::<account>:role/[path/]<that name>` found anywhere in
// the stack's inputs names the home account. A principal that merely mentions another account cannot forge this.
// When nothing refers to a created role by ARN (e.g. values still unknown in a first preview) the home account is
// unknown and rules that need it say so instead of guessing.
import { ROLE_TYPE } from "./iam-document-sources";
import type { ReviewedStack } from "./types";
import { isObject } from "./values";


function* stringsIn(value: unknown): Generator<string> {
    if (typeof value === "string") {
        yield value;
    } else if (Array.isArray(value)) {
        for (const item of value) {
            yield* stringsIn(item);
        }
    } else if (isObject(value)) {
        for (const item of Object.values(value)) {
            yield* stringsIn(item);
        }
    }
}

/** Three rules ask for the same stack's accounts: walk its inputs once. */
const cache = new WeakMap<ReviewedStack, Set<string>>();

/** The accounts the stack's own roles live in (normally exactly one). */
export function homeAccounts(stack: ReviewedStack): Set<string> {
    let accounts = cache.get(stack);
    if (!accounts) {
        accounts = findHomeAccounts(stack);
        cache.set(stack, accounts);
    }
    return accounts;
}

function findHomeAccounts(stack: ReviewedStack): Set<string> {
    const roleNames = new Set(
        stack.resources
            .filter((resource) => resource.type === ROLE_TYPE)
            .map((resource) => resource.props["name"])
            .filter((name): name is string => typeof name === "string" && name !== "" && name !== "[secret]"),
    );
    const accounts = new Set<string>();
    if (roleNames.size === 0) {
        return accounts;
    }
    const roleArn = /arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[^"\s,]*\/)?([\w+=,.@-]+)/g;
    for (const resource of stack.resources) {
        for (const text of stringsIn(resource.props)) {
            if (!text.includes(":role/")) {
                continue;
            }
            for (const match of text.matchAll(roleArn)) {
                if (roleNames.has(match[2])) {
                    accounts.add(match[1]);
                }
            }
        }
    }
    return accounts;
}

/** The account of an IAM ARN or a bare 12-digit account id; undefined for anything else. */
export function accountOf(principal: string): string | undefined {
    const trimmed = principal.trim();
    if (/^\d{12}$/.test(trimmed)) {
        return trimmed;
    }
    return /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/.exec(trimmed)?.[1];
}
