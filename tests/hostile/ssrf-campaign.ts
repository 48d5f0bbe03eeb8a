import { fetchDocument, type FetchOptions, type FetchResult } from '../../etl/sources/fetch.ts';
import type { Resolver } from '../../etl/sources/host-guard.ts';
import { startHostileServer, startStalledServer, type HostileServer } from './server.ts';
import { spyOnSockets, type SocketSpy } from './socket-spy.ts';
import { fakeResolver, VECTORS, type Vector } from './ssrf-vectors.ts';

/**
 * The hostile-manifest campaign, in this process: every SSRF vector through fetchDocument with a
 * socket spy and a counting loopback server; redirect chains, loops and the redirect cap; body
 * caps (plain, endless, gzip bomb, empty deflate blocks); deadlines (slow headers, drip, stalled
 * TCP, slow DNS), each timed. Used by tests/hostile/ssrf.test.ts and bench/hostile.ts.
 */

export interface VectorResult {
	id: string;
	group: string;
	url: string;
	expected: string;
	code: string;
	/** What the refusal names (address_refused), else null. */
	address: string | null;
	message: string;
	/** connect() calls while the vector ran (a redirect vector's allowed first hop is one). */
	sockets: number;
	/** Sockets the vector was allowed: 1 for a redirect vector's first hop, else 0. */
	allowedSockets: number;
	/** Connections the loopback server accepted. */
	serverConnections: number;
	dnsQueries: string[];
	ms: number;
}

export interface Measured {
	name: string;
	code: string;
	message: string;
	ms: number;
	sockets: number;
	requests: string[];
	/** Body bytes the server managed to write before the client stopped it. */
	serverBytes?: number;
	/** Body bytes the client kept (successes only). */
	bytes?: number;
}

export interface SsrfReport {
	vectors: VectorResult[];
	redirects: Measured[];
	caps: Measured[];
	timeouts: Measured[];
	pinning: { dnsQueries: string[]; connectedTo: string[]; code: string };
	summary: {
		total: number;
		refused: number;
		asExpected: number;
		socketsForRefusedTargets: number;
		blockedOffLoopback: number;
	};
}

export const CAP_BYTES = 1024 * 1024;
export const DEADLINE_MS = 500;

const fill = (url: string, port: number) => url.replaceAll('{P}', String(port));

function describe(r: FetchResult): { code: string; message: string; bytes?: number } {
	return r.ok
		? { code: 'fetched', message: `${r.status} ${r.finalUrl}`, bytes: r.bytes.length }
		: { code: r.failure.code, message: r.failure.message };
}

/** "refused http://x/: 10.0.0.1 is a private address" → "10.0.0.1". */
const refusedAddress = (message: string) =>
	/^refused \S+: (\S+) is an? [a-z_]+ address$/.exec(message)?.[1] ?? null;

async function measure(
	name: string,
	url: string,
	options: FetchOptions,
	spy: SocketSpy,
	server: HostileServer
): Promise<Measured> {
	server.reset();
	const before = spy.count;
	const started = performance.now();
	const r = await fetchDocument(url, options);
	const ms = Math.round(performance.now() - started);
	const path = new URL(url).pathname;
	// Let the server see the client's hang-up before its byte count is read.
	await new Promise((resolve) => setTimeout(resolve, 20));
	return {
		name,
		...describe(r),
		ms,
		sockets: spy.count - before,
		requests: [...server.requests],
		...(server.written.has(path) ? { serverBytes: server.written.get(path) } : {})
	};
}

