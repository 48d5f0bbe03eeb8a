/**
 * Public pages are light (issue 5): the latest release's page (/) cold on a phone, on the built
 * app (`npx vite build` first). `npm run bench:public` measures, and writes
 * bench/results/public.json:
 *
 *  - the embedded demo: PGlite in a temp folder with the register sample, the three seeds and a
 *    150-LAO synthetic demo over 2564–2568 (as `npm start` loads), one release published;
 *  - the national demo, when PostgreSQL has it: a COPY of sujarit_bench (sujarit_bench_pub,
 *    made with `createdb -T` only when nobody is connected to sujarit_bench; never the original),
 *    with a release published in the copy. BENCH_POSTGRES=0 skips it.
 *
 * Each run: Debian Chromium (playwright-core), a phone viewport (390 × 844, DPR 3, touch), the
 * Chrome DevTools Protocol emulating 10 Mbit/s down and up with 40 ms latency, cache disabled.
 * Figures: LCP and its element, FCP, when the first chart's SVG was in the DOM, the bytes
 * transferred before LCP (all, and JavaScript alone), and whether anything of DuckDB-WASM or the
 * release extracts was fetched before LCP (must be false). Then the handover: the reader picks a
 * fiscal year and the page waits for DuckDB-WASM's figures (time and bytes, for the record).
 * Target: LCP ≤ 2.5 s (median of RUNS cold loads).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page, Request } from 'playwright-core';
import { duckdbFiles, freePort, isDuckdbRequest, launchChromium } from '../tests/e2e/harness.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_LCP_MS = 2500;
const NETWORK = { downKbit: 10_000, upKbit: 10_000, latencyMs: 40 };
const PHONE = { width: 390, height: 844, deviceScaleFactor: 3 };
const BENCH_DB = 'postgres://postgres@127.0.0.1:5432/sujarit_bench';
const COPY_DB = 'sujarit_bench_pub';

type Env = Record<string, string>;

function run(args: string[], env: Env): string {
	const r = spawnSync(TSX, ['etl/cli.ts', ...args], {
		cwd: ROOT,
		env: { ...process.env, ...env },
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	if (r.status !== 0) throw new Error(`etl ${args.join(' ')} → ${r.status}\n${r.stderr}`);
	return r.stdout;
}

const publishFirst = (env: Env) =>
	run(
		[
			'release',
			'publish',
			'--if-none',
			'--note',
			'ฉบับวัดประสิทธิภาพ / benchmark release (synthetic demo data)'
		],
		env
	).trim();

/** PGlite with what `npm start` loads (register sample, seeds, 150-LAO demo) and a release. */
function embeddedDemo(): { env: Env; cleanup: () => void; label: string } {
	const dir = process.env.BENCH_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'sujarit-bench-public-'));
	const env: Env = { SUJARIT_DATA_DIR: join(dir, 'pglite'), DATABASE_URL: '' };
	if (!existsSync(join(dir, 'pglite'))) {
		process.stdout.write(`▶ loading the embedded demo into ${dir} (a few minutes)\n`);
		run(['registry', 'import', 'fixtures/registry/dla-sample.csv'], env);
		run(['ingest', 'fixtures/seeds'], env);
		const out = join(dir, 'demo');
		mkdirSync(out, { recursive: true });
		run(['demo', '--laos', '150', '--years', '2564-2568', '--seed', '1', '--out', out], env);
	}
	process.stdout.write(`  ${publishFirst(env).split('\n')[1] ?? ''}\n`);
	return {
		env,
		label: 'embedded demo (PGlite: 3 seeds + 150 synthetic LAOs, 2564–2568)',
		cleanup: () => {
			if (!process.env.BENCH_DATA_DIR) rmSync(dir, { recursive: true, force: true });
		}
	};
}

function psql(sql: string, db = 'postgres'): string | null {
	const r = spawnSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', db, '-Atc', sql], {
		encoding: 'utf8'
	});
	return r.status === 0 ? r.stdout.trim() : null;
}

