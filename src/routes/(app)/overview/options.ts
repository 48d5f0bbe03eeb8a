/**
 * The overview's five chart options for one view's figures: the page derives them in the browser
 * (from the server's figures, then DuckDB's), and the server renders the same options to SVG
 * for the first paint (charts.server.ts). The charts are a view's, as a release's are
 * (buildViewChartOptions); this names them as the page lays them out.
 */
import type { EChartsOption } from 'echarts';
import { buildViewChartOptions } from '$lib/charts/build-view-chart-options';
import type { Lang } from '$lib/i18n';
import type { MapMetric, ViewFigures } from '$lib/overview';
import type { ViewFilters } from '$lib/state/url-filters';

export const CHARTS = ['planned', 'completion', 'dimension', 'type', 'map'] as const;
export type ChartName = (typeof CHARTS)[number];
export type OverviewOptions = Record<ChartName, EChartsOption>;

/** Each chart's height in the page; the server renders its SVG at these sizes. */
export const CHART_HEIGHTS: Record<ChartName, number> = {
	planned: 260,
	completion: 160,
	dimension: 240,
	type: 240,
	map: 720
};

export function overviewOptions(
	figures: ViewFigures,
	view: { filters: ViewFilters; metric: MapMetric },
	lang: Lang
): OverviewOptions {
	const { years, ...rest } = buildViewChartOptions(figures, view.filters, {
		locale: lang,
		metric: view.metric
	});
	return { planned: years, ...rest };
}
