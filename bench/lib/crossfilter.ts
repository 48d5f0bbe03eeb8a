/**
 * /overview after the handover, unthrottled: how long DuckDB-WASM took to be ready, then a
 * seeded series of filter clicks on the charts, each timed from the click to DuckDB's figures
 * painted (the page marks it), with the browser's own interaction latency (Event Timing, what
 * INP is made of) and every slice query's round trip (the engine measures them).
 */
import { signInContext, type App } from './app.ts';
import type { Browser, Page } from 'playwright-core';
import { GRID_SIZE, tileByCode } from '../../src/lib/map/tiles.ts';
import { KEEP_NAMES } from './cold-page.ts';

export interface Summary {
	n: number;
	p50: number;
	p95: number;
	max: number;
}

export function summary(values: number[]): Summary {
	const sorted = [...values].sort((a, b) => a - b);
	const at = (p: number) =>
		sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
	const r = (v: number) => Math.round(v * 10) / 10;
	return { n: sorted.length, p50: r(at(50)), p95: r(at(95)), max: r(at(100)) };
}

export interface HandoverFigures {
	/** Navigation start → engine ready (ms), and its parts from performance.measure(). */
	readyMs: number;
	instantiateMs: number | null;
	loads: Record<string, number>;
	cubesMs: number | null;
	/** What the status line says once ready. */
	status: string;
}

export interface InteractionFigures {
	clicks: number;
	/** Click → DuckDB's figures painted. */
	clickToPaint: Summary;
	/** Event Timing durations per interaction (INP is the worst, nearly); ≤ 16 ms not reported. */
	eventDuration: Summary;
	interactionsOver16ms: number;
	/** Each slice query over the cubes (four per click). */
	sliceQuery: Summary;
}

function observe() {
	const w = globalThis as unknown as { interactions: Map<number, number>; clicks: number[] };
	w.interactions = new Map();
	w.clicks = [];
	new PerformanceObserver((list) => {
		for (const e of list.getEntries() as (PerformanceEntry & { interactionId?: number })[]) {
			if (!e.interactionId) continue;
			w.interactions.set(
				e.interactionId,
				Math.max(w.interactions.get(e.interactionId) ?? 0, e.duration)
			);
		}
	}).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
	addEventListener('pointerdown', (e) => w.clicks.push(e.timeStamp), { capture: true });
}

const measures = (page: Page, name: string) =>
	page.evaluate((n) => performance.getEntriesByName(n, 'measure').map((m) => m.duration), name);

async function clickTile(page: Page, code: string) {
	const chart = await page.waitForSelector('[data-testid=map] canvas');
	const box = (await chart.boundingBox())!;
	const tile = tileByCode(code)!;
	// The tile map's grid has 4 px margins and one cell per column/row (build-choropleth-option).
	const x = box.x + 4 + ((tile.col + 0.5) / GRID_SIZE.cols) * (box.width - 8);
	const y = box.y + 4 + ((tile.row + 0.5) / GRID_SIZE.rows) * (box.height - 8);
	await page.mouse.click(x, y);
}

async function clickDimension(page: Page, d: number) {
	const chart = await page.waitForSelector('[data-testid=chart-dimension] canvas');
	const box = (await chart.boundingBox())!;
	const top = 32;
	const slot = (box.height - top - 8) / 4;
	await page.mouse.click(box.x + 80, box.y + top + slot * (d - 1) + slot / 2 - 6);
}

/** Each action toggles a value, so the series returns to where it began every eight clicks. */
const ACTIONS: ((page: Page) => Promise<void>)[] = [
	(p) => clickTile(p, '30'),
	(p) => clickDimension(p, 1),
	(p) => clickTile(p, '50'),
	(p) => clickDimension(p, 3),
	(p) => clickTile(p, '30'),
	(p) => clickDimension(p, 1),
	(p) => clickTile(p, '50'),
	(p) => clickDimension(p, 3)
];

export async function crossfilter(
	browser: Browser,
	app: App,
	clicks: number
): Promise<{ handover: HandoverFigures; interactions: InteractionFigures }> {
	const url = app.url;
	const page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
	await signInContext(page.context(), app);
	try {
		await page.addInitScript(KEEP_NAMES);
		await page.addInitScript(observe);
		await page.goto(`${url}/overview`);
		await page.waitForSelector(
			'[data-testid=engine-status][data-status=ready][data-source=duckdb]',
			{
				timeout: 600_000
			}
		);
		const handover: HandoverFigures = {
			readyMs: Math.round(
				await page.evaluate(() => {
					const m = performance.getEntriesByName('sujarit:engine-ready', 'measure')[0]!;
					return m.startTime + m.duration;
				})
			),
			instantiateMs: Math.round((await measures(page, 'sujarit:duckdb-instantiate'))[0] ?? NaN),
			loads: Object.fromEntries(
				await Promise.all(
					['facts_cube', 'dim_lao'].map(async (n) => [
						n,
						Math.round((await measures(page, `sujarit:load:${n}`))[0] ?? NaN)
					])
				)
			),
			cubesMs: Math.round((await measures(page, 'sujarit:cubes'))[0] ?? NaN),
			status: (await page.textContent('[data-testid=engine-status]'))?.trim() ?? ''
		};
		await page.waitForTimeout(1000);
		const slicesBefore = (await measures(page, 'sujarit:slice')).length;
		const toPaint: number[] = [];
		for (let i = 0; i < clicks; i++) {
			const marks = await page.evaluate(
				() => performance.getEntriesByName('sujarit:figures-painted', 'mark').length
			);
			await ACTIONS[i % ACTIONS.length]!(page);
			await page.waitForFunction(
				(n) => performance.getEntriesByName('sujarit:figures-painted', 'mark').length > n,
				marks,
				{ timeout: 30_000 }
			);
			toPaint.push(
				await page.evaluate(() => {
					const w = globalThis as unknown as { clicks: number[] };
					const click = w.clicks.at(-1)!;
					const mark = performance
						.getEntriesByName('sujarit:figures-painted', 'mark')
						.find((m) => m.startTime > click)!;
					return mark.startTime - click;
				})
			);
			await page.waitForTimeout(250);
		}
		const slices = (await measures(page, 'sujarit:slice')).slice(slicesBefore);
		const durations = await page.evaluate(() => [
			...(globalThis as unknown as { interactions: Map<number, number> }).interactions.values()
		]);
		// Interactions at or under 16 ms are not reported (the API's floor): counted as 16.
		const events = [...durations, ...Array(Math.max(0, clicks - durations.length)).fill(16)];
		return {
			handover,
			interactions: {
				clicks,
				clickToPaint: summary(toPaint),
				eventDuration: summary(events),
				interactionsOver16ms: durations.length,
				sliceQuery: summary(slices)
			}
		};
	} finally {
		await page.close();
	}
}