/** The national demo's copy, with a release; null (and why) when it cannot be had. */
function nationalDemo(): { env: Env; cleanup: () => void; label: string } | string {
	if (process.env.BENCH_POSTGRES === '0') return 'skipped (BENCH_POSTGRES=0)';
	if (psql('select 1') === null) return 'skipped: PostgreSQL not reachable';
	if (psql(`select 1 from pg_database where datname = '${COPY_DB}'`) !== '1') {
		if (psql(`select 1 from pg_database where datname = 'sujarit_bench'`) !== '1') {
			return 'skipped: no sujarit_bench database';
		}
		const busy = psql(`select count(*) from pg_stat_activity where datname = 'sujarit_bench'`);
		if (busy !== '0') return `skipped: ${busy} connection(s) to sujarit_bench; not copied`;
		const r = spawnSync('createdb', [
			'-h',
			'127.0.0.1',
			'-U',
			'postgres',
			'-T',
			'sujarit_bench',
			COPY_DB
		]);
		if (r.status !== 0) return `skipped: createdb failed: ${r.stderr}`;
	}
	const env: Env = { DATABASE_URL: BENCH_DB.replace(/sujarit_bench$/, COPY_DB) };
	process.stdout.write(`  ${publishFirst(env).split('\n')[1] ?? ''}\n`);
	const docs = psql('select count(*) from source_documents', COPY_DB);
	return {
		env,
		label: `national demo (PostgreSQL copy ${COPY_DB}: ${docs} documents)`,
		cleanup: () => {}
	};
}

/**
 * SIGTERM, then SIGKILL after 5 s: adapter-node's graceful shutdown waits for the event loop to
 * drain, and an open database pool (postgres.js) can keep it alive indefinitely.
 */
function stopProcess(child: ReturnType<typeof spawn>): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise<void>((resolve) => {
		const force = setTimeout(() => child.kill('SIGKILL'), 5000);
		child.once('exit', () => {
			clearTimeout(force);
			resolve();
		});
		child.kill('SIGTERM');
	});
}

