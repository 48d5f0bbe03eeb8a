import { beforeAll, describe, expect, it } from 'vitest';
import { runSsrfCli, type SsrfCliReport } from './ssrf-cli.ts';
import { CAP_BYTES, DEADLINE_MS, runSsrfCampaign, type SsrfReport } from './ssrf-campaign.ts';
import { VECTORS } from './ssrf-vectors.ts';

/**
 * Campaign 4, hostile URL manifests (bench/hostile.ts prints the same figures): every vector is
 * refused with its code before any socket opens, redirects are checked per hop and capped, bodies
 * capped, deadlines kept. All traffic stays on 127.0.0.1.
 */

let report: SsrfReport;
beforeAll(async () => {
	report = await runSsrfCampaign();
}, 120_000);

describe('hostile URL vectors, one fetch each', () => {
	it(`refuses all ${VECTORS.length} vectors, each with its code and the address it names`, () => {
		expect(report.vectors.map((r) => [r.id, r.code, r.address])).toEqual(
			VECTORS.map((v) => [v.id, v.code, v.address ?? null])
		);
		expect(VECTORS.filter((v) => !v.redirect).length).toBeGreaterThanOrEqual(40);
		expect(report.summary).toMatchObject({
			total: VECTORS.length,
			refused: VECTORS.length,
			asExpected: VECTORS.length,
			socketsForRefusedTargets: 0,
			blockedOffLoopback: 0
		});
	});

	it('opens no socket for a refused target: the spy and the loopback server agree', () => {
		// A redirect vector's only socket is its allowed first hop, which answered the Location.
		expect(report.vectors.map((r) => [r.id, r.sockets, r.serverConnections])).toEqual(
			VECTORS.map((v) => [v.id, v.redirect ? 1 : 0, v.redirect ? 1 : 0])
		);
	});

	it('asks DNS only for names, once each, and never for a literal or a refused scheme', () => {
		expect(report.vectors.map((r) => [r.id, r.dnsQueries])).toEqual(
			VECTORS.map((v) => [
				v.id,
				[...(v.redirect ? ['public.example'] : []), ...(v.asks ? [v.asks] : [])]
			])
		);
	});
});

describe('redirects, caps and deadlines', () => {
	it('follows 5 redirects, refuses a 6th, a loop and a private hop after 3 allowed ones', () => {
		expect(report.redirects.map((m) => [m.name, m.code, m.requests.length, m.sockets])).toEqual([
			['5 redirects (the limit)', 'fetched', 6, 6],
			['6 redirects', 'too_many_redirects', 6, 6],
			['loop a ⇄ b', 'too_many_redirects', 6, 6],
			['2 redirects, maxRedirects 1', 'too_many_redirects', 2, 2],
			['3 allowed hops, then 10.0.0.1', 'address_refused', 3, 3],
			['3 allowed hops, then a name resolving to 169.254.169.254', 'address_refused', 3, 3]
		]);
	});

	it('caps bodies at 1 MiB: by length, while streaming, and after gunzip (bomb and padding)', () => {
		expect(report.caps.map((m) => [m.name, m.code, m.bytes ?? null])).toEqual([
			['Content-Length 2 MiB', 'too_large', null],
			['Content-Length 1 MiB (at the cap)', 'fetched', CAP_BYTES],
			['endless body, no length', 'too_large', null],
			['gzip bomb (1 GiB of zeros)', 'too_large', null],
			['gzip of empty deflate blocks', 'too_large', null]
		]);
		const sent = Object.fromEntries(report.caps.map((m) => [m.name, m.serverBytes ?? 0]));
		// The client hung up soon after the cap: the server could not push much more.
		expect(sent['endless body, no length']! < CAP_BYTES + 4 * 1024 * 1024).toBe(true);
		// 1 GiB inflates from about 1 MiB of gzip; the client stopped well before its end.
		expect(sent['gzip bomb (1 GiB of zeros)']! < 1024 * 1024).toBe(true);
	});

	it(`times out within ${DEADLINE_MS} ms (+ slack): slow headers, drips, stalled TCP, slow DNS`, () => {
		expect(report.timeouts.map((m) => [m.name, m.code])).toEqual([
			['slow headers (5 s)', 'timeout'],
			['no answer at all', 'timeout'],
			['body drip, 1 byte / 50 ms', 'timeout'],
			['gzip drip, empty block / 50 ms', 'timeout'],
			['TCP accepted, nothing said', 'timeout'],
			['TCP accepted, half a status line', 'timeout'],
			['DNS never answers', 'timeout']
		]);
		// 2 cores shared with other work: the slack is generous, the floor is exact.
		const late = report.timeouts.filter((m) => m.ms < DEADLINE_MS || m.ms > DEADLINE_MS + 1500);
		expect(late.map((m) => [m.name, m.ms])).toEqual([]);
	});

	it('connects to the address it checked, whatever DNS answers next (pinning)', () => {
		expect(report.pinning).toEqual({
			dnsQueries: ['rebind.example'],
			connectedTo: ['127.0.0.1'],
			code: 'fetched'
		});
	});
});

describe('the literal vectors as a manifest through the real etl ingest', () => {
	let cli: SsrfCliReport;
	beforeAll(async () => {
		cli = await runSsrfCli();
	}, 120_000);

	it('records one run_events row per manifest row, each with its code; the run completes', () => {
		expect(cli.exitCode).toBe(0);
		expect(cli.rows.map((r) => [r.line, r.id, r.code])).toEqual(
			cli.rows.map((r, i) => [i + 2, r.id, r.expected])
		);
		const literal = VECTORS.filter((v) => v.literal).length;
		expect([cli.rows.length, cli.summary]).toEqual([
			literal + 2,
			{ seen: 0, skipped: 1, failed: literal + 1 }
		]);
	});

	it('opens no TCP socket in any process of the CLI, and stores no password', () => {
		expect(cli.sockets.map((s) => s.count)).toEqual(cli.sockets.map(() => 0));
		expect([cli.sockets.length > 0, cli.listenerConnections, cli.passwordsStored]).toEqual([
			true,
			0,
			0
		]);
	});
});
