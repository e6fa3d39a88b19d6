import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { compiledTestFiles, shardOf, testSources } from "./test-files";

describe("test shards", () => {
    const packRoot = join(__dirname, "..", "..");
    const dist = join(packRoot, "dist");
    const files = compiledTestFiles(packRoot);

    it("runs the compiled file of every test source, this one included", () => {
        assert.ok(testSources(packRoot).includes(join("lib", "test-files.test.ts")));
        assert.ok(files.includes(join(dist, "lib", "test-files.test.js")), files.join("\n"));
        assert.ok(files.includes(join(dist, "rules", "s3-public-access-blocked.test.js")), files.join("\n"));
        assert.equal(files.length, testSources(packRoot).length);
    });

    it("fails when a test source has no compiled file, and ignores compiled files without a source", () => {
        const root = mkdtempSync(join(tmpdir(), "policy-shards-"));
        mkdirSync(join(root, "rules"));
        mkdirSync(join(root, "dist", "rules"), { recursive: true });
        writeFileSync(join(root, "rules", "a.test.ts"), "");
        writeFileSync(join(root, "rules", "b.test.ts"), "");
        writeFileSync(join(root, "dist", "rules", "a.test.js"), "");
        writeFileSync(join(root, "dist", "rules", "deleted.test.js"), "");
        assert.throws(() => compiledTestFiles(root), /not compiled: rules\/b\.test\.ts/);
        writeFileSync(join(root, "dist", "rules", "b.test.js"), "");
        assert.deepEqual(compiledTestFiles(root), [join(root, "dist", "rules", "a.test.js"), join(root, "dist", "rules", "b.test.js")]);
    });

    it("puts every file in exactly one shard", () => {
        const shards = [shardOf(files, 0, 2, dist), shardOf(files, 1, 2, dist)];
        assert.deepEqual([...shards[0], ...shards[1]].sort(), [...files].sort());
        assert.equal(shards[0].filter((file) => shards[1].includes(file)).length, 0);
    });

    it("deals the slowest files to different shards", () => {
        const inFirst = (name: string) => shardOf(files, 0, 2, dist).includes(join(dist, name));
        assert.notEqual(inFirst("check.test.js"), inFirst("rules/iam-no-full-access-managed-policies.test.js"));
    });
});
