import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchDocument, USER_AGENT, type FetchResult } from '../../etl/sources/fetch.ts';
import type { Resolver } from '../../etl/sources/host-guard.ts';
import { closedPort, PLAN_TEXT, startServer, type TestServer } from './sources.server.ts';

let server: TestServer;
let base: string;
let port: number;

beforeAll(async () => {
	server = await startServer();
	({ base, port } = server);
});
afterAll(() => server.close());

const local = { allowPrivate: true } as const;
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

/** [code, retryable, message] of a failure, or the body text of a success. */
function outcome(r: FetchResult): [string, boolean, string] | string {
	return r.ok ? decode(r.bytes) : [r.failure.code, r.failure.retryable, r.failure.message];
}

/** Names the fake DNS knows; the real resolver is never asked about them. */
function fakeResolver(asked: string[] = []): Resolver {
	const table: Record<string, string> = {
		'plans.example': '127.0.0.1',
		'loopback.example': '127.0.0.1'
	};
	return async (host) => {
		asked.push(host);
		const address = table[host];
		if (!address) throw new Error(`getaddrinfo ENOTFOUND ${host}`);
		return [{ address, family: 4 }];
	};
}

describe('fetchDocument against a local server (allowPrivate)', () => {
	it('fetches a body with the Sujarit User-Agent, asking for gzip', async () => {
		const before = server.requests.length;
		const r = await fetchDocument(`${base}/ok`, local);
		expect(r).toEqual({
			ok: true,
			url: `${base}/ok`,
			finalUrl: `${base}/ok`,
			status: 200,
			contentType: 'text/plain; charset=utf-8',
			bytes: new TextEncoder().encode(PLAN_TEXT),
			redirects: []
		});
		const seen = server.requests
			.slice(before)
			.map((q) => [q.path, q.headers['user-agent'], q.headers['accept-encoding']]);
		expect(seen).toEqual([['/ok', 'Sujarit-ETL/0.1 (+https://github.com/sujarit)', 'gzip']]);
		expect(USER_AGENT).toBe('Sujarit-ETL/0.1 (+https://github.com/sujarit)');
	});

	it('follows a chain of 3 redirects, and of 5 (the default limit)', async () => {
		const three = await fetchDocument(`${base}/r/3`, local);
		expect(three.ok && [three.finalUrl, three.redirects, decode(three.bytes)]).toEqual([
			`${base}/r/0`,
			[`${base}/r/2`, `${base}/r/1`, `${base}/r/0`],
			PLAN_TEXT
		]);
		const five = await fetchDocument(`${base}/r/5`, local);
		expect(five.ok && five.redirects.length).toBe(5);
	});

	it('refuses a sixth redirect', async () => {
		const before = server.requests.length;
		const r = await fetchDocument(`${base}/r/6`, local);
		expect(r).toEqual({
			ok: false,
			failure: {
				type: 'failed',
				origin: `${base}/r/6`,
				code: 'too_many_redirects',
				message: `${base}/r/6 redirected more than 5 times`,
				messageTh: `${base}/r/6 เปลี่ยนเส้นทางเกิน 5 ครั้ง`,
				retryable: false
			}
		});
		// The sixth Location is never requested.
		expect(server.requests.slice(before).map((q) => q.path)).toEqual([
			'/r/6',
			'/r/5',
			'/r/4',
			'/r/3',
			'/r/2',
			'/r/1'
		]);
		const two = await fetchDocument(`${base}/r/3`, { ...local, maxRedirects: 2 });
		expect(outcome(two)).toEqual([
			'too_many_redirects',
			false,
			`${base}/r/3 redirected more than 2 times`
		]);
	});

	it('refuses a redirect to file: and to ftp:', async () => {
		const toFile = `${base}/to?url=${encodeURIComponent('file:///etc/passwd')}`;
		const toFtp = `${base}/to?url=${encodeURIComponent('ftp://127.0.0.1/plan.txt')}`;
		expect([
			outcome(await fetchDocument(toFile, local)),
			outcome(await fetchDocument(toFtp, local))
		]).toEqual([
			[
				'scheme_refused',
				false,
				`refused the redirect from ${toFile} to file:///etc/passwd: only http and https are fetched`
			],
			[
				'scheme_refused',
				false,
				`refused the redirect from ${toFtp} to ftp://127.0.0.1/plan.txt: only http and https are fetched`
			]
		]);
	});

	it('times out a body that never ends, and a server that never answers', async () => {
		const started = Date.now();
		const slow = await fetchDocument(`${base}/slow`, { ...local, timeoutMs: 300 });
		const hang = await fetchDocument(`${base}/hang`, { ...local, timeoutMs: 300 });
		const elapsed = Date.now() - started;
		expect([outcome(slow), outcome(hang)]).toEqual([
			['timeout', true, `no complete answer from ${base}/slow within 300 ms`],
			['timeout', true, `no complete answer from ${base}/hang within 300 ms`]
		]);
		expect(elapsed >= 600 && elapsed < 3000).toBe(true);
	});

	it('refuses an oversize body: by Content-Length, and mid-stream on an endless body', async () => {
		const big = await fetchDocument(`${base}/big`, { ...local, maxBytes: 1024 });
		expect(outcome(big)).toEqual([
			'too_large',
			false,
			`the body from ${base}/big exceeds the 1 KiB cap`
		]);
		const endless = await fetchDocument(`${base}/stream`, { ...local, maxBytes: 1024 });
		expect(outcome(endless)).toEqual([
			'too_large',
			false,
			`the body from ${base}/stream exceeds the 1 KiB cap`
		]);
		// The client hung up while the server was still writing: the stream was aborted.
		await server.whenClosedEarly('/stream');
		expect(server.closedEarly.filter((p) => p === '/stream')).toEqual(['/stream']);
		const exact = await fetchDocument(`${base}/big`, { ...local, maxBytes: 2048 });
		expect(exact.ok && exact.bytes.length).toBe(2048);
	});

	it('marks 5xx, 408 and 429 retryable and other 4xx not', async () => {
		const codes = [404, 403, 503, 500, 429];
		const results = await Promise.all(
			codes.map((c) => fetchDocument(`${base}/status/${c}`, local))
		);
		expect(results.map(outcome)).toEqual([
			['http_status', false, `${base}/status/404 answered HTTP 404`],
			['http_status', false, `${base}/status/403 answered HTTP 403`],
			['http_status', true, `${base}/status/503 answered HTTP 503`],
			['http_status', true, `${base}/status/500 answered HTTP 500`],
			['http_status', true, `${base}/status/429 answered HTTP 429`]
		]);
	});

	it('inflates gzip, and caps what it inflates', async () => {
		expect(outcome(await fetchDocument(`${base}/gzip`, local))).toBe(PLAN_TEXT);
		const bomb = await fetchDocument(`${base}/gzip-bomb`, { ...local, maxBytes: 1024 });
		expect(outcome(bomb)).toEqual([
			'too_large',
			false,
			`the body from ${base}/gzip-bomb exceeds the 1 KiB cap`
		]);
	});

	it('caps the compressed bytes too (a body of empty deflate blocks)', async () => {
		const uncapped = await fetchDocument(`${base}/gzip-padding`, local);
		const capped = await fetchDocument(`${base}/gzip-padding`, { ...local, maxBytes: 1024 });
		expect([uncapped.ok && uncapped.bytes.length, outcome(capped)]).toEqual([
			0,
			['too_large', false, `the body from ${base}/gzip-padding exceeds the 1 KiB cap`]
		]);
	});

	it('reports bodies it cannot decode', async () => {
		const bad = await fetchDocument(`${base}/bad-gzip`, local);
		const br = await fetchDocument(`${base}/brotli`, local);
		expect([outcome(bad), outcome(br)]).toEqual([
			[
				'decode_failed',
				false,
				`cannot decode the body from ${base}/bad-gzip: Z_DATA_ERROR incorrect header check`
			],
			['decode_failed', false, `cannot decode the body from ${base}/brotli: content-encoding br`]
		]);
	});

	it('reports refused and cut connections as retryable', async () => {
		const dead = await closedPort();
		const refused = await fetchDocument(`http://127.0.0.1:${dead}/ok`, local);
		const cut = await fetchDocument(`${base}/cut`, local);
		expect([outcome(refused), outcome(cut)]).toEqual([
			[
				'connection_failed',
				true,
				`cannot connect to http://127.0.0.1:${dead}/ok: ECONNREFUSED connect ECONNREFUSED 127.0.0.1:${dead}`
			],
			[
				'connection_failed',
				true,
				`the connection to ${base}/cut broke off mid-body: ECONNRESET aborted`
			]
		]);
	});

	it('connects to the address it checked: DNS is asked once and the socket is pinned', async () => {
		const asked: string[] = [];
		const before = server.requests.length;
		const r = await fetchDocument(`http://plans.example:${port}/r/1`, {
			...local,
			resolver: fakeResolver(asked)
		});
		expect(outcome(r)).toBe(PLAN_TEXT);
		// One lookup per hop, through the injected resolver only (the system resolver does not
		// know plans.example, so the connection can only have used the pinned answer).
		expect(asked).toEqual(['plans.example', 'plans.example']);
		expect(server.requests.slice(before).map((q) => [q.path, q.host])).toEqual([
			['/r/1', `plans.example:${port}`],
			['/r/0', `plans.example:${port}`]
		]);
	});
});

