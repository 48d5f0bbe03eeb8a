/**
 * /dev/duckdb, unthrottled: every extract fetched and loaded into DuckDB-WASM (the raw facts
 * included), then query round trips of the raw-fact SQL builders over seeded filter sets.
 */
import { signInContext, type App } from './app.ts';
import type { Browser } from 'playwright-core';

export interface RawFigures {
	engine: string;
	instantiateMs: number;
	/** All extracts fetched and loaded, in parallel. */
	loadAllMs: number;
	/** Per extract: rows, bytes, and ms to fetch, to insert (from the engine ready), in all. */
	extracts: Record<
		string,
		{ rows: number; bytes: number; fetchMs: number; insertMs: number; ms: number }
	>;
	queries: Record<string, { n: number; p50: number; p95: number; max: number }>;
}

export async function rawFacts(browser: Browser, app: App, queries: number): Promise<RawFigures> {
	const url = app.url;
	const page = await browser.newPage();
	await signInContext(page.context(), app);
	try {
		await page.goto(`${url}/dev/duckdb?bench=${queries}`);
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
		const num = (s: string | undefined) => Number(s?.replaceAll(',', ''));
		const measure = (name: string) =>
			page.evaluate(
				(n) => Math.round(performance.getEntriesByName(n, 'measure')[0]?.duration ?? NaN),
				name
			);
		return {
			engine: (await text('engine')).trim(),
			instantiateMs: Number(await text('instantiate-ms')),
			loadAllMs: Number(await text('load-ms')),
			extracts: Object.fromEntries(
				await Promise.all(
					extracts.map(async ([name, rows, bytes, ms]) => [
						name,
						{
							rows: num(rows),
							bytes: num(bytes),
							fetchMs: await measure(`sujarit:fetch:${name}`),
							insertMs: await measure(`sujarit:insert:${name}`),
							ms: num(ms)
						}
					])
				)
			),
			queries: JSON.parse((await page.getAttribute('[data-testid=bench]', 'data-json')) ?? '{}')
		};
	} finally {
		await page.close();
	}
}
