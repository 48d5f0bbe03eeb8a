/**
 * Which IP addresses the fetcher may connect to. Pure: no DNS, no sockets (see host-guard.ts).
 *
 * Anything that is not plainly global unicast is refused: private, loopback, link-local, CGNAT,
 * multicast, unspecified, broadcast, documentation and reserved blocks, in IPv4 and IPv6, and
 * IPv6 forms that carry an IPv4 address (::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) are
 * judged by the IPv4 address they carry. Ranges from the IANA special-purpose registries
 * (https://www.iana.org/assignments/iana-ipv4-special-registry,
 * https://www.iana.org/assignments/iana-ipv6-special-registry).
 */

export type AddressRange =
	| 'public'
	| 'private'
	| 'loopback'
	| 'link_local'
	| 'cgnat'
	| 'multicast'
	| 'unspecified'
	| 'broadcast'
	| 'documentation'
	| 'reserved';

export interface ClassifiedAddress {
	family: 4 | 6;
	/** Canonical text: dotted decimal, or RFC 5952 IPv6 ("::ffff:127.0.0.1" for mapped forms). */
	address: string;
	range: AddressRange;
	/** The IPv4 address an IPv6 form carries (mapped, NAT64, 6to4), when that decided the range. */
	embedded?: string;
}

/** [first address as uint32, prefix length, range]; first match wins. */
const V4_BLOCKS: ReadonlyArray<readonly [string, number, AddressRange]> = [
	['255.255.255.255', 32, 'broadcast'],
	['0.0.0.0', 8, 'unspecified'],
	['10.0.0.0', 8, 'private'],
	['100.64.0.0', 10, 'cgnat'],
	['127.0.0.0', 8, 'loopback'],
	['169.254.0.0', 16, 'link_local'],
	['172.16.0.0', 12, 'private'],
	['192.0.0.0', 24, 'reserved'],
	['192.0.2.0', 24, 'documentation'],
	['192.88.99.0', 24, 'reserved'],
	['192.168.0.0', 16, 'private'],
	['198.18.0.0', 15, 'reserved'],
	['198.51.100.0', 24, 'documentation'],
	['203.0.113.0', 24, 'documentation'],
	['224.0.0.0', 4, 'multicast'],
	['240.0.0.0', 4, 'reserved']
];

const V4_TABLE = V4_BLOCKS.map(([base, bits, range]) => {
	const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
	return { base: ((parseIpv4Strict(base) as number) & mask) >>> 0, mask, range };
});