describe('fetchDocument without allowPrivate', () => {
	beforeEach(() => {
		server.connections = 0;
		server.requests.length = 0;
	});

	it('refuses every spelling of the local server before connecting', async () => {
		const hostile: Array<[string, string]> = [
			[`http://127.0.0.1:${port}/ok`, '127.0.0.1'],
			[`http://127.1:${port}/ok`, '127.0.0.1'],
			[`http://2130706433:${port}/ok`, '127.0.0.1'],
			[`http://0x7f000001:${port}/ok`, '127.0.0.1'],
			[`http://0177.0.0.1:${port}/ok`, '127.0.0.1'],
			[`http://0x7f.1:${port}/ok`, '127.0.0.1'],
			[`http://0:${port}/ok`, '0.0.0.0'],
			[`http://[::ffff:127.0.0.1]:${port}/ok`, '::ffff:127.0.0.1'],
			[`http://[::ffff:7f00:1]:${port}/ok`, '::ffff:127.0.0.1'],
			[`http://localhost:${port}/ok`, 'localhost'],
			[`http://LOCALHOST.:${port}/ok`, 'localhost'],
			[`https://127.0.0.1:${port}/ok`, '127.0.0.1'],
			[`http://loopback.example:${port}/ok`, '127.0.0.1']
		];
		const results = await Promise.all(
			hostile.map(([url]) => fetchDocument(url, { resolver: fakeResolver() }))
		);
		expect(results.map((r) => (r.ok ? 'fetched' : [r.failure.code, r.failure.retryable]))).toEqual(
			hostile.map(() => ['address_refused', false])
		);
		expect(results.map((r) => (r.ok ? '' : r.failure.message))).toEqual(
			hostile.map(([url, address]) => {
				const range = address === '0.0.0.0' ? 'unspecified' : 'loopback';
				return `refused ${new URL(url).href}: ${address} is a ${range} address`;
			})
		);
		expect([server.connections, server.requests.length]).toEqual([0, 0]);
	});

	it('re-checks every redirect hop (the first host exempted by allowHosts)', async () => {
		const asked: string[] = [];
		const hops = ['http://loopback.example', 'http://localhost', 'http://[::ffff:7f00:1]'];
		const results = await Promise.all(
			hops.map((h) =>
				fetchDocument(`${base}/to?url=${encodeURIComponent(`${h}:${port}/ok`)}`, {
					allowHosts: ['127.0.0.1'],
					resolver: fakeResolver(asked)
				})
			)
		);
		expect(results.map((r) => (r.ok ? 'fetched' : r.failure.message))).toEqual([
			`refused http://loopback.example:${port}/ok: 127.0.0.1 is a loopback address`,
			`refused http://localhost:${port}/ok: localhost is a loopback address`,
			`refused http://[::ffff:7f00:1]:${port}/ok: ::ffff:127.0.0.1 is a loopback address`
		]);
		expect(asked).toEqual(['loopback.example']);
		// Only the three first hops reached the server; no refused hop did.
		expect(server.requests.map((q) => q.path.split('?')[0])).toEqual(['/to', '/to', '/to']);
	});

	it('refuses schemes other than http and https before anything else', async () => {
		const urls = [
			'file:///etc/passwd',
			`ftp://127.0.0.1:${port}/plan.txt`,
			'data:text/plain,แผน',
			`gopher://127.0.0.1:${port}/`,
			'javascript:alert(1)',
			`ws://127.0.0.1:${port}/`
		];
		const results = await Promise.all(urls.map((u) => fetchDocument(u, local)));
		expect(results.map(outcome)).toEqual(
			urls.map((u) => [
				'scheme_refused',
				false,
				`refused ${new URL(u).href}: only http and https are fetched`
			])
		);
		expect(outcome(await fetchDocument('not a url', local))).toEqual([
			'invalid_url',
			false,
			'not a URL: not a url'
		]);
		expect([server.connections, server.requests.length]).toEqual([0, 0]);
	});
	it("refuses credentials and the Fetch standard's bad ports before DNS or any socket", async () => {
		const asked: string[] = [];
		const options = { resolver: fakeResolver(asked), allowHosts: ['plans.example'] };
		const urls = [
			`http://user:secret@plans.example:${port}/ok`,
			`http://plans.example@127.0.0.1:${port}/ok`,
			`http://:secret@plans.example:${port}/ok`,
			'http://plans.example:25/ok',
			'https://plans.example:6667/ok',
			'http://plans.example:0/ok'
		];
		const results = [];
		for (const u of urls) results.push(outcome(await fetchDocument(u, options)));
		expect(results).toEqual([
			[
				'credentials_refused',
				false,
				`refused http://user:***@plans.example:${port}/ok: a URL with a user name or password is not fetched`
			],
			[
				'credentials_refused',
				false,
				`refused http://plans.example@127.0.0.1:${port}/ok: a URL with a user name or password is not fetched`
			],
			[
				'credentials_refused',
				false,
				`refused http://:***@plans.example:${port}/ok: a URL with a user name or password is not fetched`
			],
			[
				'port_refused',
				false,
				'refused http://plans.example:25/ok: port 25 belongs to another protocol'
			],
			[
				'port_refused',
				false,
				'refused https://plans.example:6667/ok: port 6667 belongs to another protocol'
			],
			[
				'port_refused',
				false,
				'refused http://plans.example:0/ok: port 0 belongs to another protocol'
			]
		]);
		// The password is in no field of the failure: origin, English and Thai message.
		const first = await fetchDocument(urls[0]!, options);
		expect(first.ok ? 'fetched' : JSON.stringify(first.failure).includes('secret')).toBe(false);
		expect([asked, server.connections, server.requests.length]).toEqual([[], 0, 0]);
	});

	it('refuses a redirect that carries credentials or a bad port', async () => {
		const to = (u: string) => `${base}/to?url=${encodeURIComponent(u)}`;
		const creds = await fetchDocument(to(`http://u:pw@127.0.0.1:${port}/ok`), {
			allowHosts: ['127.0.0.1']
		});
		const smtp = await fetchDocument(to('http://127.0.0.1:25/'), { allowHosts: ['127.0.0.1'] });
		expect([outcome(creds), outcome(smtp)]).toEqual([
			[
				'credentials_refused',
				false,
				`refused http://u:***@127.0.0.1:${port}/ok: a URL with a user name or password is not fetched`
			],
			['port_refused', false, 'refused http://127.0.0.1:25/: port 25 belongs to another protocol']
		]);
		expect(server.requests.map((q) => q.path.split('?')[0])).toEqual(['/to', '/to']);
	});
});
