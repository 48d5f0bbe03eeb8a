/**
 * The overview's charts rendered to SVG on the server (ECharts' server-side rendering), shown by
 * EChart.svelte until the live chart has drawn: the first chart with data arrives with the HTML,
 * before any JavaScript (ECharts alone is ~170 KB of brotli). Drawn on the render thread
 * ($lib/server/charts/svg-worker), from the same options the page builds (options.ts).
 */
import type { Lang } from '$lib/i18n';
import { DEFAULT_MAP_METRIC, type MapMetric, type ViewFigures } from '$lib/overview';
import { drawCharts, type ViewChartName } from '$lib/server/charts/svg-worker';
import * as extracts from '$lib/server/extracts';
import { outsideRequest } from '$lib/server/kept-reads';
import { EMPTY_FILTERS, type ViewFilters } from '$lib/state/url-filters';
import { viewKey } from '$lib/state/view-axes';
import { CHART_HEIGHTS, CHARTS, type ChartName } from './options.ts';

/**
 * Widths of the charts in the 1400-px layout the page is designed for; the SVG keeps its
 * viewBox and scales to its box elsewhere (letterboxed, never stretched).
 */
const WIDTHS: Record<ChartName, number> = {
	planned: 860,
	completion: 860,
	dimension: 420,
	type: 420,
	map: 448
};

/** The page's chart name → the view's (overviewOptions calls the years chart "planned"). */
const VIEW_CHART: Record<ChartName, ViewChartName> = {
	planned: 'years',
	completion: 'completion',
	dimension: 'dimension',
	type: 'type',
	map: 'map'
};

/** The five charts of one view, as overviewOptions(figures, view, lang) describes them. */
export async function renderCharts(
	figures: ViewFigures,
	view: { filters: ViewFilters; metric: MapMetric },
	lang: Lang
): Promise<Record<ChartName, string>> {
	const svgs = await drawCharts({
		figures,
		filters: view.filters,
		options: { locale: lang, metric: view.metric },
		charts: CHARTS.map((name) => ({
			name: VIEW_CHART[name],
			width: WIDTHS[name],
			height: CHART_HEIGHTS[name]
		})),
		style: 'raw'
	});
	const out = {} as Record<ChartName, string>;
	for (const name of CHARTS) {
		const svg = svgs[VIEW_CHART[name]];
		if (svg === undefined) throw new Error(`chart ${name} was not drawn`);
		out[name] = svg;
	}
	return out;
}

/** Rendered charts (~190 KB of SVG per view) kept per scope and data version. */
export const CHART_BUCKET: extracts.Bucket = { name: 'overview-charts', max: 32 };

/**
 * One view's charts for a scope, rendered once per data version and kept (CHART_BUCKET): the
 * page and the warm-up below share them under the same key.
 */
export function cachedCharts(
	run: extracts.Runner,
	scope: extracts.Scope,
	figures: ViewFigures,
	view: { filters: ViewFilters; metric: MapMetric },
	lang: Lang
): Promise<Record<ChartName, string>> {
	return extracts.memoize(
		run,
		scope,
		viewKey(view.filters, `${view.metric}:${lang}`),
		() => renderCharts(figures, view, lang),
		CHART_BUCKET
	);
}

/** How often a scope's chart warm-up may run again (each time, what is kept costs nothing). */
const REWARM_MS = 15_000;
const warming = new Map<string, { job: Promise<void> | null; at: number }>();
/** Scopes × languages remembered (the cache itself keeps 32 scopes: extracts/cache.ts). */
const MAX_WARMING = 64;

/**
 * After a scope's first reader: the charts of the unfiltered view and of the views one click
 * away (each fiscal year, each มิติ), in the reader's language and the default map metric, one
 * view after the other on the render thread, once the scope's figures are warm (extracts.warm).
 * Under the load campaign (bench/load.ts), some of the sessions run's slow first-second pages
 * were overviews of those views waiting CHART_WAIT_MS for charts that the render thread, busy
 * with every scope's first views at once, had not drawn yet (slow overviews 10–18 → 7–10; most
 * slow pages there waited for a place in the page lane instead). Failures are logged, never
 * thrown.
 */
export function warmCharts(run: extracts.Runner, scope: extracts.Scope, lang: Lang): void {
	const key = `${extracts.scopeKey(scope)}|${lang}`;
	const now = Date.now();
	const last = warming.get(key);
	if (last && (last.job !== null || now - last.at < REWARM_MS)) return;
	const entry: { job: Promise<void> | null; at: number } = { job: null, at: now };
	warming.delete(key);
	warming.set(key, entry);
	const oldest = warming.keys().next().value;
	if (warming.size > MAX_WARMING && oldest !== undefined) warming.delete(oldest);
	// Outside the reader's request: the job outlives it (kept-reads.ts).
	entry.job = outsideRequest(() => warmViews(run, scope, lang, key, entry));
}

/** warmCharts' job: the scope's figures, then each view's charts; failures logged. */
function warmViews(
	run: extracts.Runner,
	scope: extracts.Scope,
	lang: Lang,
	key: string,
	entry: { job: Promise<void> | null; at: number }
): Promise<void> {
	return (async () => {
		await extracts.warm(run, scope);
		const unfiltered = await extracts.cachedViewFigures(run, scope, EMPTY_FILTERS);
		const years = unfiltered.years.map((y) => y.fiscalYear);
		for (const filters of [EMPTY_FILTERS, ...extracts.oneClickViews(years)]) {
			const figures = await extracts.cachedViewFigures(run, scope, filters);
			await cachedCharts(run, scope, figures, { filters, metric: DEFAULT_MAP_METRIC }, lang);
		}
	})()
		.catch((error: unknown) => console.error(`overview charts: warming ${key} failed`, error))
		.finally(() => {
			entry.job = null;
			entry.at = Date.now();
		});
}
