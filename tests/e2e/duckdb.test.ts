/**
 * DuckDB-WASM end to end, on the built app with the three seed documents:
 * 1. the SQL builders of src/lib/query run on the extracts the app serves, in Node DuckDB-WASM
 *    (tests/db/extracts.duckdb.ts), with exact results (tests/etl/e2e-seeds.suite.ts counts every
 *    figure in the documents themselves);
 * 2. /dev/duckdb in Chromium loads the same extracts into the self-hosted browser bundle and shows
 *    the same figures, with no request leaving the app's origin.
 */
import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildByProvinceSql } from '../../src/lib/query/build-by-province-sql.ts';
import { buildOverviewSql } from '../../src/lib/query/build-overview-sql.ts';
import { EXTRACT_NAMES } from '../../src/lib/query/codes.ts';
import { openDuckDb, type DuckDb } from '../db/extracts.duckdb.ts';
import { signIn } from './accounts.ts';
import { etl, launchChromium, ROOT, SCREENSHOTS, startApp, type App } from './harness.ts';

let app: App;

beforeAll(async () => {
	app = await startApp((dataDir) => {
		etl(dataDir, ['registry', 'import', 'fixtures/registry/dla-sample.csv']);
		etl(dataDir, ['ingest', join(ROOT, 'fixtures/seeds')]);
	});
});

afterAll(async () => {
	await app?.stop();
});

/** FY 2566: the Ang Thong report; FY 2568: the Phichai annual plan (29 of 35 items at 0 baht). */
const OVERVIEW = [
	{
		fiscal_year: 2566,
		laos_with_plans: 0,
		items_planned: 0,
		planned_baht: 0,
		zero_budget_share: null,
		laos_reporting: 1,
		reported_items: 52,
		done: 48,
		not_done: 4,
		completion_rate: 48 / 52,
		disbursed_baht: 627_872
	},
	{
		fiscal_year: 2568,
		laos_with_plans: 1,
		items_planned: 35,
		planned_baht: 185_000,
		zero_budget_share: 29 / 35,
		laos_reporting: 0,
		reported_items: 0,
		done: 0,
		not_done: 0,
		completion_rate: null,
		disbursed_baht: 0
	}
];

describe('SQL builders on the served extracts (Node DuckDB-WASM)', () => {
	let duck: DuckDb;

	beforeAll(async () => {
		duck = await openDuckDb();
		for (const name of EXTRACT_NAMES) {
			const res = await app.fetch(`/api/extracts/${name}`);
			if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
			duck.load(name, new Uint8Array(await res.arrayBuffer()));
		}
	});

	afterAll(() => duck?.close());

	it('overview: FY 2566 reported 52, done 48, not done 4, disbursed 627,872; FY 2568 planned 185,000 in 35 items', () => {
		expect(duck.rows(buildOverviewSql({}))).toEqual(OVERVIEW);
	});

	it('overview within filters: a year, a dimension, a province, an LAO type', () => {
		const slim = (rows: Record<string, unknown>[]) =>
			rows.map((r) => [r.fiscal_year, r.items_planned, r.planned_baht, r.reported_items, r.done]);
		expect([
			slim(duck.rows(buildOverviewSql({ fiscalYears: [2568] }))),
			slim(duck.rows(buildOverviewSql({ provinces: ['15'] }))),
			// type 0 = provincial_admin_org (Ang Thong PAO); Phichai is a town municipality (2).
			slim(duck.rows(buildOverviewSql({ laoTypes: [0] }))),
			slim(duck.rows(buildOverviewSql({ provinces: ['10'] })))
		]).toEqual([[[2568, 35, 185_000, 0, 0]], [[2566, 0, 0, 52, 48]], [[2566, 0, 0, 52, 48]], []]);
		// Per มิติ, counted in the annual plan (lines 75–119): 5,000 + 50,000 + 50,000 + 10,000 in
		// มิติ 1, nothing in 2, 20,000 (item 26) in 3, 50,000 (item 32) in 4.
		const byDimension = [1, 2, 3, 4].map((d) => {
			const [row] = duck.rows(buildOverviewSql({ dimensions: [d], fiscalYears: [2568] }));
			return [d, row?.items_planned, row?.planned_baht, row?.zero_budget_share];
		});
		expect(byDimension).toEqual([
			[1, 7, 115_000, 3 / 7],
			[2, 15, 0, 1],
			[3, 6, 20_000, 5 / 6],
			[4, 7, 50_000, 6 / 7]
		]);
	});

	it('by province: 77 rows, completion only where a report is, planned baht only in Lampang', () => {
		const completion = duck.rows(buildByProvinceSql({}, 'completion_rate'));
		const planned = duck.rows(buildByProvinceSql({}, 'planned_baht'));
		expect([completion.length, planned.length]).toEqual([77, 77]);
		expect(completion.filter((r) => r.value !== null)).toEqual([
			{ province_code: '15', name_th: 'อ่างทอง', name_en: 'Ang Thong', value: 48 / 52 }
		]);
		expect(planned.filter((r) => r.value !== 0).map((r) => [r.province_code, r.value])).toEqual([
			['52', 185_000]
		]);
		expect(duck.rows(buildByProvinceSql({ provinces: ['52', '15'] }, 'disbursed_baht'))).toEqual([
			{ province_code: '15', name_th: 'อ่างทอง', name_en: 'Ang Thong', value: 627_872 },
			{ province_code: '52', name_th: 'ลำปาง', name_en: 'Lampang', value: 0 }
		]);
	});
});

