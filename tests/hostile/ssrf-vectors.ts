import type { ResolvedAddress, Resolver } from '../../etl/sources/host-guard.ts';

/**
 * The SSRF vectors of the hostile-manifest campaign: URLs a manifest (or a redirect) may name that
 * must never reach a socket. `{P}` is the port of the campaign's loopback server, so that a guard
 * that let a loopback spelling through would be caught connecting there; every other target is
 * caught by the socket spy (socket-spy.ts), which also blocks anything off loopback.
 *
 * `public.example` stands for a public host: the fake DNS answers 127.0.0.1 and the campaign
 * exempts it (`allowHosts`), so that a credentials, port or redirect vector is refused for that
 * reason alone, and would land on the loopback server if it were not.
 */

export type VectorGroup =
	| 'loopback'
	| 'unspecified'
	| 'private'
	| 'metadata'
	| 'cgnat'
	| 'reserved'
	| 'multicast'
	| 'broadcast'
	| 'ipv6'
	| 'dns'
	| 'scheme'
	| 'credentials'
	| 'port'
	| 'invalid'
	| 'redirect';

export interface Vector {
	id: string;
	group: VectorGroup;
	/** `{P}` = the loopback server's port. */
	url: string;
	/** The failure code expected (a source issue code). */
	code: string;
	/** The address (or name) the refusal names, for address_refused. */
	address?: string;
	/** Refused on the URL alone, without DNS: also fit for the CLI run (no real resolver asked). */
	literal: boolean;
	/** The first hop is public.example (allowed); the refusal is on the Location it answers. */
	redirect?: boolean;
	/** The name the refused target makes the resolver look up (as the URL parser writes it). */
	asks?: string;
}

/** The fake DNS of the campaign: never the system resolver. */
export const DNS: Record<string, readonly string[]> = {
	'public.example': ['127.0.0.1'],
	'loopback.example': ['127.0.0.1'],
	'private.example': ['10.0.0.5'],
	'metadata.example': ['169.254.169.254'],
	// One public and one private answer: every address is checked, not the first.
	'mixed.example': ['93.184.215.14', '10.0.0.5'],
	'mixed6.example': ['2606:2800:21f:cb07:6820:80da:af6b:8b2c', '::1'],
	'mapped.example': ['::ffff:127.0.0.1'],
	'ula.example': ['fd00::1'],
	'cgnat.example': ['100.64.0.1'],
	'localhost.example': ['127.0.0.1'],
	// "аррӏе.example" in Cyrillic, as the URL parser writes it.
	'xn--80ak6aa92e.example': ['192.168.0.10'],
	'junk.example': ['not-an-address'],
	'empty.example': []
};

export function fakeResolver(asked: string[]): Resolver {
	return async (host) => {
		asked.push(host);
		const found = DNS[host];
		if (!found) throw new Error(`getaddrinfo ENOTFOUND ${host}`);
		return found.map((address): ResolvedAddress => ({
			address,
			family: address.includes(':') ? 6 : 4
		}));
	};
}

const v = (
	id: string,
	group: VectorGroup,
	url: string,
	code: string,
	address?: string
): Vector => ({ id, group, url, code, ...(address ? { address } : {}), literal: true });
const refused = (id: string, group: VectorGroup, url: string, address: string) =>
	v(id, group, url, 'address_refused', address);
const dns = (id: string, host: string, code: string, address?: string): Vector => ({
	...v(id, 'dns', `http://${host}:{P}/plan.txt`, code, address),
	literal: false,
	asks: new URL(`http://${host}/`).hostname
});
const via = (id: string, target: string, code: string, address?: string): Vector => {
	const query = encodeURIComponent(target).replaceAll('%7BP%7D', '{P}');
	const parsed = target.replaceAll('{P}', '1');
	const host = URL.canParse(parsed, 'http://x') ? new URL(parsed, 'http://x').hostname : '';
	return {
		...v(id, 'redirect', `http://public.example:{P}/to?url=${query}`, code, address),
		literal: false,
		redirect: true,
		...(code === 'address_refused' && host in DNS ? { asks: host } : {})
	};
};

