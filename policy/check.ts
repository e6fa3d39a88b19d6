// Offline policy check over plan files: `npm --prefix policy run check -- target/plan/dev.json [more.json]`.
// Evaluates the same rule functions as the CrossGuard pack, without the Pulumi engine or cloud credentials.
// Exit status: 0 no mandatory violation (advisory ones are printed), 1 some mandatory violation, 2 usage error,
// unreadable or malformed plan file, or a rule that crashed.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { evaluateStack } from "./lib/evaluate";
import { PlanError, loadPlan } from "./lib/plan";
import { countByLevel, formatEvaluation } from "./lib/report";
import type { PackIdentity } from "./lib/report";
import { ALL_RULES } from "./rules";

export const EXIT_PASSED = 0;
export const EXIT_MANDATORY_VIOLATIONS = 1;
export const EXIT_ERROR = 2;

/**
 * `npm --prefix policy run check -- target/plan/dev.json` runs this script inside policy/, but the path is meant
 * relative to where the command was typed, which npm passes on as INIT_CWD.
 */
function invocationDirectory(): string {
    const viaNpmScript = process.env["npm_lifecycle_event"] === "check";
    return viaNpmScript && process.env["INIT_CWD"] ? process.env["INIT_CWD"] : process.cwd();
}

const USAGE = "usage: npm --prefix policy run check -- [--missing-ok] <plan.json | plan directory> [more ...]";

/**
 * `--missing-ok`: a path that does not exist is skipped with a note instead of failing the check. For plans that only
 * some builds write: `mvn verify` checks `target/test-plans`, which exists only when the tests that write it ran.
 */
const MISSING_OK = "--missing-ok";

/** A directory stands for every plan file in it (`target/plan` holds one `<stack>.json` per stack file). */
function expandDirectories(paths: readonly string[], missingOk: boolean, print: (text: string) => void): string[] {
    return paths.flatMap((path) => {
        const absolute = resolve(invocationDirectory(), path);
        let isDirectory = false;
        try {
            isDirectory = statSync(absolute).isDirectory();
        } catch {
            if (missingOk) {
                print(`${path}: does not exist, skipped (${MISSING_OK})`);
                return [];
            }
            return [path]; // loadPlan reports the missing file
        }
        return isDirectory
            ? readdirSync(absolute).filter((name) => name.endsWith(".json")).sort().map((name) => join(path, name))
            : [path];
    });
}

function packIdentity(): PackIdentity {
    const packageJson = JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")) as { version?: string };
    return { name: "big-data-stack", version: packageJson.version ?? "0.0.0" };
}

export async function runCheck(arguments_: readonly string[], print: (text: string) => void, printError: (text: string) => void): Promise<number> {
    const missingOk = arguments_.includes(MISSING_OK);
    const given = arguments_.filter((argument) => argument !== MISSING_OK);
    if (given.length === 0 || given.some((path) => path === "-h" || path === "--help")) {
        printError(USAGE);
        return EXIT_ERROR;
    }
    const paths = expandDirectories(given, missingOk, print);
    const everyPathMissing = given.every((path) => {
        try {
            statSync(resolve(invocationDirectory(), path));
            return false;
        } catch {
            return true;
        }
    });
    if (paths.length === 0 && missingOk && everyPathMissing) {
        print("nothing to check");
        return EXIT_PASSED;
    }
    if (paths.length === 0) {
        printError(`error: no plan files (*.json) in ${given.join(", ")}`);
        return EXIT_ERROR;
    }
    const pack = packIdentity();
    let mandatory = 0;
    let advisory = 0;
    let failed = false;
    for (const path of paths) {
        let plan;
        try {
            plan = loadPlan(resolve(invocationDirectory(), path));
        } catch (error) {
            if (error instanceof PlanError) {
                printError(`error: ${error.message}`);
                return EXIT_ERROR;
            }
            throw error;
        }
        const evaluation = await evaluateStack(plan.stack, ALL_RULES);
        print(formatEvaluation(evaluation, path, pack));
        const counts = countByLevel(evaluation.violations);
        mandatory += counts.mandatory;
        advisory += counts.advisory;
        failed ||= evaluation.failures.length > 0;
    }
    if (paths.length > 1) {
        print(`Total: ${mandatory} mandatory, ${advisory} advisory violation(s) in ${paths.length} plan files`);
    }
    return failed ? EXIT_ERROR : mandatory > 0 ? EXIT_MANDATORY_VIOLATIONS : EXIT_PASSED;
}

if (require.main === module) {
    runCheck(process.argv.slice(2), (text) => console.log(text), (text) => console.error(text)).then(
        (code) => {
            process.exitCode = code;
        },
        (error: unknown) => {
            console.error(`error: ${(error as Error)?.stack ?? error}`);
            process.exitCode = EXIT_ERROR;
        },
    );
}