/** Dotted decimal with exactly four parts, as DNS answers and IPv6 tails write it. */
function parseIpv4Strict(text: string): number | null {
	const parts = text.split('.');
	if (parts.length !== 4) return null;
	let n = 0;
	for (const p of parts) {
		if (!/^(?:0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return null;
		n = n * 256 + Number(p);
	}
	return n;
}

function parseV4Number(part: string): number | null {
	if (/^0[xX][0-9a-fA-F]*$/.test(part)) return part.length === 2 ? 0 : parseInt(part.slice(2), 16);
	if (/^0[0-7]+$/.test(part)) return parseInt(part.slice(1), 8);
	if (/^(?:0|[1-9]\d*)$/.test(part)) return Number(part);
	return null;
}

/**
 * The WHATWG URL / inet_aton reading of an IPv4 host: one to four parts, each decimal, octal
 * (leading 0) or hex (0x); the last part fills the remaining bytes. `127.1`, `2130706433`,
 * `0x7f.1` and `0177.0.0.1` all read as 127.0.0.1. Returns null when the text is not IPv4.
 */
export function parseIpv4(text: string): number | null {
	const parts = text.split('.');
	if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
	if (parts.length === 0 || parts.length > 4) return null;
	const nums: number[] = [];
	for (const p of parts) {
		const n = parseV4Number(p);
		if (n === null || !Number.isSafeInteger(n)) return null;
		nums.push(n);
	}
	const last = nums.pop() as number;
	if (nums.some((n) => n > 255)) return null;
	if (last >= 256 ** (4 - nums.length)) return null;
	let value = last;
	nums.forEach((n, i) => (value += n * 256 ** (3 - i)));
	return value;
}

export function formatIpv4(n: number): string {
	return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** Eight 16-bit groups, or null. Accepts brackets, a zone id (`%eth0`) and a dotted IPv4 tail. */
export function parseIpv6(text: string): number[] | null {
	let t = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
	const zone = t.indexOf('%');
	if (zone >= 0) t = t.slice(0, zone);
	if (!t.includes(':')) return null;
	const lastColon = t.lastIndexOf(':');
	if (t.slice(lastColon + 1).includes('.')) {
		const v4 = parseIpv4Strict(t.slice(lastColon + 1));
		if (v4 === null) return null;
		t = `${t.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
	}
	const halves = t.split('::');
	if (halves.length > 2) return null;
	const read = (s: string): number[] | null => {
		if (s === '') return [];
		const out: number[] = [];
		for (const g of s.split(':')) {
			if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
			out.push(parseInt(g, 16));
		}
		return out;
	};
	const head = read(halves[0] as string);
	const rest = halves.length === 2 ? read(halves[1] as string) : [];
	if (head === null || rest === null) return null;
	const given = head.length + rest.length;
	if (halves.length === 1) return given === 8 ? head : null;
	if (given > 7) return null;
	return [...head, ...new Array<number>(8 - given).fill(0), ...rest];
}

/** RFC 5952 text: lower case, no leading zeros, the longest run of ≥ 2 zero groups as `::`. */
export function formatIpv6(groups: readonly number[]): string {
	if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
		return `::ffff:${formatIpv4(((groups[6] as number) << 16) + (groups[7] as number))}`;
	}
	let best = -1;
	let bestLen = 1;
	for (let i = 0; i < 8;) {
		let j = i;
		while (j < 8 && groups[j] === 0) j++;
		if (j - i > bestLen) [best, bestLen] = [i, j - i];
		i = j === i ? i + 1 : j;
	}
	const hex = groups.map((g) => g.toString(16));
	if (best < 0) return hex.join(':');
	return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

function classifyIpv4(n: number): AddressRange {
	for (const b of V4_TABLE) if ((n & b.mask) >>> 0 === b.base) return b.range;
	return 'public';
}

function classifyIpv6(g: readonly number[]): Omit<ClassifiedAddress, 'family' | 'address'> {
	const at = (i: number) => g[i] as number;
	const v4 = (hi: number, lo: number) => ((hi << 16) >>> 0) + lo;
	const embedded = (n: number) => ({ range: classifyIpv4(n), embedded: formatIpv4(n) });
	const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
	if (zeros(0, 8)) return { range: 'unspecified' };
	if (zeros(0, 7) && at(7) === 1) return { range: 'loopback' };
	if (zeros(0, 5) && at(5) === 0xffff) return embedded(v4(at(6), at(7)));
	if (at(0) === 0x64 && at(1) === 0xff9b && zeros(2, 6)) return embedded(v4(at(6), at(7)));
	if (at(0) === 0x64 && at(1) === 0xff9b && at(2) === 1) return { range: 'private' };
	if (at(0) === 0x2002) return embedded(v4(at(1), at(2)));
	if (at(0) === 0x2001 && at(1) === 0x0db8) return { range: 'documentation' };
	if (at(0) === 0x3fff && at(1) < 0x1000) return { range: 'documentation' };
	if (at(0) === 0x2001 && at(1) < 0x0200) return { range: 'reserved' };
	if ((at(0) & 0xfe00) === 0xfc00) return { range: 'private' };
	if ((at(0) & 0xffc0) === 0xfe80) return { range: 'link_local' };
	if ((at(0) & 0xffc0) === 0xfec0) return { range: 'private' };
	if ((at(0) & 0xff00) === 0xff00) return { range: 'multicast' };
	if ((at(0) & 0xe000) === 0x2000) return { range: 'public' };
	return { range: 'reserved' };
}

/**
 * Classifies an IP literal in any spelling the URL parser or inet_aton accepts; null when the
 * text is not an IP address (a host name).
 */
export function classifyAddress(text: string): ClassifiedAddress | null {
	const t = text.trim();
	const v4 = /^[0-9a-fA-FxX.]+$/.test(t) ? parseIpv4(t) : null;
	if (v4 !== null) return { family: 4, address: formatIpv4(v4), range: classifyIpv4(v4) };
	const v6 = parseIpv6(t);
	if (v6 === null) return null;
	return { family: 6, address: formatIpv6(v6), ...classifyIpv6(v6) };
}

export function isPublicRange(range: AddressRange): boolean {
	return range === 'public';
}
