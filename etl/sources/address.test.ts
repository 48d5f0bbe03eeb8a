import fc from 'fast-check';
import { BlockList } from 'node:net';
import { describe, expect, it } from 'vitest';
import { classifyAddress, formatIpv4, type AddressRange } from './address.ts';
import { checkHost, pinnedLookup, type Resolver } from './host-guard.ts';

/** Every spelling an attacker may put in a manifest URL or a DNS answer; none may be fetched. */
const HOSTILE_LITERALS: ReadonlyArray<readonly [string, AddressRange]> = [
	['127.0.0.1', 'loopback'],
	['127.1', 'loopback'],
	['127.0.1', 'loopback'],
	['2130706433', 'loopback'],
	['0x7f000001', 'loopback'],
	['0177.0.0.1', 'loopback'],
	['0x7f.1', 'loopback'],
	['0X7F.0.0.1', 'loopback'],
	['017700000001', 'loopback'],
	['127.255.255.254', 'loopback'],
	['127.0.0.1.', 'loopback'],
	['0', 'unspecified'],
	['0x', 'unspecified'],
	['0.0.0.0', 'unspecified'],
	['0.1.2.3', 'unspecified'],
	['10.0.0.1', 'private'],
	['10.255.255.255', 'private'],
	['012.0.0.1', 'private'],
	['172.16.0.1', 'private'],
	['172.31.255.255', 'private'],
	['192.168.1.1', 'private'],
	['169.254.169.254', 'link_local'],
	['0xa9fea9fe', 'link_local'],
	['100.64.0.1', 'cgnat'],
	['100.127.255.255', 'cgnat'],
	['224.0.0.1', 'multicast'],
	['239.255.255.250', 'multicast'],
	['255.255.255.255', 'broadcast'],
	['240.0.0.1', 'reserved'],
	['192.0.0.170', 'reserved'],
	['198.18.0.1', 'reserved'],
	['192.0.2.1', 'documentation'],
	['203.0.113.7', 'documentation'],
	['::1', 'loopback'],
	['[::1]', 'loopback'],
	['0:0:0:0:0:0:0:1', 'loopback'],
	['::', 'unspecified'],
	['::ffff:127.0.0.1', 'loopback'],
	['::ffff:7f00:1', 'loopback'],
	['[::ffff:10.0.0.1]', 'private'],
	['::ffff:169.254.169.254', 'link_local'],
	['::ffff:0.0.0.0', 'unspecified'],
	['::127.0.0.1', 'reserved'],
	['fe80::', 'link_local'],
	['fe80::1%eth0', 'link_local'],
	['febf:ffff::1', 'link_local'],
	['fc00::', 'private'],
	['fd00::1', 'private'],
	['fec0::1', 'private'],
	['ff02::1', 'multicast'],
	['ff05::1:3', 'multicast'],
	['64:ff9b::7f00:1', 'loopback'],
	['64:ff9b::10.0.0.1', 'private'],
	['64:ff9b:1::1', 'private'],
	['2002:7f00:1::', 'loopback'],
	['2002:c0a8:101::1', 'private'],
	['2001:db8::1', 'documentation'],
	['2001::1', 'reserved'],
	['100::1', 'reserved']
];

const PUBLIC_LITERALS: ReadonlyArray<readonly [string, string]> = [
	['8.8.8.8', '8.8.8.8'],
	['1.1.1.1', '1.1.1.1'],
	['172.32.0.1', '172.32.0.1'],
	['100.128.0.1', '100.128.0.1'],
	['2001:4860:4860::8888', '2001:4860:4860::8888'],
	['2606:4700:4700:0000:0000:0000:0000:1111', '2606:4700:4700::1111'],
	['::ffff:8.8.8.8', '::ffff:8.8.8.8'],
	['64:ff9b::808:808', '64:ff9b::808:808']
];

/** A resolver that answers from a table: the tests never ask real DNS about these names. */
function fakeResolver(table: Record<string, string[]>): Resolver {
	return async (host) => {
		const found = table[host];
		if (!found)
			throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
		return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
	};
}

const resolver = fakeResolver({
	'loopback.example': ['127.0.0.1'],
	'rebind.example': ['93.184.215.14', '10.0.0.1'],
	'mapped.example': ['::ffff:127.0.0.1'],
	'v6.example': ['2001:4860:4860::8888', 'fe80::1'],
	'metadata.example': ['169.254.169.254'],
	'junk.example': ['not-an-address'],
	'public.example': ['8.8.8.8', '2001:4860:4860::8888']
});