export const VECTORS: readonly Vector[] = [
	// 127.0.0.1 in every spelling the URL parser (and inet_aton) accepts.
	refused('dotted', 'loopback', 'http://127.0.0.1:{P}/', '127.0.0.1'),
	refused('short-127.1', 'loopback', 'http://127.1:{P}/', '127.0.0.1'),
	refused('short-127.0.1', 'loopback', 'http://127.0.1:{P}/', '127.0.0.1'),
	refused('decimal', 'loopback', 'http://2130706433:{P}/', '127.0.0.1'),
	refused('octal-dotted', 'loopback', 'http://0177.0.0.1:{P}/', '127.0.0.1'),
	refused('octal-whole', 'loopback', 'http://017700000001:{P}/', '127.0.0.1'),
	refused('hex-short', 'loopback', 'http://0x7f.1:{P}/', '127.0.0.1'),
	refused('hex-whole', 'loopback', 'http://0x7f000001:{P}/', '127.0.0.1'),
	refused('hex-dotted', 'loopback', 'http://0x7f.0.0.1:{P}/', '127.0.0.1'),
	refused('mixed-octal-hex', 'loopback', 'http://0177.0x0.1:{P}/', '127.0.0.1'),
	refused('zero-padded', 'loopback', 'http://127.000.000.001:{P}/', '127.0.0.1'),
	refused('other-127/8', 'loopback', 'http://127.255.255.254:{P}/', '127.255.255.254'),
	refused('trailing-dot', 'loopback', 'http://127.0.0.1.:{P}/', '127.0.0.1'),
	refused('percent-encoded', 'loopback', 'http://%31%32%37.0.0.1:{P}/', '127.0.0.1'),
	refused('fullwidth-digits', 'loopback', 'http://１２７.０.０.１:{P}/', '127.0.0.1'),
	refused('ideographic-dots', 'loopback', 'http://127。0。0。1:{P}/', '127.0.0.1'),
	refused('localhost', 'loopback', 'http://localhost:{P}/', 'localhost'),
	refused('localhost-upper-dot', 'loopback', 'http://LOCALHOST.:{P}/', 'localhost'),
	refused('localhost-two-dots', 'loopback', 'http://localhost..:{P}/', 'localhost'),
	refused('sub.localhost', 'loopback', 'http://plans.localhost:{P}/', 'plans.localhost'),
	refused('localhost-percent', 'loopback', 'http://loca%6Chost:{P}/', 'localhost'),
	refused('localhost-circled-idn', 'loopback', 'http://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ:{P}/', 'localhost'),
	refused('localhost-zero-width', 'loopback', 'http://local%E2%80%8Bhost:{P}/', 'localhost'),
	// IPv6 loopback and IPv6 forms that carry an IPv4 address.
	refused('v6-loopback', 'ipv6', 'http://[::1]:{P}/', '::1'),
	refused('v6-loopback-long', 'ipv6', 'http://[0:0:0:0:0:0:0:1]:{P}/', '::1'),
	refused('v4-mapped', 'ipv6', 'http://[::ffff:127.0.0.1]:{P}/', '::ffff:127.0.0.1'),
	refused('v4-mapped-hex', 'ipv6', 'http://[::ffff:7f00:1]:{P}/', '::ffff:127.0.0.1'),
	refused('v4-mapped-long', 'ipv6', 'http://[0:0:0:0:0:ffff:127.0.0.1]:{P}/', '::ffff:127.0.0.1'),
	refused('v4-compatible', 'ipv6', 'http://[::127.0.0.1]:{P}/', '::7f00:1'),
	refused('nat64', 'ipv6', 'http://[64:ff9b::127.0.0.1]:{P}/', '64:ff9b::7f00:1'),
	refused('6to4', 'ipv6', 'http://[2002:7f00:1::]:{P}/', '2002:7f00:1::'),
	refused('v6-unspecified', 'ipv6', 'http://[::]:{P}/', '::'),
	refused('v6-ula-fc00', 'ipv6', 'http://[fc00::1]:{P}/', 'fc00::1'),
	refused('v6-ula-fd', 'ipv6', 'http://[fd12:3456:789a::1]:{P}/', 'fd12:3456:789a::1'),
	refused('v6-link-local', 'ipv6', 'http://[fe80::1]:{P}/', 'fe80::1'),
	refused('v6-multicast', 'ipv6', 'http://[ff02::1]:{P}/', 'ff02::1'),
	refused('v6-site-local', 'ipv6', 'http://[fec0::1]:{P}/', 'fec0::1'),
	// Unspecified: Linux connects 0.0.0.0 to this host.
	refused('zero', 'unspecified', 'http://0:{P}/', '0.0.0.0'),
	refused('zeros', 'unspecified', 'http://0.0.0.0:{P}/', '0.0.0.0'),
	refused('zero-net', 'unspecified', 'http://0.1.2.3:{P}/', '0.1.2.3'),
	// RFC 1918 private networks.
	refused('10/8', 'private', 'http://10.0.0.1:{P}/', '10.0.0.1'),
	refused('10/8-octal-short', 'private', 'http://012.1:{P}/', '10.0.0.1'),
	refused('172.16/12-low', 'private', 'http://172.16.0.1:{P}/', '172.16.0.1'),
	refused('172.16/12-high', 'private', 'http://172.31.255.254:{P}/', '172.31.255.254'),
	refused('192.168/16', 'private', 'http://192.168.1.1:{P}/', '192.168.1.1'),
	refused('192.168/16-decimal', 'private', 'http://3232235777:{P}/', '192.168.1.1'),
	// Cloud metadata, in four spellings (AWS/GCP/Azure v4, AWS v6).
	refused('metadata', 'metadata', 'http://169.254.169.254/latest/meta-data/', '169.254.169.254'),
	refused('metadata-hex', 'metadata', 'http://0xa9fea9fe/latest/meta-data/', '169.254.169.254'),
	refused('metadata-decimal', 'metadata', 'http://2852039166/', '169.254.169.254'),
	refused(
		'metadata-v4-mapped',
		'metadata',
		'http://[::ffff:a9fe:a9fe]/latest/',
		'::ffff:169.254.169.254'
	),
	refused('metadata-aws-v6', 'metadata', 'http://[fd00:ec2::254]/latest/', 'fd00:ec2::254'),
	// Shared address space, benchmarking, IETF, documentation, class E.
	refused('cgnat-low', 'cgnat', 'http://100.64.0.1:{P}/', '100.64.0.1'),
	refused('cgnat-high', 'cgnat', 'http://100.127.255.254:{P}/', '100.127.255.254'),
	refused('benchmark-198.18', 'reserved', 'http://198.18.0.1:{P}/', '198.18.0.1'),
	refused('benchmark-198.19', 'reserved', 'http://198.19.255.255:{P}/', '198.19.255.255'),
	refused('ietf-192.0.0', 'reserved', 'http://192.0.0.8:{P}/', '192.0.0.8'),
	refused('documentation', 'reserved', 'http://192.0.2.1:{P}/', '192.0.2.1'),
	refused('class-e', 'reserved', 'http://240.0.0.1:{P}/', '240.0.0.1'),
	refused('multicast', 'multicast', 'http://224.0.0.1:{P}/', '224.0.0.1'),
	refused('multicast-ssdp', 'multicast', 'http://239.255.255.250:1900/', '239.255.255.250'),
	refused('broadcast', 'broadcast', 'http://255.255.255.255:{P}/', '255.255.255.255'),
	// Names whose DNS answers are private: every answer is checked, before any connection.
	dns('dns-loopback', 'loopback.example', 'address_refused', '127.0.0.1'),
	dns('dns-private', 'private.example', 'address_refused', '10.0.0.5'),
	dns('dns-metadata', 'metadata.example', 'address_refused', '169.254.169.254'),
	dns('dns-public+private', 'mixed.example', 'address_refused', '10.0.0.5'),
	dns('dns-public6+loopback6', 'mixed6.example', 'address_refused', '::1'),
	dns('dns-v4-mapped', 'mapped.example', 'address_refused', '::ffff:127.0.0.1'),
	dns('dns-ula', 'ula.example', 'address_refused', 'fd00::1'),
	dns('dns-cgnat', 'cgnat.example', 'address_refused', '100.64.0.1'),
	dns('dns-localhost-lookalike', 'localhost.example', 'address_refused', '127.0.0.1'),
	dns('dns-idn-lookalike', 'аррӏе.example', 'address_refused', '192.168.0.10'),
	dns('dns-junk-answer', 'junk.example', 'address_refused', 'not-an-address'),
	dns('dns-no-answer', 'empty.example', 'connection_failed'),
	dns('dns-nxdomain', 'nxdomain.example', 'connection_failed'),
	// Not http(s): refused before anything else.
	v('file', 'scheme', 'file:///etc/passwd', 'scheme_refused'),
	v('file-host', 'scheme', 'file://127.0.0.1/etc/passwd', 'scheme_refused'),
	v('ftp', 'scheme', 'ftp://127.0.0.1:{P}/plan.txt', 'scheme_refused'),
	v('gopher', 'scheme', 'gopher://127.0.0.1:{P}/_GET%20/', 'scheme_refused'),
	v('dict', 'scheme', 'dict://127.0.0.1:{P}/info', 'scheme_refused'),
	v('data', 'scheme', 'data:text/plain,แผน', 'scheme_refused'),
	v('javascript', 'scheme', 'javascript:fetch("http://127.0.0.1/")', 'scheme_refused'),
	v('ws', 'scheme', 'ws://127.0.0.1:{P}/', 'scheme_refused'),
	v('wss', 'scheme', 'wss://public.example:{P}/', 'scheme_refused'),
	// Credentials: refused (and recorded without the password) even on an allowed host.
	v('userinfo', 'credentials', 'http://sujarit:hunter2@public.example:{P}/', 'credentials_refused'),
	v(
		'userinfo-host-trick',
		'credentials',
		'http://public.example@127.0.0.1:{P}/',
		'credentials_refused'
	),
	v('password-only', 'credentials', 'http://:hunter2@public.example:{P}/', 'credentials_refused'),
	// The Fetch standard's bad ports, on an allowed host.
	v('port-smtp', 'port', 'http://public.example:25/', 'port_refused'),
	v('port-ssh', 'port', 'http://public.example:22/', 'port_refused'),
	v('port-irc', 'port', 'https://public.example:6667/', 'port_refused'),
	v('port-zero', 'port', 'http://public.example:0/', 'port_refused'),
	v('port-amanda', 'port', 'http://public.example:10080/', 'port_refused'),
	// Not URLs at all.
	v('v6-zone-id', 'invalid', 'http://[fe80::1%25eth0]:{P}/', 'invalid_url'),
	v('port-out-of-range', 'invalid', 'http://127.0.0.1:99999/', 'invalid_url'),
	v('nul-in-host', 'invalid', 'http://localhost%00:{P}/', 'invalid_url'),
	v('ideographic-space', 'invalid', 'http://\u3000127.0.0.1:{P}/', 'invalid_url'),
	// One allowed hop, then a Location into a refused target: each hop is checked again.
	via('redirect-private', 'http://10.0.0.1/', 'address_refused', '10.0.0.1'),
	via('redirect-metadata', 'http://169.254.169.254/latest/', 'address_refused', '169.254.169.254'),
	via('redirect-loopback-decimal', 'http://2130706433:{P}/', 'address_refused', '127.0.0.1'),
	via('redirect-v6-loopback', 'http://[::1]:{P}/', 'address_refused', '::1'),
	via(
		'redirect-protocol-relative',
		'//[::ffff:7f00:1]:{P}/',
		'address_refused',
		'::ffff:127.0.0.1'
	),
	via('redirect-localhost', 'http://localhost:{P}/', 'address_refused', 'localhost'),
	via('redirect-dns-private', 'http://private.example:{P}/', 'address_refused', '10.0.0.5'),
	via('redirect-dns-mixed', 'http://mixed.example:{P}/', 'address_refused', '10.0.0.5'),
	via('redirect-file', 'file:///etc/passwd', 'scheme_refused'),
	via('redirect-gopher', 'gopher://127.0.0.1:{P}/_', 'scheme_refused'),
	via('redirect-credentials', 'http://u:hunter2@public.example:{P}/ok', 'credentials_refused'),
	via('redirect-bad-port', 'http://public.example:25/', 'port_refused')
];
