import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRID_SIZE, tileByCode } from '../../src/lib/map/tiles.ts';
import { signIn } from './accounts.ts';
import { etl, launchChromium, SCREENSHOTS, startApp, type App } from './harness.ts';

let app: App;
let browser: Browser;
let page: Page;

beforeAll(async () => {
	app = await startApp((dataDir) => {
		etl(dataDir, ['registry', 'import', 'fixtures/registry/dla-sample.csv']);
		etl(dataDir, ['ingest', 'fixtures/seeds']);
	});
	browser = await launchChromium();
	page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
	await signIn(page.context(), app.url, 'analyst');
	mkdirSync(SCREENSHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

async function kpis(): Promise<Record<string, string>> {
	return page.$$eval('[data-kpi]', (els) =>
		Object.fromEntries(
			els.map((el) => [
				el.getAttribute('data-kpi'),
				(el.querySelector('.value')?.textContent ?? '').trim()
			])
		)
	);
}

const itemsPlanned = () =>
	page.$eval('[data-kpi-sub=items_planned]', (el) => (el.textContent ?? '').trim());

/** Waits until the figures on screen are DuckDB's for the current URL. */
async function duckFigures(): Promise<void> {
	await page.waitForSelector('[data-testid=engine-status][data-status=ready][data-source=duckdb]', {
		timeout: 60_000
	});
}

const source = () =>
	page.$eval('[data-testid=engine-status]', (el) => el.getAttribute('data-source'));

async function clickTile(code: string): Promise<void> {
	const chart = await page.waitForSelector('[data-testid=map] canvas');
	const box = (await chart.boundingBox())!;
	const tile = tileByCode(code)!;
	// The tile map's grid has 4 px margins and one cell per column/row (build-choropleth-option).
	const x = box.x + 4 + ((tile.col + 0.5) / GRID_SIZE.cols) * (box.width - 8);
	const y = box.y + 4 + ((tile.row + 0.5) / GRID_SIZE.rows) * (box.height - 8);
	await page.mouse.click(x, y);
}

/** The "items planned" bar of มิติ `d` (rows top to bottom, planned bar in the upper half). */
async function clickDimension(d: number): Promise<void> {
	const chart = await page.waitForSelector('[data-testid=chart-dimension] canvas');
	const box = (await chart.boundingBox())!;
	const top = 32;
	const slot = (box.height - top - 8) / 4;
	await page.mouse.click(box.x + 80, box.y + top + slot * (d - 1) + slot / 2 - 6);
}

// The seeds: เทศบาลเมืองพิชัย's annual plan 2568 (Lampang, 52): 35 items, 185,000.00 baht, of
// which มิติ 1 has 7 items and 115,000.00 baht; อบจ.อ่างทอง's report 2566 (15): 52 items.
const ALL = {
	laos_covered: '1',
	laos_reporting: '1',
	completion: '92.3%',
	not_done: '4',
	zero_budget: '82.9%',
	planned: '185,000.00',
	disbursed: '627,872.00'
};
const LAMPANG = { ...ALL, laos_reporting: '0', completion: '—', not_done: '0', disbursed: '0.00' };

describe('overview crossfilter', () => {
	it('hands over to DuckDB-WASM, then a map click filters to Lampang: 35 items, 185,000.00', async () => {
		await page.goto(`${app.url}/overview`);
		expect(await source()).toBe('server');
		expect(await kpis()).toEqual(ALL);
		await duckFigures();
		expect(await kpis()).toEqual(ALL);
		expect(
			await page.$eval('[data-testid=engine-status]', (el) => (el.textContent ?? '').trim())
		).toBe('การกรองแบบโต้ตอบพร้อม (35 แถวแผน · 52 แถวรายงาน)');
		await page.waitForTimeout(500);
		await clickTile('52');
		await page.waitForURL(/\/overview\?province=52$/);
		await duckFigures();
		expect([await kpis(), await itemsPlanned()]).toEqual([LAMPANG, '35']);
		expect(
			await page.$$eval('[data-chip]', (els) => els.map((e) => e.getAttribute('data-chip')))
		).toEqual(['provinces:52']);
		expect(await page.$('[data-testid=synthetic-banner]')).toBeNull();
	});

	it('a มิติ bar adds dim=1: 7 items, 115,000.00; the URL reloads to the same figures', async () => {
		await page.waitForTimeout(300);
		await clickDimension(1);
		await page.waitForURL(/\/overview\?province=52&dim=1$/);
		await duckFigures();
		// มิติ 1 of Phichai: 7 items, 4 of them with money (115,000.00), 3 explicit zeros (42.9%).
		const dim1 = { ...LAMPANG, planned: '115,000.00', zero_budget: '42.9%' };
		expect([await kpis(), await itemsPlanned()]).toEqual([dim1, '7']);
		await page.screenshot({
			path: join(SCREENSHOTS, 'overview-crossfilter-th.png'),
			fullPage: true
		});

		// Reload: the server paints the same figures before the handover, DuckDB after it.
		await page.goto(`${app.url}/overview?province=52&dim=1`);
		expect([await source(), await kpis(), await itemsPlanned()]).toEqual(['server', dim1, '7']);
		await duckFigures();
		expect([await kpis(), await itemsPlanned()]).toEqual([dim1, '7']);

		// Back to the province alone.
		await page.goto(`${app.url}/overview?province=52`);
		await duckFigures();
		await page.goto(`${app.url}/overview?province=52&dim=1`);
		await duckFigures();
		await page.goBack();
		await page.waitForURL(/\/overview\?province=52$/);
		await duckFigures();
		expect([await kpis(), await itemsPlanned()]).toEqual([LAMPANG, '35']);
	});

	it('chips remove a value and "clear all" empties the view', async () => {
		await page.goto(`${app.url}/overview?province=52&dim=1`);
		await duckFigures();
		await page.click('[data-chip="dimensions:1"] button');
		await page.waitForURL(/\/overview\?province=52$/);
		await page.click('text=ล้างทั้งหมด');
		await page.waitForURL(/\/overview$/);
		await duckFigures();
		expect(await kpis()).toEqual(ALL);
		await page.selectOption('select[aria-label="+ ปีงบประมาณ"]', '2566');
		await page.waitForURL(/\/overview\?fy=2566$/);
		await duckFigures();
		expect(await kpis()).toMatchObject({ completion: '92.3%', planned: '0.00' });
	});

	it('English, with the LAO layer coloured by items not done', async () => {
		await page.goto(`${app.url}/overview?lang=en&metric=not_done&laos=1`);
		await duckFigures();
		await page.waitForTimeout(800);
		expect(await page.$eval('[data-testid=map] h2', (el) => el.textContent)).toBe(
			'Provinces: Items not done'
		);
		await page.screenshot({
			path: join(SCREENSHOTS, 'overview-crossfilter-en.png'),
			fullPage: true
		});
	});

	it('without DuckDB-WASM (its extracts refused), a map click still gets the server’s figures', async () => {
		await page.route(/\/api\/extracts\//, (route) => route.abort());
		try {
			await page.goto(`${app.url}/overview`);
			await page.waitForSelector('[data-testid=engine-status][data-status=failed]', {
				timeout: 60_000
			});
			expect(await kpis()).toEqual(ALL);
			await clickTile('52');
			await page.waitForURL(/\/overview\?province=52$/);
			// The server load reads the URL untracked: the page asks for these figures itself.
			await page.waitForFunction(
				() =>
					document.querySelector('[data-kpi=laos_reporting] .value')?.textContent?.trim() === '0'
			);
			expect([await source(), await kpis(), await itemsPlanned()]).toEqual([
				'server',
				LAMPANG,
				'35'
			]);
		} finally {
			await page.unroute(/\/api\/extracts\//);
		}
	});

	it('refuses a malformed or hostile view with 400, an unknown province with 404', async () => {
		const status = async (query: string) => (await app.fetch(`/overview?${query}`)).status;
		expect([
			await status('fy=abc'),
			await status('fy=99999999999999999999'),
			await status(`province=${encodeURIComponent("52') or (1=1")}`),
			await status('type=castle'),
			await status('metric=drop'),
			await status('laos=yes'),
			await status('province=99'),
			await status(
				'province=52&dim=1&fy=2568&verdict=accepted_with_warnings&type=town_municipality'
			)
		]).toEqual([400, 400, 400, 400, 400, 400, 404, 200]);
		const res = await app.fetch(`/overview?fy=abc&lang=en`);
		expect(await res.text()).toContain('Invalid filters in the URL: fy=abc');
	});
});