/** Host names that must be refused, and the address the refusal names. */
const HOSTILE_NAMES: ReadonlyArray<readonly [string, string, AddressRange | 'invalid']> = [
	['localhost', 'localhost', 'loopback'],
	['LOCALHOST.', 'localhost', 'loopback'],
	['localhost..', 'localhost', 'loopback'],
	['api.localhost', 'api.localhost', 'loopback'],
	['loopback.example', '127.0.0.1', 'loopback'],
	['rebind.example', '10.0.0.1', 'private'],
	['mapped.example', '::ffff:127.0.0.1', 'loopback'],
	['v6.example', 'fe80::1', 'link_local'],
	['metadata.example', '169.254.169.254', 'link_local'],
	['junk.example', 'not-an-address', 'invalid']
];

describe('classifyAddress', () => {
	it(`refuses ${HOSTILE_LITERALS.length} hostile literals, each with its range`, () => {
		const actual = HOSTILE_LITERALS.map(([text]) => [text, classifyAddress(text)?.range]);
		expect(actual).toEqual(HOSTILE_LITERALS.map(([text, range]) => [text, range]));
		expect(HOSTILE_LITERALS.length).toBeGreaterThanOrEqual(40);
	});

	it('allows public addresses (classification only; nothing connects to them)', () => {
		const actual = PUBLIC_LITERALS.map(([text]) => {
			const c = classifyAddress(text);
			return [text, c?.range, c?.address];
		});
		expect(actual).toEqual(PUBLIC_LITERALS.map(([text, canon]) => [text, 'public', canon]));
	});

	it('names the IPv4 address an IPv6 form carries', () => {
		expect(classifyAddress('64:ff9b::7f00:1')).toEqual({
			family: 6,
			address: '64:ff9b::7f00:1',
			range: 'loopback',
			embedded: '127.0.0.1'
		});
		expect(classifyAddress('[::ffff:10.0.0.1]')).toEqual({
			family: 6,
			address: '::ffff:10.0.0.1',
			range: 'private',
			embedded: '10.0.0.1'
		});
	});

	it('returns null for host names and for malformed addresses', () => {
		const names = [
			'example.com',
			'cafe.be',
			'256.1.1.1',
			'1.2.3.4.5',
			'09.1.1.1',
			':::',
			'1::2::3',
			'g::1'
		];
		expect(names.map((n) => classifyAddress(n))).toEqual(names.map(() => null));
	});

	it('reads every IPv4 spelling as the WHATWG URL parser does (property, URL as oracle)', () => {
		const spelling = fc.tuple(fc.nat({ max: 0xffffffff }), fc.nat({ max: 4 })).map(([n, how]) => {
			const b = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
			const text = [
				String(n),
				`0x${n.toString(16)}`,
				b.map((x) => `0${x.toString(8)}`).join('.'),
				`${b[0]}.${n & 0xffffff}`,
				`0x${(b[0] as number).toString(16)}.${b[1]}.${n & 0xffff}`
			][how] as string;
			return { n, text };
		});
		fc.assert(
			fc.property(spelling, ({ n, text }) => {
				const viaUrl = new URL(`http://${text}/`).hostname;
				expect([classifyAddress(text)?.address, viaUrl]).toEqual([formatIpv4(n), formatIpv4(n)]);
			})
		);
	});

	it('agrees with node:net BlockList on which IPv4 addresses are public (property)', () => {
		const blocked = new BlockList();
		for (const cidr of [
			'0.0.0.0/8',
			'10.0.0.0/8',
			'100.64.0.0/10',
			'127.0.0.0/8',
			'169.254.0.0/16',
			'172.16.0.0/12',
			'192.0.0.0/24',
			'192.0.2.0/24',
			'192.88.99.0/24',
			'192.168.0.0/16',
			'198.18.0.0/15',
			'198.51.100.0/24',
			'203.0.113.0/24',
			'224.0.0.0/4',
			'240.0.0.0/4'
		]) {
			const [net, bits] = cidr.split('/') as [string, string];
			blocked.addSubnet(net, Number(bits), 'ipv4');
		}
		fc.assert(
			fc.property(fc.nat({ max: 0xffffffff }), (n) => {
				const a = formatIpv4(n);
				expect(classifyAddress(a)?.range === 'public').toBe(!blocked.check(a, 'ipv4'));
			}),
			{ numRuns: 5000 }
		);
	});

	it('refuses any address drawn from a private, local or special range (property)', () => {
		const v4Blocks: ReadonlyArray<readonly [number, number]> = [
			[0x0a000000, 8],
			[0xac100000, 12],
			[0xc0a80000, 16],
			[0x7f000000, 8],
			[0xa9fe0000, 16],
			[0x64400000, 10],
			[0xe0000000, 4],
			[0xf0000000, 4],
			[0x00000000, 8]
		];
		const privateV4 = fc
			.tuple(fc.constantFrom(...v4Blocks), fc.nat({ max: 0xffffffff }))
			.map(([[base, bits], r]) => (base + (r % 2 ** (32 - bits))) >>> 0);
		const hex = (g: number[]) => g.map((x) => x.toString(16)).join(':');
		const group = fc.nat({ max: 0xffff });
		const groups = (k: number) => fc.array(group, { minLength: k, maxLength: k });
		const privateV6 = fc.oneof(
			fc.tuple(group, groups(7)).map(([g, rest]) => hex([0xfc00 | (g & 0x1ff), ...rest])),
			fc.tuple(group, groups(7)).map(([g, rest]) => hex([0xfe80 | (g & 0x3f), ...rest])),
			fc.tuple(group, groups(7)).map(([g, rest]) => hex([0xff00 | (g & 0xff), ...rest])),
			privateV4.map((n) => `::ffff:${formatIpv4(n)}`),
			privateV4.map((n) => hex([0x64, 0xff9b, 0, 0, 0, 0, n >>> 16, n & 0xffff])),
			fc
				.tuple(privateV4, groups(5))
				.map(([n, rest]) => hex([0x2002, n >>> 16, n & 0xffff, ...rest]))
		);
		fc.assert(
			fc.property(fc.oneof(privateV4.map(formatIpv4), privateV6), (a) => {
				expect([a, classifyAddress(a)?.range === 'public']).toEqual([a, false]);
			}),
			{ numRuns: 5000 }
		);
	});
});