async function startApp(env: Env) {
	const port = await freePort();
	const child = spawn('node', ['build'], {
		cwd: ROOT,
		env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const url = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 600; i++) {
		try {
			if ((await fetch(`${url}/releases`)).status === 200) {
				return { url, stop: () => stopProcess(child) };
			}
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill();
	throw new Error('the app did not start');
}

interface ColdLoad {
	lcpMs: number;
	lcpElement: string;
	fcpMs: number;
	/** When the first chart's SVG (with its bars) was in the DOM: the HTML parser put it there. */
	firstChartInDomMs: number | null;
	/** Where the first chart starts on the phone's screen (px from the top; the screen is 844). */
	firstChartTopPx: number | null;
	htmlBytes: number;
	/** Response bodies as transferred (compressed) plus headers, of requests ended before LCP. */
	bytesBeforeLcp: number;
	jsBytesBeforeLcp: number;
	jsFilesBeforeLcp: number;
	requestsBeforeLcp: number;
	duckdbBeforeLcp: boolean;
	/** Anything of DuckDB (engine, loader, extracts) fetched during the load, with no interaction. */
	duckdbWithoutInteraction: boolean;
}

/** A finished request: when it ended (epoch ms) and what it transferred. */
interface Fetched {
	url: string;
	endedAt: number;
	bytes: number;
	js: boolean;
	duckdb: boolean;
}

async function fetched(request: Request, duck: Set<string>): Promise<Fetched> {
	const timing = request.timing();
	const sizes = await request.sizes();
	return {
		url: request.url(),
		endedAt: timing.startTime + timing.responseEnd,
		bytes: sizes.responseBodySize + sizes.responseHeadersSize,
		js: /\.m?js(\?|$)/.test(new URL(request.url()).pathname),
		duckdb: isDuckdbRequest(request.url(), duck)
	};
}

async function emulate(page: Page): Promise<CDPSession> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	await cdp.send('Network.emulateNetworkConditions', {
		offline: false,
		latency: NETWORK.latencyMs,
		downloadThroughput: (NETWORK.downKbit * 1000) / 8,
		uploadThroughput: (NETWORK.upKbit * 1000) / 8
	});
	return cdp;
}

/**
 * One cold load of `/` on the phone, then (optionally) the handover to DuckDB-WASM. Requests are
 * counted from Playwright's network events, which include the DuckDB worker's own fetches (the
 * page's Resource Timing does not see them).
 */
async function coldLoad(url: string, handover: boolean, duck: Set<string>) {
	const browser = await launchChromium();
	try {
		const context = await browser.newContext({
			viewport: { width: PHONE.width, height: PHONE.height },
			deviceScaleFactor: PHONE.deviceScaleFactor,
			isMobile: true,
			hasTouch: true
		});
		const page = await context.newPage();
		await emulate(page);
		const pending: Promise<Fetched>[] = [];
		page.on('requestfinished', (r) => pending.push(fetched(r, duck)));
		// No named inner functions here: tsx would wrap them in a helper the page does not have.
		await page.addInitScript(() => {
			const w = globalThis as unknown as {
				lcp: { t: number; el: string }[];
				chartAt: number | null;
			};
			w.lcp = [];
			w.chartAt = null;
			new PerformanceObserver((list) => {
				for (const e of list.getEntries() as (PerformanceEntry & { element?: Element })[]) {
					const el = e.element;
					const id = el?.closest('[data-testid]')?.getAttribute('data-testid');
					w.lcp.push({
						t: e.startTime,
						el: el ? `${el.tagName.toLowerCase()}${id ? ` in [data-testid=${id}]` : ''}` : ''
					});
				}
			}).observe({ type: 'largest-contentful-paint', buffered: true });
			new MutationObserver(() => {
				if (w.chartAt === null && document.querySelector('[data-testid=ssr-chart] svg path')) {
					w.chartAt = performance.now();
				}
			}).observe(document, { childList: true, subtree: true });
		});
		await page.goto(`${url}/`, { waitUntil: 'load' });
		await page.waitForTimeout(3000);
		const marks = await page.evaluate(() => {
			const w = globalThis as unknown as {
				lcp: { t: number; el: string }[];
				chartAt: number | null;
			};
			const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
			return {
				origin: performance.timeOrigin,
				lcp: w.lcp.at(-1) ?? null,
				fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
				chartAt: w.chartAt,
				chartTop:
					document.querySelector('[data-testid=ssr-chart]')?.getBoundingClientRect().top ?? null,
				htmlBytes: nav.transferSize
			};
		});
		const loaded = await Promise.all(pending.splice(0));
		const cut = marks.origin + (marks.lcp?.t ?? Infinity);
		const before = loaded.filter((f) => f.endedAt <= cut);
		const load: ColdLoad = {
			lcpMs: Math.round(marks.lcp?.t ?? -1),
			lcpElement: marks.lcp?.el ?? '',
			fcpMs: Math.round(marks.fcp),
			firstChartInDomMs: marks.chartAt === null ? null : Math.round(marks.chartAt),
			firstChartTopPx: marks.chartTop === null ? null : Math.round(marks.chartTop),
			htmlBytes: marks.htmlBytes,
			bytesBeforeLcp: before.reduce((n, f) => n + f.bytes, 0),
			jsBytesBeforeLcp: before.filter((f) => f.js).reduce((n, f) => n + f.bytes, 0),
			jsFilesBeforeLcp: before.filter((f) => f.js).length,
			requestsBeforeLcp: before.length,
			duckdbBeforeLcp: before.some((f) => f.duckdb),
			duckdbWithoutInteraction: loaded.some((f) => f.duckdb)
		};
		if (!handover) return { load, handover: null };
		// The reader picks a fiscal year: the page navigates (server figures) and starts DuckDB.
		const years = await page.$$eval('[data-testid=filter-year] option', (os) =>
			os.map((o) => (o as HTMLOptionElement).value).filter((v) => /^\d+$/.test(v))
		);
		const t0 = Date.now();
		await page.selectOption('[data-testid=filter-year]', years.at(-1) ?? '');
		await page.waitForSelector('[data-testid=engine-status][data-source=duckdb]', {
			timeout: 300_000
		});
		const ms = Date.now() - t0;
		await page.waitForTimeout(500);
		const after = (await Promise.all(pending.splice(0))).filter((f) => f.duckdb);
		return {
			load,
			handover: {
				ms,
				duckdbBytes: after.reduce((n, f) => n + f.bytes, 0),
				extractBytes: after
					.filter((f) => f.url.includes('/api/public/releases/'))
					.reduce((n, f) => n + f.bytes, 0),
				files: after.map((f) => new URL(f.url).pathname.split('/').pop())
			}
		};
	} finally {
		await browser.close();
	}
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function measure(source: { env: Env; label: string }) {
	process.stdout.write(`\n▶ ${source.label}\n`);
	const app = await startApp(source.env);
	try {
		await fetch(`${app.url}/`); // warm the server (first render, migrations), not the browser
		const duck = duckdbFiles();
		const loads: ColdLoad[] = [];
		let handover = null;
		for (let i = 0; i < RUNS; i++) {
			const r = await coldLoad(app.url, i === RUNS - 1, duck);
			loads.push(r.load);
			handover = r.handover ?? handover;
			process.stdout.write(
				`  run ${i + 1}: LCP ${r.load.lcpMs} ms (${r.load.lcpElement}), FCP ${r.load.fcpMs} ms, ` +
					`chart in DOM ${r.load.firstChartInDomMs} ms at ${r.load.firstChartTopPx} px, ` +
					`${kb(r.load.bytesBeforeLcp)} before LCP ` +
					`(JS ${kb(r.load.jsBytesBeforeLcp)} in ${r.load.jsFilesBeforeLcp} files), DuckDB before LCP: ${r.load.duckdbBeforeLcp}\n`
			);
		}
		const lcpMs = median(loads.map((l) => l.lcpMs));
		const summary = {
			source: source.label,
			runs: loads,
			lcpMsMedian: lcpMs,
			bytesBeforeLcpMedian: median(loads.map((l) => l.bytesBeforeLcp)),
			jsBytesBeforeLcpMedian: median(loads.map((l) => l.jsBytesBeforeLcp)),
			duckdbBeforeLcp: loads.some((l) => l.duckdbBeforeLcp),
			duckdbWithoutInteraction: loads.some((l) => l.duckdbWithoutInteraction),
			handover,
			// The first chart must be painted by LCP: in the DOM before it, and on the first screen.
			pass:
				lcpMs <= TARGET_LCP_MS &&
				!loads.some((l) => l.duckdbBeforeLcp) &&
				loads.every(
					(l) =>
						l.firstChartInDomMs !== null &&
						l.firstChartInDomMs <= l.lcpMs &&
						(l.firstChartTopPx ?? Infinity) < PHONE.height
				)
		};
		process.stdout.write(
			`  ⇒ LCP median ${lcpMs} ms (target ≤ ${TARGET_LCP_MS}); ${kb(summary.bytesBeforeLcpMedian)} ` +
				`before LCP, JS ${kb(summary.jsBytesBeforeLcpMedian)}; DuckDB before LCP: ${summary.duckdbBeforeLcp}; ` +
				`DuckDB without interaction: ${summary.duckdbWithoutInteraction}\n` +
				(handover
					? `  handover (pick a year → DuckDB figures): ${handover.ms} ms, DuckDB ${kb(handover.duckdbBytes)} (extracts ${kb(handover.extractBytes)})\n`
					: '')
		);
		return summary;
	} finally {
		await app.stop();
	}
}

if (!existsSync(join(ROOT, 'build/index.js'))) {
	process.stderr.write('build/ is missing: run `npx vite build` first\n');
	process.exit(2);
}
const results: Record<string, unknown> = {
	date: new Date().toISOString(),
	network: NETWORK,
	phone: PHONE,
	cacheDisabled: true,
	targetLcpMs: TARGET_LCP_MS
};
const embedded = embeddedDemo();
try {
	results.embedded = await measure(embedded);
} finally {
	embedded.cleanup();
}
const national = nationalDemo();
results.national = typeof national === 'string' ? { skipped: national } : await measure(national);
if (typeof national === 'string') process.stdout.write(`\n▶ national demo ${national}\n`);

mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/public.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write('\nwrote bench/results/public.json\n');
const passed = [results.embedded, results.national].every(
	(r) => (r as { skipped?: string }).skipped !== undefined || (r as { pass: boolean }).pass
);
process.exitCode = passed ? 0 : 1;
