/**
 * The overview's charts rendered to SVG on the server (ECharts' server-side rendering), shown by
 * EChart.svelte until the live chart has drawn: the first chart with data arrives with the HTML,
 * before any JavaScript (ECharts alone is ~170 KB of brotli). Drawn on the render thread
 * ($lib/server/charts/svg-worker), from the same options the page builds (options.ts).
 */
import type { Lang } from '$lib/i18n';
import type { MapMetric, ViewFigures } from '$lib/overview';
import { drawCharts, type ViewChartName } from '$lib/server/charts/svg-worker';
import type { ViewFilters } from '$lib/state/url-filters';
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
