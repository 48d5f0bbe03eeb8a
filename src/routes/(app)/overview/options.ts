/**
 * The overview's five chart options for one view's figures: the page derives them in the browser
 * (from the server's figures, then DuckDB's), and the server renders the same options to SVG
 * for the first paint (charts.server.ts). Pure: same figures, view and language, same options.
 */
import type { EChartsOption } from 'echarts';
import { buildBreakdownBarOption } from '$lib/charts/build-breakdown-bar-option';
import { buildChoroplethOption } from '$lib/charts/build-choropleth-option';
import { buildCompletionBarOption } from '$lib/charts/build-completion-bar-option';
import { buildPlannedVsDisbursedOption } from '$lib/charts/build-planned-vs-disbursed-option';
import { t, tDyn, type Lang } from '$lib/i18n';
import {
	METRIC_FORMAT,
	metricValue,
	provinceValues,
	type MapMetric,
	type ViewFigures
} from '$lib/overview';
import { LAO_TYPES } from '$lib/query/codes';
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

const metricName = (m: MapMetric) => ({ th: t(`metric_${m}`, 'th'), en: t(`metric_${m}`, 'en') });

export function overviewOptions(
	figures: ViewFigures,
	view: { filters: ViewFilters; metric: MapMetric },
	lang: Lang
): OverviewOptions {
	const selectedYears = view.filters.fiscalYears.map(String);
	return {
		planned: buildPlannedVsDisbursedOption(
			figures.years.map((y) => ({
				fiscalYear: y.fiscalYear,
				planned: y.plannedBaht,
				disbursed: y.disbursedBaht
			})),
			{ locale: lang, selected: selectedYears }
		),
		completion: buildCompletionBarOption(
			figures.years.map((y) => ({
				key: String(y.fiscalYear),
				label: String(y.fiscalYear),
				done: y.done,
				reported: y.reportedItems
			})),
			{ locale: lang, selected: selectedYears }
		),
		dimension: buildBreakdownBarOption(
			[1, 2, 3, 4].map((d) => {
				const row = figures.byDimension.find((r) => r.key === String(d));
				return {
					key: String(d),
					label: t('filter_dimension', lang).replace('{v}', String(d)),
					planned: row?.itemsPlanned ?? 0,
					reported: row?.reportedItems ?? 0
				};
			}),
			{ locale: lang, selected: view.filters.dimensions.map(String) }
		),
		type: buildBreakdownBarOption(
			LAO_TYPES.map((type) => {
				const row = figures.byType.find((r) => r.key === type);
				return {
					key: type,
					label: tDyn(`lao_type_${type}`, lang, type),
					planned: row?.itemsPlanned ?? 0,
					reported: row?.reportedItems ?? 0
				};
			}),
			{ locale: lang, selected: view.filters.laoTypes }
		),
		map: buildChoroplethOption(provinceValues(figures.byProvince, view.metric), {
			locale: lang,
			metric: metricName(view.metric),
			format: METRIC_FORMAT[view.metric],
			min: 0,
			...(METRIC_FORMAT[view.metric] === 'percent' ? { max: 100 } : {}),
			selected: view.filters.provinces,
			points: (figures.points ?? []).map((p) => ({
				key: p.dlaCode,
				label: p.name,
				lat: p.lat,
				lon: p.lon,
				provinceCode: p.provinceCode,
				value: p.figures ? metricValue(p.figures, view.metric) : null
			}))
		})
	};
}
