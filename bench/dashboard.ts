/**
 * Dashboard benchmark (issue #4), on the built app (`npx vite build` first) and the database in
 * DATABASE_URL — meant for the national demo (7,850 LAOs × 5 fiscal years):
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sujarit_bench \
 *     npx tsx etl/cli.ts demo --laos 7850 --years 2564-2568 --seed 7   # once, ~30–60 min
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sujarit_bench npm run bench:dashboard
 * Without DATABASE_URL it runs on whatever the embedded database holds (figures then say little).
 *
 * Measures, printing a table and writing bench/results/dashboard.json:
 *  1. extract sizes, brotli as served (national; the largest province, scoped through the same
 *     buildExtract the endpoint uses) and their row counts;
 *  2. /overview cold at 10 Mbit/s, 40 ms RTT (Chrome DevTools Protocol network emulation, cache
 *     off): largest contentful paint, and the JavaScript transferred before it (DuckDB excluded);
 *  3. /dev/duckdb unthrottled: DuckDB-WASM instantiate, extracts fetched + loaded, and query
 *     round trips (p50/p95/max) over seeded filter sets for each SQL builder.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { tableToIPC } from 'apache-arrow';
import { chromium } from 'playwright-core';
import { openDb } from '../db/client.ts';
import { buildExtract, EXTRACT_NAMES } from '../src/lib/server/extracts/build.ts';
import type { Scope } from '../src/lib/server/extracts/scope.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const PROVINCE = process.env.BENCH_PROVINCE ?? '30'; // นครราชสีมา: the most LAOs (about 330)
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const TARGETS = {
	lcpMs: 1200,
	jsBeforeChartBrBytes: 150 * 1024,
	nationalBrBytes: 8 * 1024 * 1024,
	factsBrBytes: 4 * 1024 * 1024,
	namesBrBytes: 4 * 1024 * 1024,
	provinceBrBytes: 1024 * 1024,
	loadMs: 1200,
	rawP95Ms: 60,
	cubeP95Ms: 8
};

const br = (bytes: Uint8Array) =>
	brotliCompressSync(bytes, {
		params: {
			[constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
			[constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength
		}
	}).byteLength;

async function extractSizes() {
	const handle = await openDb({ maintenance: true });
	try {
		const scopes: [string, Scope][] = [
			['national', { kind: 'national' }],
			[`province_${PROVINCE}`, { kind: 'provinces', codes: [PROVINCE] }]
		];
		const out: Record<string, Record<string, { rows: number; raw: number; br: number }>> = {};
		for (const [label, scope] of scopes) {
			out[label] = {};
			for (const name of EXTRACT_NAMES) {
				const t = await buildExtract(handle.db, name, scope);
				const ipc = tableToIPC(t, 'stream');
				out[label][name] = { rows: t.numRows, raw: ipc.byteLength, br: br(ipc) };
			}
		}
		return out;
	} finally {
		await handle.close();
	}
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address() as net.AddressInfo;
			s.close(() => resolve(port));
		});
		s.on('error', reject);
	});
}

async function startApp() {
	const port = await freePort();
	const child = spawn('node', ['build'], {
		cwd: ROOT,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const url = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 300; i++) {
		try {
			if ((await fetch(url)).status < 500) return { url, stop: () => child.kill() };
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill();
	throw new Error('the app did not start');
}

interface PageFigures {
	lcpMs: number | null;
	lcpElement: string | null;
	jsBeforeLcpBytes: number;
	jsBeforeLcpFiles: number;
	duckdbBeforeLcp: boolean;
}

/** /overview cold under network emulation: LCP and the scripts transferred before it. */
async function coldOverview(url: string): Promise<PageFigures> {
	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
	try {
		const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
		await cdp.send('Network.emulateNetworkConditions', {
			offline: false,
			latency: 40,
			downloadThroughput: (10 * 1024 * 1024) / 8,
			uploadThroughput: (10 * 1024 * 1024) / 8
		});
		await page.addInitScript(() => {
			const w = globalThis as unknown as { lcp: { t: number; el: string }[] };
			w.lcp = [];
			new PerformanceObserver((list) => {
				for (const e of list.getEntries() as (PerformanceEntry & { element?: Element })[]) {
					const el = e.element;
					w.lcp.push({
						t: e.startTime,
						el: el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}` : ''
					});
				}
			}).observe({ type: 'largest-contentful-paint', buffered: true });
		});
		await page.goto(`${url}/overview`, { waitUntil: 'load' });
		await page.waitForTimeout(3000);
		// LCP is final once the user interacts; a click on the title ends it.
		await page.click('h1');
		return await page.evaluate(() => {
			const w = globalThis as unknown as { lcp: { t: number; el: string }[] };
			const last = w.lcp.at(-1) ?? null;
			const cut = last?.t ?? Infinity;
			const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
				.filter((r) => /\.m?js(\?|$)/.test(r.name) && r.responseEnd <= cut)
				.filter((r) => !/duckdb/i.test(r.name));
			const duck = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).some(
				(r) => /duckdb|\/api\/extracts\//.test(r.name) && r.responseEnd <= cut
			);
			return {
				lcpMs: last ? Math.round(last.t) : null,
				lcpElement: last?.el ?? null,
				jsBeforeLcpBytes: scripts.reduce((n, r) => n + r.transferSize, 0),
				jsBeforeLcpFiles: scripts.length,
				duckdbBeforeLcp: duck
			};
		});
	} finally {
		await browser.close();
	}
}

/** /dev/duckdb: engine start, extract load and query timings, read from the page. */
async function duckdbTimings(url: string) {
	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
	try {
		const page = await browser.newPage();
		await page.goto(`${url}/dev/duckdb?bench=${QUERIES}`);
		const t0 = Date.now();
		await page.click('[data-testid=run]');
		await page.waitForSelector('[data-testid=bench], [data-status=failed]', {
			state: 'attached',
			timeout: 600_000
		});
		const failed = await page.$('[data-status=failed]');
		if (failed) throw new Error(`DuckDB page failed: ${await failed.textContent()}`);
		const text = async (id: string) => (await page.textContent(`[data-testid=${id}]`)) ?? '';
		const extracts = await page.$$eval('[data-testid=extracts] tbody tr', (rows) =>
			rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? ''))
		);
		return {
			wallMs: Date.now() - t0,
			engine: (await text('engine')).trim(),
			instantiateMs: Number(await text('instantiate-ms')),
			loadAllMs: Number(await text('load-ms')),
			extracts: Object.fromEntries(
				extracts.map(([name, rows, bytes, ms]) => [
					name,
					{
						rows: Number(rows?.replaceAll(',', '')),
						bytes: Number(bytes?.replaceAll(',', '')),
						ms: Number(ms)
					}
				])
			),
			queries: JSON.parse((await page.getAttribute('[data-testid=bench]', 'data-json')) ?? '{}')
		};
	} finally {
		await browser.close();
	}
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function main() {
	const sizes = await extractSizes();
	const app = await startApp();
	let cold: PageFigures;
	let duck: Awaited<ReturnType<typeof duckdbTimings>>;
	try {
		cold = await coldOverview(app.url);
		duck = await duckdbTimings(app.url);
	} finally {
		app.stop();
	}
	const national = sizes.national!;
	const sum = (names: string[], s: typeof national) =>
		names.reduce((n, name) => n + (s[name]?.br ?? 0), 0);
	const facts = sum(['facts_plan', 'facts_report'], national);
	const names = sum(['dim_lao', 'dim_document', 'dim_province'], national);
	const province = sum([...EXTRACT_NAMES], sizes[`province_${PROVINCE}`]!);
	const factRows = (national.facts_plan?.rows ?? 0) + (national.facts_report?.rows ?? 0);
	const factsLoadMs = (duck.extracts.facts_plan?.ms ?? 0) + (duck.extracts.facts_report?.ms ?? 0);
	const figures = {
		date: new Date().toISOString(),
		database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
		factRows,
		sizes,
		national: { factsBr: facts, namesBr: names, totalBr: facts + names },
		provinceBr: { code: PROVINCE, bytes: province },
		cold,
		duckdb: { ...duck, factsLoadMs },
		targets: TARGETS
	};
	const rows: [string, string, string][] = [
		['fact rows (plan + report)', factRows.toLocaleString('en-US'), '≈ 2M'],
		['national extracts, brotli', mb(facts + names), `≤ ${mb(TARGETS.nationalBrBytes)}`],
		['  facts', mb(facts), `≤ ${mb(TARGETS.factsBrBytes)}`],
		['  names (dimensions)', mb(names), `≤ ${mb(TARGETS.namesBrBytes)}`],
		[`province ${PROVINCE}, brotli`, kb(province), `≤ ${kb(TARGETS.provinceBrBytes)}`],
		['LCP /overview cold, 10 Mbit/s 40 ms', `${cold.lcpMs} ms (${cold.lcpElement})`, '≤ 1200 ms'],
		[
			'JS before LCP (DuckDB excluded)',
			`${kb(cold.jsBeforeLcpBytes)} in ${cold.jsBeforeLcpFiles} files`,
			'≤ 150 KB'
		],
		['DuckDB on the path to LCP', String(cold.duckdbBeforeLcp), 'false'],
		['DuckDB instantiate', `${duck.instantiateMs} ms`, ''],
		['facts fetched + loaded into DuckDB', `${factsLoadMs} ms`, '≤ 1200 ms'],
		['all extracts fetched + loaded', `${duck.loadAllMs} ms`, '']
	];
	for (const [name, q] of Object.entries(
		duck.queries as Record<string, { p50: number; p95: number; max: number }>
	)) {
		rows.push([
			`query ${name} p50 / p95 / max`,
			`${q.p50} / ${q.p95} / ${q.max} ms`,
			name.endsWith('raw') ? 'p95 ≤ 60 ms' : 'p95 ≤ 8 ms'
		]);
	}
	const w = Math.max(...rows.map((r) => r[0].length));
	for (const [a, b, c] of rows) console.log(`${a.padEnd(w)}  ${b.padEnd(34)}  ${c}`);
	mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
	writeFileSync(
		join(ROOT, 'bench/results/dashboard.json'),
		`${JSON.stringify(figures, null, 2)}\n`
	);
	console.log('→ bench/results/dashboard.json');
}

await main();
