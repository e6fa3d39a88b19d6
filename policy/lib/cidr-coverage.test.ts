import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { internetCoverage, mergeIntervals, parseCidr } from "./cidr-coverage";

describe("cidr-coverage", () => {
    it("parses IPv4 and IPv6 CIDRs into address intervals, ignoring host bits", () => {
        assert.deepEqual(parseCidr("10.0.0.0/8"), { family: "ipv4", start: 0x0a000000n, end: 0x0affffffn });
        assert.deepEqual(parseCidr("10.1.2.3/8"), parseCidr("10.0.0.0/8"));
        assert.equal(parseCidr("::/0")?.end, (1n << 128n) - 1n);
        assert.equal(parseCidr("2001:db8::/32")?.start, 0x20010db8n << 96n);
        assert.equal(parseCidr("::ffff:1.2.3.4/128")?.start, (0xffffn << 32n) | 0x01020304n);
        for (const malformed of ["10.0.0.0", "10.0.0.256/8", "10.0.0.0/33", "1::2::3/64", "::/129", "banana/0"]) {
            assert.equal(parseCidr(malformed), undefined, malformed);
        }
    });

    it("merges overlapping and adjacent intervals", () => {
        const merged = mergeIntervals([{ start: 5n, end: 9n }, { start: 0n, end: 4n }, { start: 20n, end: 30n }, { start: 7n, end: 12n }]);
        assert.deepEqual(merged, [{ start: 0n, end: 12n }, { start: 20n, end: 30n }]);
    });

    it("finds the internet covered by /0, by halves, by ranges skipping only private space, per family", () => {
        assert.deepEqual(internetCoverage(["0.0.0.0/0"]), ["ipv4"]);
        assert.deepEqual(internetCoverage(["0.0.0.0/1", "128.0.0.0/1", "::/0"]), ["ipv4", "ipv6"]);
        assert.deepEqual(internetCoverage(["2000::/3"]), ["ipv6"]);
        assert.deepEqual(internetCoverage(["0.0.0.0/1", "128.0.0.0/2", "192.0.0.0/3", "224.0.0.0/3"]), ["ipv4"]);
    });

    it("does not call partial coverage open", () => {
        assert.deepEqual(internetCoverage(["0.0.0.0/1"]), []);
        assert.deepEqual(internetCoverage(["0.0.0.0/1", "128.0.0.0/2", "192.0.0.0/3", "224.0.0.0/4", "240.0.0.0/5"]).length, 1); // 224/4 and 240/4 are not internet
        assert.deepEqual(internetCoverage(["0.0.0.0/1", "128.0.0.0/2", "200.0.0.0/5"]), []);
        assert.deepEqual(internetCoverage(["10.0.0.0/8", "203.0.113.0/24", "fd00::/8", "2001:db8::/32"]), []);
        assert.deepEqual(internetCoverage(["2000::/4"]), []);
    });
});
