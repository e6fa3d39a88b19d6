// policy/README.md's rule table lists every rule of the pack, once, with its level; it is the one list (the top-level
// README.md links to it instead of keeping a copy).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ALL_RULES } from "../rules";

/** Each README and the header line its rule table starts with. */
const READMES: Record<string, { path: string; header: string }> = {
    "policy/README.md": { path: join(__dirname, "..", "..", "README.md"), header: "| Policy | Level | Scope | Requires | Why |" },
};

/** Rows of the table under `header` of the form | `rule-name` | level ... | ..., keyed by rule name. */
function ruleRows(path: string, header: string): Map<string, string[]> {
    const lines = readFileSync(path, "utf8").split("\n");
    const start = lines.indexOf(header);
    assert.ok(start >= 0, `${path} has no rule table headed ${header}`);
    const end = lines.findIndex((line, index) => index > start && !line.startsWith("|"));
    const rows = new Map<string, string[]>();
    for (const line of lines.slice(start, end)) {
        const match = /^\| `([a-z0-9-]+)` \|(.*)$/.exec(line);
        if (match) {
            assert.ok(!rows.has(match[1]), `${path}: ${match[1]} is listed twice`);
            rows.set(match[1], match[2].split("|").map((cell) => cell.trim()));
        }
    }
    return rows;
}

describe("README rule tables", () => {
    for (const [label, { path, header }] of Object.entries(READMES)) {
        it(`${label} lists every rule with its level and a reason, and no other`, () => {
            const rows = ruleRows(path, header);
            for (const rule of ALL_RULES) {
                const cells = rows.get(rule.name);
                assert.ok(cells, `${label} has no row for ${rule.name}`);
                assert.ok(cells[0].startsWith(rule.enforcementLevel), `${label}: ${rule.name} is ${rule.enforcementLevel}, the table says ${cells[0]}`);
                assert.ok(cells[cells.length - 2].length > 10, `${label}: ${rule.name} has no reason`);
            }
            assert.deepEqual([...rows.keys()].filter((name) => !ALL_RULES.some((rule) => rule.name === name)), [], `${label} lists rules the pack does not have`);
        });
    }
});

describe("the top-level README", () => {
    it("links the pack's README rather than copying its rule table", () => {
        const readme = readFileSync(join(__dirname, "..", "..", "..", "README.md"), "utf8");
        assert.ok(readme.includes("(policy/README.md)"), "README.md links policy/README.md");
        assert.ok(!ALL_RULES.some((rule) => readme.includes("| `" + rule.name + "` |")), "README.md keeps no copy of the rule table");
    });
});