export async function runSsrfCampaign(): Promise<SsrfReport> {
	const server = await startHostileServer();
	const spy = spyOnSockets();
	try {
		const { port } = server;
		const vectors: VectorResult[] = [];
		for (const vector of VECTORS) vectors.push(await runVector(vector, server, spy));

		const asked: string[] = [];
		const pub = { resolver: fakeResolver(asked), allowHosts: ['public.example'] };
		const at = (path: string) => `http://public.example:${port}${path}`;
		const redirects = [
			await measure('5 redirects (the limit)', at('/chain/5?url=/ok'), pub, spy, server),
			await measure('6 redirects', at('/chain/6?url=/ok'), pub, spy, server),
			await measure('loop a ⇄ b', at('/loop/a'), pub, spy, server),
			await measure(
				'2 redirects, maxRedirects 1',
				at('/chain/2?url=/ok'),
				{ ...pub, maxRedirects: 1 },
				spy,
				server
			),
			await measure(
				'3 allowed hops, then 10.0.0.1',
				at(`/chain/3?url=${encodeURIComponent('http://10.0.0.1/')}`),
				pub,
				spy,
				server
			),
			await measure(
				'3 allowed hops, then a name resolving to 169.254.169.254',
				at(`/chain/3?url=${encodeURIComponent(`http://metadata.example:${port}/`)}`),
				pub,
				spy,
				server
			)
		];

		const capped = { ...pub, maxBytes: CAP_BYTES };
		const caps = [
			await measure('Content-Length 2 MiB', at('/big?bytes=2097152'), capped, spy, server),
			await measure(
				'Content-Length 1 MiB (at the cap)',
				at('/big?bytes=1048576'),
				capped,
				spy,
				server
			),
			await measure('endless body, no length', at('/endless'), capped, spy, server),
			await measure('gzip bomb (1 GiB of zeros)', at('/gzip-bomb'), capped, spy, server),
			await measure('gzip of empty deflate blocks', at('/gzip-padding'), capped, spy, server)
		];

		const timed = { ...pub, timeoutMs: DEADLINE_MS };
		const silent = await startStalledServer('silent');
		const partial = await startStalledServer('partial');
		const hangingDns: Resolver = (host) =>
			host === 'slow-dns.example' ? new Promise(() => {}) : fakeResolver([])(host);
		const timeouts = [
			await measure('slow headers (5 s)', at('/slow-headers?ms=5000'), timed, spy, server),
			await measure('no answer at all', at('/hang'), timed, spy, server),
			await measure('body drip, 1 byte / 50 ms', at('/drip'), timed, spy, server),
			await measure('gzip drip, empty block / 50 ms', at('/drip-gzip'), timed, spy, server),
			await measure(
				'TCP accepted, nothing said',
				`http://public.example:${silent.port}/`,
				timed,
				spy,
				server
			),
			await measure(
				'TCP accepted, half a status line',
				`http://public.example:${partial.port}/`,
				timed,
				spy,
				server
			),
			await measure(
				'DNS never answers',
				`http://slow-dns.example:${port}/`,
				{ ...timed, resolver: hangingDns },
				spy,
				server
			)
		];
		await silent.close();
		await partial.close();

		// Pinning: the second DNS answer (10.0.0.1) never reaches the socket.
		const pinAsked: string[] = [];
		let calls = 0;
		const rebinding: Resolver = async (host) => {
			pinAsked.push(host);
			return [{ address: calls++ === 0 ? '127.0.0.1' : '10.0.0.1', family: 4 }];
		};
		const before = spy.connected.length;
		server.reset();
		const pinned = await fetchDocument(`http://rebind.example:${port}/ok`, {
			resolver: rebinding,
			allowHosts: ['rebind.example']
		});
		const connectedTo = spy.connected.slice(before).map((a) => a.replace(/:\d+$/, ''));
		const pinning = { dnsQueries: pinAsked, connectedTo, code: describe(pinned).code };

		const refused = vectors.filter((r) => r.code !== 'fetched');
		return {
			vectors,
			redirects,
			caps,
			timeouts,
			pinning,
			summary: {
				total: vectors.length,
				refused: refused.length,
				asExpected: vectors.filter(
					(r) =>
						r.code === r.expected &&
						r.sockets === r.allowedSockets &&
						r.serverConnections === r.allowedSockets
				).length,
				socketsForRefusedTargets: refused.reduce((n, r) => n + r.sockets - r.allowedSockets, 0),
				blockedOffLoopback: spy.blocked.length
			}
		};
	} finally {
		spy.restore();
		await server.close();
	}
}

async function runVector(
	vector: Vector,
	server: HostileServer,
	spy: SocketSpy
): Promise<VectorResult> {
	const url = fill(vector.url, server.port);
	const dnsQueries: string[] = [];
	server.reset();
	const before = spy.count;
	const started = performance.now();
	const r = await fetchDocument(url, {
		resolver: fakeResolver(dnsQueries),
		allowHosts: ['public.example'],
		timeoutMs: 5000
	});
	const ms = Math.round((performance.now() - started) * 10) / 10;
	const { code, message } = describe(r);
	return {
		id: vector.id,
		group: vector.group,
		url,
		expected: vector.code,
		code,
		address: code === 'address_refused' ? refusedAddress(message) : null,
		message,
		sockets: spy.count - before,
		allowedSockets: vector.redirect ? 1 : 0,
		serverConnections: server.connections,
		dnsQueries,
		ms
	};
}
