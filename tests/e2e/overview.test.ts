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
	app = await startApp(
		(dataDir) => {
			etl(dataDir, ['registry', 'import', 'fixtures/registry/dla-sample.csv']);
			etl(dataDir, ['ingest', 'fixtures/seeds']);
			// This suite checks the server's SVG charts: the page waits for them however busy CI is.
		},
		{ env: { SUJARIT_CHART_WAIT_MS: '30000' } }
	);
	browser = await launchChromium();
	page = await browser.newPage({ viewport: { width: 1400, height: 1300 } });
	await signIn(page.context(), app.url, 'analyst');
	mkdirSync(SCREENSHOTS, { recursive: true });
});

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

describe('national overview', () => {
	it('paints the real figures of the three documents from server aggregates', async () => {
		const requests: string[] = [];
		page.on('request', (r) => requests.push(r.url()));
		// DuckDB-WASM starts only after the first paint (an idle callback after hydration).
		// (/ is the public home page now: the latest release.)
		await page.goto(`${app.url}/overview`, { waitUntil: 'domcontentloaded' });
		const beforeHandover = [...requests];
		expect(new URL(page.url()).pathname).toBe('/overview');
		expect(await kpis()).toEqual({
			laos_covered: '1',
			laos_reporting: '1',
			completion: '92.3%',
			not_done: '4',
			zero_budget: '82.9%',
			planned: '185,000.00',
			disbursed: '627,872.00'
		});
		// No DuckDB-WASM on the path to the first charts, and no synthetic label without demo data.
		expect(beforeHandover.filter((u) => /duckdb|\.wasm|api\/extracts/.test(u))).toEqual([]);
		expect(await page.$('[data-testid=synthetic-banner]')).toBeNull();
		await page.waitForSelector('[data-testid=map] canvas');
		await page.waitForTimeout(500);
		await page.screenshot({ path: join(SCREENSHOTS, 'overview.png'), fullPage: true });
	});

	it('paints the five charts without JavaScript: the server renders them to SVG', async () => {
		const context = await browser.newContext({
			javaScriptEnabled: false,
			viewport: { width: 1400, height: 1300 }
		});
		try {
			await signIn(context, app.url, 'analyst');
			const noJs = await context.newPage();
			await noJs.goto(`${app.url}/overview`);
			const charts = await noJs.$$eval('.ssr svg', (svgs) =>
				svgs.map((svg) => svg.querySelectorAll('text').length > 0)
			);
			expect(charts).toEqual([true, true, true, true, true]);
			// The years chart: the two fiscal years of the seeds, as axis labels.
			const years = await noJs.$$eval('[data-testid=chart-years] .ssr svg text', (texts) =>
				texts.map((t) => t.textContent).filter((t) => /^25\d\d$/.test(t ?? ''))
			);
			expect(years).toEqual(['2566', '2568']);
			// Each SVG is in the HTML once: the hydration data carries a marker, not the SVG again.
			const html = await (await context.request.get(`${app.url}/overview`)).text();
			expect([
				html.split('<svg').length - 1,
				html.split('sujarit-svg:').length - 1,
				html.includes('\\u003Csvg')
			]).toEqual([5, 5, false]);
			await noJs.screenshot({ path: join(SCREENSHOTS, 'overview-no-js.png'), fullPage: true });
		} finally {
			await context.close();
		}
	});

	it('narrows to one fiscal year through the URL', async () => {
		await page.goto(`${app.url}/overview?fy=2568`);
		expect(await kpis()).toMatchObject({
			laos_covered: '1',
			laos_reporting: '0',
			completion: '—',
			planned: '185,000.00',
			disbursed: '0.00'
		});
	});

	it('filters by a province clicked on the map, and links to its documents', async () => {
		await page.goto(`${app.url}/overview`);
		const chart = await page.waitForSelector('[data-testid=map] canvas');
		await page.waitForTimeout(500);
		const box = (await chart.boundingBox())!;
		const tile = tileByCode('15')!; // อ่างทอง
		// The tile map's grid has 4 px margins and one cell per column/row (build-choropleth-option).
		const x = box.x + 4 + ((tile.col + 0.5) / GRID_SIZE.cols) * (box.width - 8);
		const y = box.y + 4 + ((tile.row + 0.5) / GRID_SIZE.rows) * (box.height - 8);
		await page.mouse.click(x, y);
		await page.waitForURL(/\/overview\?province=15$/);
		await page.click('[data-testid=province-documents]');
		await page.waitForURL(/\/documents\?province=15$/);
		const rows = await page.$$eval('[data-testid=documents] tbody tr td:first-child', (tds) =>
			tds.map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())
		);
		expect(rows).toEqual(['องค์การบริหารส่วนจังหวัดอ่างทอง 2150101']);
	});
});