describe('/dev/duckdb in Chromium (self-hosted DuckDB-WASM)', () => {
	let browser: Browser;
	let page: Page;
	const requests: Request[] = [];

	beforeAll(async () => {
		browser = await launchChromium();
		page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
		await signIn(page.context(), app.url, 'analyst');
		page.on('request', (r) => requests.push(r));
		// Every CSP violation the page (or its worker) reports, kept for the last test.
		await page.addInitScript(() => {
			const seen: string[] = [];
			(globalThis as unknown as { cspViolations: string[] }).cspViolations = seen;
			document.addEventListener('securitypolicyviolation', (e) =>
				seen.push(`${e.violatedDirective} ${e.blockedURI}`)
			);
		});
	});

	afterAll(async () => {
		await browser?.close();
	});

	it('loads the five extracts and shows the overview from DuckDB-WASM', async () => {
		await page.goto(`${app.url}/dev/duckdb`);
		await page.waitForLoadState('networkidle');
		// Before the click nothing of DuckDB has been fetched: it is off the path to the first paint.
		const beforeClick = requests
			.map((r) => new URL(r.url()).pathname)
			.filter((path) => /^\/_app\/.*duckdb|^\/api\/extracts\//.test(path));
		const t0 = Date.now();
		await page.click('[data-testid=run]');
		await page.waitForSelector('[data-testid=status][data-status=done], [data-status=failed]', {
			state: 'attached',
			timeout: 90_000
		});
		const wallMs = Date.now() - t0;
		const status = await page.getAttribute('[data-testid=status]', 'data-status');
		const message = (await page.textContent('[data-testid=status]'))?.trim();
		expect([beforeClick, status === 'done' ? status : `${status}: ${message}`]).toEqual([
			[],
			'done'
		]);
		const cells = await page.$$eval('[data-testid=overview] tbody tr', (rows) =>
			rows.map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim()))
		);
		expect(cells).toEqual([
			['2566', '0', '0', '0.00', '—', '52', '48', '4', '92.3%', '627,872.00'],
			['2568', '1', '35', '185,000.00', '82.9%', '0', '0', '0', '—', '0.00']
		]);
		const extracts = await page.$$eval('[data-testid=extracts] tbody tr', (rows) =>
			rows.map((r) => [r.children[0]?.textContent, r.children[1]?.textContent])
		);
		expect(extracts.map((e) => e[0])).toEqual([...EXTRACT_NAMES]);
		expect(extracts.slice(0, 2)).toEqual([
			['facts_plan', '35'],
			['facts_report', '52']
		]);
		const [engine, instantiateMs, loadMs] = await Promise.all(
			['engine', 'instantiate-ms', 'load-ms'].map((id) => page.textContent(`[data-testid=${id}]`))
		);
		console.log(
			`DuckDB-WASM (${engine}): instantiate ${instantiateMs} ms, load 5 extracts ${loadMs} ms,` +
				` click → table ${wallMs} ms`
		);
		await page.screenshot({ path: join(SCREENSHOTS, 'dev-duckdb.png'), fullPage: true });
	});

	it('fetched everything from the app itself: worker and wasm under /_app/', async () => {
		const origin = new URL(app.url).origin;
		const urls = requests.map((r) => r.url());
		expect(urls.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'))).toEqual([]);
		const duck = urls
			.filter((u) => /duckdb/i.test(u) && /\.(wasm|worker\.[\w-]+\.js)$/.test(u))
			.map((u) => new URL(u).pathname.replace(/\.[\w-]{8}\./, '.HASH.'));
		// Chromium has wasm exceptions, so selectBundle takes `eh`; `mvp` is never fetched.
		expect(duck.sort()).toEqual([
			'/_app/immutable/assets/duckdb-browser-eh.worker.HASH.js',
			'/_app/immutable/assets/duckdb-eh.HASH.wasm'
		]);
		for (const r of requests.filter((r) => /duckdb-.*\.(wasm|js)$/.test(r.url()))) {
			const headers = (await r.response())?.headers() ?? {};
			console.log(
				`${new URL(r.url()).pathname}: ${headers['content-encoding'] ?? 'identity'},` +
					` ${headers['content-length'] ?? '?'} bytes, ${headers['cache-control'] ?? ''}`
			);
		}
		expect(
			urls
				.filter((u) => u.includes('/api/extracts/'))
				.map((u) => new URL(u).pathname)
				.sort()
		).toEqual(EXTRACT_NAMES.map((n) => `/api/extracts/${n}`).sort());
	});

	it('runs under the Content-Security-Policy: wasm and worker allowed, nothing violated', async () => {
		const response = await app.fetch(`/dev/duckdb`);
		const csp = response.headers.get('content-security-policy') ?? '';
		// Hash mode: SvelteKit's inline bootstrap is allowed by its hash, never by a nonce (a kept
		// page is answered again as drawn: $lib/server/response-cache).
		expect(csp).not.toContain("'nonce-");
		expect(csp).toMatch(/script-src [^;]*'sha256-[A-Za-z0-9+/]{43}='/);
		const directives = Object.fromEntries(
			csp.split(';').map((d) => {
				const [name = '', ...values] = d.trim().split(/\s+/);
				return [name, values.filter((v) => !v.startsWith("'sha256-")).join(' ')];
			})
		);
		expect([
			directives['script-src'],
			directives['worker-src'],
			directives['connect-src'],
			directives['object-src'],
			directives['frame-ancestors'],
			response.headers.get('x-content-type-options')
		]).toEqual(["'self' 'wasm-unsafe-eval'", "'self'", "'self'", "'none'", "'none'", 'nosniff']);
		const violations = await page.evaluate(
			() => (globalThis as unknown as { cspViolations: string[] }).cspViolations
		);
		expect(violations).toEqual([]);
	});
});
