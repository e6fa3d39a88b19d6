// The pack's tests run as two processes, each loading half of the compiled test files, instead of one process per file
// (`node --test dist/**/*.test.js`): every file loads the same rules, IAM catalogs and managed-policy data, so per-file
// processes spent most of their time loading (25 s CPU on two cores against 10 s for the same tests in one process).
// Files are found by name, so a new `*.test.ts` runs without being listed anywhere.
import { readdirSync } from "node:fs";
import { join } from "node:path";

/** Every compiled `*.test.js` under `dist`, sorted, so shards are the same on every machine. */
export function compiledTestFiles(dist: string): string[] {
    const found: string[] = [];
    const walk = (dir: string): void => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const path = join(dir, entry.name);
            if (entry.isDirectory()) {
                walk(path);
            } else if (entry.name.endsWith(".test.js")) {
                found.push(path);
            }
        }
    };
    walk(dist);
    return found.sort();
}

/**
 * The files that take seconds where the others take tenths: the checker run as child processes, the whole pinned
 * managed-policy package (77 MB) compared with the build's extract, and the Pulumi policy runtime. They are dealt out
 * first so they land in different shards; a file renamed away from this list only loses that place in the order.
 */
const SLOWEST_FIRST = ["check.test.js", "rules/iam-no-full-access-managed-policies.test.js", "pack.test.js"];

/** The files of shard `index` of `count`: dealt out in turn, the slowest first, so each shard gets a fair share. */
export function shardOf(files: readonly string[], index: number, count: number, dist = ""): string[] {
    const rank = (file: string): number => {
        const position = SLOWEST_FIRST.findIndex((slow) => file === join(dist, slow));
        return position < 0 ? SLOWEST_FIRST.length : position;
    };
    const ordered = [...files].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    return ordered.filter((_, position) => position % count === index);
}

/** Loads shard `index` of `count` into this process: their `describe`/`test` calls register with its test runner. */
export function loadTestShard(index: number, count: number): void {
    const dist = join(__dirname, "..");
    for (const file of shardOf(compiledTestFiles(dist), index, count, dist)) {
        require(file);
    }
}
