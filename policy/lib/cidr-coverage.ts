// "Open to the internet", computed instead of spelled. A set of source CIDRs is open to the internet when its union
// contains every globally routable address of its family - whether it is written as 0.0.0.0/0, as 0.0.0.0/1 +
// 128.0.0.0/1, or as a list of ranges that leaves out only private and reserved space (which the internet cannot
// reach anyway). Each CIDR becomes an interval of integers (IPv4 32-bit, IPv6 128-bit as BigInt); intervals are
// sorted and merged; the union is open when it contains every interval of the family's internet space below.
//
// Internet space: IPv4 is 0.0.0.0/0 minus the special-purpose blocks that are not globally reachable (IANA IPv4
// Special-Purpose Address Registry, RFC 6890: https://www.iana.org/assignments/iana-ipv4-special-registry/);
// IPv6 is global unicast 2000::/3 (RFC 4291 section 2.4) minus the documentation prefix 2001:db8::/32 (RFC 3849).

export type IpFamily = "ipv4" | "ipv6";

interface Interval {
    readonly start: bigint;
    readonly end: bigint;
}

export interface ParsedCidr extends Interval {
    readonly family: IpFamily;
}

const IPV4_BITS = 32;
const IPV6_BITS = 128;

function parseIpv4(address: string): bigint | undefined {
    const octets = address.split(".");
    if (octets.length !== 4 || octets.some((octet) => !/^\d{1,3}$/.test(octet) || Number(octet) > 255)) {
        return undefined;
    }
    return octets.reduce((value, octet) => (value << 8n) | BigInt(Number(octet)), 0n);
}

function parseIpv6(address: string): bigint | undefined {
    let text = address.toLowerCase();
    // An embedded IPv4 tail (::ffff:1.2.3.4) becomes two hextets.
    const ipv4Tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
    if (ipv4Tail) {
        const value = parseIpv4(ipv4Tail[1]);
        if (value === undefined) {
            return undefined;
        }
        text = text.slice(0, -ipv4Tail[1].length) + `${(value >> 16n).toString(16)}:${(value & 0xffffn).toString(16)}`;
    }
    const halves = text.split("::");
    if (halves.length > 2) {
        return undefined;
    }
    const head = halves[0] === "" ? [] : halves[0].split(":");
    const tail = halves.length === 2 && halves[1] !== "" ? halves[1].split(":") : [];
    const missing = 8 - head.length - tail.length;
    if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) {
        return undefined;
    }
    const hextets = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
    if (hextets.some((hextet) => !/^[0-9a-f]{1,4}$/.test(hextet))) {
        return undefined;
    }
    return hextets.reduce((value, hextet) => (value << 16n) | BigInt(parseInt(hextet, 16)), 0n);
}

/** A CIDR as the interval of addresses it contains (host bits ignored, as the prefix decides); undefined if malformed. */
export function parseCidr(cidr: string): ParsedCidr | undefined {
    const match = /^\s*([0-9a-fA-F:.]+)\/(\d{1,3})\s*$/.exec(cidr);
    if (!match) {
        return undefined;
    }
    const family: IpFamily = match[1].includes(":") ? "ipv6" : "ipv4";
    const bits = family === "ipv4" ? IPV4_BITS : IPV6_BITS;
    const prefix = Number(match[2]);
    const address = family === "ipv4" ? parseIpv4(match[1]) : parseIpv6(match[1]);
    if (address === undefined || prefix > bits) {
        return undefined;
    }
    const hostBits = BigInt(bits - prefix);
    const start = (address >> hostBits) << hostBits;
    return { family, start, end: start + (1n << hostBits) - 1n };
}

/** Sorted, non-overlapping, non-adjacent intervals covering the same addresses. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
    const sorted = [...intervals].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    const merged: { start: bigint; end: bigint }[] = [];
    for (const interval of sorted) {
        const last = merged[merged.length - 1];
        if (last && interval.start <= last.end + 1n) {
            last.end = interval.end > last.end ? interval.end : last.end;
        } else {
            merged.push({ start: interval.start, end: interval.end });
        }
    }
    return merged;
}

function complementWithin(whole: Interval, holes: readonly Interval[]): Interval[] {
    const result: Interval[] = [];
    let cursor = whole.start;
    for (const hole of mergeIntervals(holes)) {
        if (hole.start > cursor) {
            result.push({ start: cursor, end: hole.start - 1n });
        }
        cursor = hole.end + 1n > cursor ? hole.end + 1n : cursor;
    }
    if (cursor <= whole.end) {
        result.push({ start: cursor, end: whole.end });
    }
    return result;
}

const toIntervals = (cidrs: readonly string[]): Interval[] => cidrs.map((cidr) => parseCidr(cidr) as ParsedCidr);

/** Blocks of IPv4 space the internet cannot reach (RFC 6890 registry entries with "Globally Reachable" = False). */
const IPV4_NOT_GLOBAL = [
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
    "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
];

export const INTERNET_SPACE: Readonly<Record<IpFamily, readonly Interval[]>> = {
    ipv4: complementWithin({ start: 0n, end: (1n << 32n) - 1n }, toIntervals(IPV4_NOT_GLOBAL)),
    ipv6: complementWithin(parseCidr("2000::/3") as Interval, toIntervals(["2001:db8::/32"])),
};

function contains(merged: readonly Interval[], target: Interval): boolean {
    return merged.some((interval) => interval.start <= target.start && interval.end >= target.end);
}

/** The families whose whole internet space the CIDRs cover together. Malformed entries are ignored. */
export function internetCoverage(cidrs: readonly string[]): IpFamily[] {
    const parsed = cidrs.map(parseCidr).filter((cidr): cidr is ParsedCidr => cidr !== undefined);
    return (["ipv4", "ipv6"] as const).filter((family) => {
        const merged = mergeIntervals(parsed.filter((cidr) => cidr.family === family));
        return INTERNET_SPACE[family].every((block) => contains(merged, block));
    });
}

/** "0.0.0.0/1, 128.0.0.0/1 (together all of IPv4's internet space)" - how messages name an open source list. */
export function describeCoverage(cidrs: readonly string[], families: readonly IpFamily[]): string {
    const names = families.map((family) => (family === "ipv4" ? "0.0.0.0/0" : "::/0")).join(" and ");
    const listed = [...new Set(cidrs.map((cidr) => cidr.trim()))];
    return listed.length === 1 && /\/0+$/.test(listed[0]) ? listed[0] : `${listed.join(", ")} (together covering the internet part of ${names})`;
}
