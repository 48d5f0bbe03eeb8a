/** /overview loaded cold (browser cache off) under network emulation: what paints when. */
import { signInContext, type App } from './app.ts';
import type { Browser } from 'playwright-core';

export interface ColdFigures {
	/** Largest contentful paint (ms from navigation start) and its element. */
	lcpMs: number | null;
	lcpElement: string | null;
	/** The first frame showing the years chart with data (server SVG or live canvas). */
	firstChartMs: number | null;
	/** The first frame in which ECharts' live canvas of it holds drawn pixels. */
	firstCanvasMs: number | null;
	/** Server time to the first byte of the HTML (navigation timing, minus the emulated RTT). */
	htmlResponseStartMs: number;
	/** Scripts transferred before the first chart, DuckDB's excluded (brotli bytes as sent). */
	jsBeforeChartBytes: number;
	jsBeforeChartFiles: number;
	/** The largest of those scripts (ECharts), for the report. */
	largestScript: { name: string; bytes: number } | null;
	/** Whether anything of DuckDB (engine or extracts) arrived before the first chart. */
	duckdbBeforeChart: boolean;
}

/**
 * tsx compiles this file with esbuild's keepNames: a function defined inside a function sent to
 * the page calls `__name`, which the page does not have.
 */
export const KEEP_NAMES = 'globalThis.__name = (f) => f;';

/** 10 Mbit/s both ways, 40 ms latency: the issue's emulated network. */
export const NETWORK = {
	offline: false,
	latency: 40,
	downloadThroughput: (10 * 1024 * 1024) / 8,
	uploadThroughput: (10 * 1024 * 1024) / 8
};

/** Injected before the page's scripts: LCP entries, and a frame loop watching the first chart. */
function observe() {
	const w = globalThis as unknown as {
		lcp: { t: number; el: string }[];
		firstChart: number | null;
		firstCanvas: number | null;
	};
	w.lcp = [];
	w.firstChart = null;
	w.firstCanvas = null;
	new PerformanceObserver((list) => {
		for (const e of list.getEntries() as (PerformanceEntry & { element?: Element })[]) {
			const el = e.element;
			w.lcp.push({
				t: e.startTime,
				el: el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}` : ''
			});
		}
	}).observe({ type: 'largest-contentful-paint', buffered: true });
	const drawn = (canvas: HTMLCanvasElement) => {
		const ctx = canvas.getContext('2d');
		if (!ctx || canvas.width === 0) return false;
		const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
		for (let i = 3; i < data.length; i += 4 * 16) if (data[i] !== 0) return true;
		return false;
	};
	// The first frame showing the years chart: the server's SVG of it (in the HTML), or the
	// live canvas once ECharts has drawn; the canvas's first frame is kept apart.
	const frame = (t: number) => {
		const card = document.querySelector('[data-testid=chart-years]');
		if (w.firstChart === null && card?.querySelector('.ssr svg path')) w.firstChart = t;
		const canvas = card?.querySelector<HTMLCanvasElement>('canvas');
		if (canvas && drawn(canvas)) {
			w.firstChart ??= t;
			w.firstCanvas = t;
		} else requestAnimationFrame(frame);
	};
	requestAnimationFrame(frame);
}

export async function coldOverview(browser: Browser, app: App): Promise<ColdFigures> {
	const url = app.url;
	const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
	await signInContext(context, app);
	try {
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
		await cdp.send('Network.emulateNetworkConditions', NETWORK);
		await page.addInitScript(KEEP_NAMES);
		await page.addInitScript(observe);
		await page.goto(`${url}/overview`, { waitUntil: 'load' });
		await page.waitForFunction(() => (globalThis as { firstCanvas?: number }).firstCanvas, null, {
			timeout: 60_000
		});
		await page.waitForTimeout(1500);
		// LCP is final once the user interacts; a click on the title ends it.
		await page.click('h1');
		return await page.evaluate(() => {
			const w = globalThis as unknown as {
				lcp: { t: number; el: string }[];
				firstChart: number;
				firstCanvas: number;
			};
			const last = w.lcp.at(-1) ?? null;
			const chart = w.firstChart;
			const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
			const scripts = resources
				.filter((r) => /\.m?js(\?|$)/.test(r.name) && r.responseEnd <= chart)
				.filter((r) => !/duckdb/i.test(r.name));
			const largest = [...scripts].sort((a, b) => b.transferSize - a.transferSize)[0];
			const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
			return {
				lcpMs: last ? Math.round(last.t) : null,
				lcpElement: last?.el ?? null,
				firstChartMs: Math.round(chart),
				firstCanvasMs: Math.round(w.firstCanvas),
				htmlResponseStartMs: Math.round(nav.responseStart - nav.requestStart),
				jsBeforeChartBytes: scripts.reduce((n, r) => n + r.transferSize, 0),
				jsBeforeChartFiles: scripts.length,
				largestScript: largest
					? { name: new URL(largest.name).pathname, bytes: largest.transferSize }
					: null,
				duckdbBeforeChart: resources.some(
					(r) => /duckdb|\/api\/extracts\//.test(r.name) && r.responseEnd <= chart
				)
			};
		});
	} finally {
		await context.close();
	}
}