describe('checkHost', () => {
	it(`refuses ${HOSTILE_NAMES.length} hostile names, checking every address DNS returns`, async () => {
		const actual = await Promise.all(HOSTILE_NAMES.map(([host]) => checkHost(host, { resolver })));
		expect(actual).toEqual(
			HOSTILE_NAMES.map(([, address, range]) => ({
				ok: false,
				reason: 'address_refused',
				address,
				range
			}))
		);
	});

	it('refuses hostile literals without asking DNS', async () => {
		const asked: string[] = [];
		const spy: Resolver = async (host) => (asked.push(host), []);
		const results = await Promise.all(
			HOSTILE_LITERALS.map(([text]) => checkHost(text, { resolver: spy }))
		);
		expect([results.filter((r) => r.ok).length, asked]).toEqual([0, []]);
	});

	it('passes public names with every address, ready to pin', async () => {
		expect(await checkHost('Public.Example.', { resolver })).toEqual({
			ok: true,
			addresses: [
				{ address: '8.8.8.8', family: 4 },
				{ address: '2001:4860:4860::8888', family: 6 }
			]
		});
	});

	it('lets allowPrivate through and reports DNS failures', async () => {
		expect(await checkHost('loopback.example', { resolver, allowPrivate: true })).toEqual({
			ok: true,
			addresses: [{ address: '127.0.0.1', family: 4 }]
		});
		expect(await checkHost('missing.example', { resolver })).toEqual({
			ok: false,
			reason: 'dns_failed',
			detail: 'getaddrinfo ENOTFOUND missing.example'
		});
	});
});

describe('pinnedLookup', () => {
	const lookup = pinnedLookup([
		{ address: '127.0.0.1', family: 4 },
		{ address: '::1', family: 6 }
	]);
	const ask = (options: { all?: boolean; family?: number }) =>
		new Promise<unknown[]>((resolve) =>
			lookup('ignored.example', options, (err, address, family) =>
				resolve([err?.code ?? null, address, family])
			)
		);

	it('answers only with the checked addresses, in both calling styles', async () => {
		expect(await ask({ all: true })).toEqual([
			null,
			[
				{ address: '127.0.0.1', family: 4 },
				{ address: '::1', family: 6 }
			],
			undefined
		]);
		expect(await ask({})).toEqual([null, '127.0.0.1', 4]);
		expect(await ask({ family: 6 })).toEqual([null, '::1', 6]);
		const none = pinnedLookup([{ address: '127.0.0.1', family: 4 }]);
		const err = await new Promise((resolve) => none('x', { family: 6 }, (e) => resolve(e?.code)));
		expect(err).toBe('ENOTFOUND');
	});
});
