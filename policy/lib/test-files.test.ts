import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { compiledTestFiles, shardOf } from "./test-files";

describe("test shards", () => {
    const dist = join(__dirname, "..");
    const files = compiledTestFiles(dist);

    it("finds every compiled test file, this one included", () => {
        assert.ok(files.includes(join(dist, "lib", "test-files.test.js")), files.join("\n"));
        assert.ok(files.includes(join(dist, "rules", "s3-public-access-blocked.test.js")), files.join("\n"));
        assert.ok(files.every((file) => file.endsWith(".test.js")));
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
