import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { classifyAddress, type AddressRange } from './address.ts';

/**
 * The address check the fetcher runs before every connection (each redirect hop included): the
 * host is resolved once, EVERY address is classified, and the connection is then pinned to the
 * checked addresses through http.request's `lookup` option, so a second DNS answer (rebinding)
 * never reaches the socket.
 */

export interface ResolvedAddress {
	address: string;
	family: 4 | 6;
}

/** Resolves a host name to all its addresses; tests inject a fake one. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) => {
	const found = await dnsLookup(hostname, { all: true, order: 'verbatim' });
	return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

export type HostCheck =
	| { ok: true; addresses: ResolvedAddress[] }
	| { ok: false; reason: 'address_refused'; address: string; range: AddressRange | 'invalid' }
	| { ok: false; reason: 'dns_failed'; detail: string };

export interface HostCheckOptions {
	resolver?: Resolver;
	/** Lifts the address check (a local mirror, the tests' local server). */
	allowPrivate?: boolean;
}

/**
 * `[::1]` → `::1`, `Plans.Example.` → `plans.example`. Every trailing dot goes: the URL parser
 * keeps `localhost..`, which must be refused as localhost without asking DNS.
 */
export function normaliseHost(hostname: string): string {
	const h = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
	// A loop, not /\.+$/: that regex is quadratic on a long run of dots followed by anything
	// else (each start position scans the run again), as the regex campaign found.
	let end = h.length;
	while (end > 0 && h.charCodeAt(end - 1) === 0x2e) end--;
	return h.slice(0, end).toLowerCase();
}

export async function checkHost(
	hostname: string,
	options: HostCheckOptions = {}
): Promise<HostCheck> {
	const host = normaliseHost(hostname);
	const allow = options.allowPrivate === true;
	const literal = classifyAddress(host);
	if (literal) {
		if (!allow && literal.range !== 'public') {
			return {
				ok: false,
				reason: 'address_refused',
				address: literal.address,
				range: literal.range
			};
		}
		return { ok: true, addresses: [{ address: literal.address, family: literal.family }] };
	}
	// RFC 6761: localhost names are loopback whatever a resolver says; refuse without asking.
	if (!allow && (host === 'localhost' || host.endsWith('.localhost'))) {
		return { ok: false, reason: 'address_refused', address: host, range: 'loopback' };
	}
	let found: ResolvedAddress[];
	try {
		found = await (options.resolver ?? systemResolver)(host);
	} catch (e) {
		return { ok: false, reason: 'dns_failed', detail: (e as Error).message };
	}
	if (found.length === 0) return { ok: false, reason: 'dns_failed', detail: 'no address' };
	const addresses: ResolvedAddress[] = [];
	for (const a of found) {
		const c = classifyAddress(a.address);
		if (!c) return { ok: false, reason: 'address_refused', address: a.address, range: 'invalid' };
		if (!allow && c.range !== 'public') {
			return { ok: false, reason: 'address_refused', address: c.address, range: c.range };
		}
		addresses.push({ address: c.address, family: c.family });
	}
	return { ok: true, addresses };
}

/**
 * A `lookup` for http.request that answers only with addresses already checked. Node 20 asks
 * with `all: true` when it races IPv4 and IPv6 (autoSelectFamily), and without it otherwise.
 */
export function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
	return (_hostname, options, callback) => {
		const f = options.family;
		const family = f === 4 || f === 'IPv4' ? 4 : f === 6 || f === 'IPv6' ? 6 : 0;
		const list = family === 0 ? addresses : addresses.filter((a) => a.family === family);
		const first = list[0];
		if (!first) {
			const err: NodeJS.ErrnoException = new Error(`no checked IPv${family} address`);
			err.code = 'ENOTFOUND';
			callback(err, '', 0);
		} else if (options.all) {
			callback(
				null,
				list.map((a) => ({ address: a.address, family: a.family }))
			);
		} else {
			callback(null, first.address, first.family);
		}
	};
}
