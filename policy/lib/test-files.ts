// The pack's tests run as two processes, each loading half of the compiled test files, instead of one process per file
// (`node --test dist/**/*.test.js`): every file loads the same rules, IAM catalogs and managed-policy data, so per-file
// processes spent most of their time loading (25 s CPU on two cores against 10 s for the same tests in one process).
// The list comes from the sources, so a new `*.test.ts` runs without being listed anywhere, a compiled file left behind
// by a deleted test does not run, and a compiled file that is missing (deleted by hand while the incremental build's
// .tsbuildinfo says it is up to date) fails the run instead of silently dropping its tests.
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";

/** Directories that hold no test sources of the pack. */
const NOT_SOURCES = new Set(["node_modules", "dist", "fixtures"]);

/** Every `*.test.ts` under `packRoot`, as paths relative to it, sorted, so shards are the same on every machine. */
export function testSources(packRoot: string): string[] {
    const found: string[] = [];
    const walk = (dir: string): void => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const path = join(dir, entry.name);
            if (entry.isDirectory()) {
                if (!NOT_SOURCES.has(entry.name) && !entry.name.startsWith(".")) {
                    walk(path);
                }
            } else if (entry.name.endsWith(".test.ts")) {
                found.push(relative(packRoot, path));
            }
        }
    };
    walk(packRoot);
    return found.sort();
}

/** The compiled file of every test source (`dist/<path>.test.js`); throws naming the sources whose file is missing. */
export function compiledTestFiles(packRoot: string): string[] {
    const dist = join(packRoot, "dist");
    const compiled = testSources(packRoot).map((source) => ({ source, file: join(dist, source.replace(/\.ts$/, ".js")) }));
    const missing = compiled.filter(({ file }) => !existsSync(file)).map(({ source }) => source);
    if (missing.length > 0) {
        throw new Error(`not compiled: ${missing.join(", ")} (delete dist/.tsbuildinfo, or dist/, and build again)`);
    }
    return compiled.map(({ file }) => file);
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
    const packRoot = join(__dirname, "..", "..");
    for (const file of shardOf(compiledTestFiles(packRoot), index, count, join(packRoot, "dist"))) {
        require(file);
    }
}
