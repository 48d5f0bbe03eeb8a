/**
 * The options of every chart a view paints (the overview's, a release's) from its figures: by
 * fiscal year (planned vs disbursed, completion), by มิติ, by LAO type, and the province map.
 * Pure, so that the server can render the first chart to SVG for the first paint and the
 * browser can draw the same options with ECharts after it.
 */
import type { EChartsOption } from 'echarts';
import type { Digits } from '../format/number.ts';
import { t, tDyn, type Lang } from '../i18n/index.ts';
import {
	METRIC_FORMAT,
	metricValue,
	provinceValues,
	type LaoPoint,
	type MapMetric,
	type ViewFigures
} from '../overview.ts';
import { LAO_TYPES } from '../query/codes.ts';
import type { ViewFilters } from '../state/url-filters.ts';
import { buildBreakdownBarOption } from './build-breakdown-bar-option.ts';
import { buildChoroplethOption } from './build-choropleth-option.ts';
import { buildCompletionBarOption } from './build-completion-bar-option.ts';
import { buildPlannedVsDisbursedOption } from './build-planned-vs-disbursed-option.ts';

export interface ViewChartOptions {
	locale: Lang;
	digits?: Digits;
	metric: MapMetric;
}

export interface ViewCharts {
	years: EChartsOption;
	completion: EChartsOption;
	dimension: EChartsOption;
	type: EChartsOption;
	map: EChartsOption;
}

const points = (list: readonly LaoPoint[] | null, metric: MapMetric) =>
	(list ?? []).map((p) => ({
		key: p.dlaCode,
		label: p.name,
		lat: p.lat,
		lon: p.lon,
		provinceCode: p.provinceCode,
		value: p.figures ? metricValue(p.figures, metric) : null
	}));

/** Every chart of the view; the view's selections are highlighted, the rest faded. */
export function buildViewChartOptions(
	figures: ViewFigures,
	filters: ViewFilters,
	opts: ViewChartOptions
): ViewCharts {
	const { locale, digits, metric } = opts;
	const common = digits ? { locale, digits } : { locale };
	const selectedYears = filters.fiscalYears.map(String);
	return {
		years: buildPlannedVsDisbursedOption(
			figures.years.map((y) => ({
				fiscalYear: y.fiscalYear,
				planned: y.plannedBaht,
				disbursed: y.disbursedBaht
			})),
			{ ...common, selected: selectedYears }
		),
		completion: buildCompletionBarOption(
			figures.years.map((y) => ({
				key: String(y.fiscalYear),
				label: String(y.fiscalYear),
				done: y.done,
				reported: y.reportedItems
			})),
			{ ...common, selected: selectedYears }
		),
		dimension: buildBreakdownBarOption(
			[1, 2, 3, 4].map((d) => {
				const row = figures.byDimension.find((r) => r.key === String(d));
				return {
					key: String(d),
					label: t('filter_dimension', locale).replace('{v}', String(d)),
					planned: row?.itemsPlanned ?? 0,
					reported: row?.reportedItems ?? 0
				};
			}),
			{ ...common, selected: filters.dimensions.map(String) }
		),
		type: buildBreakdownBarOption(
			LAO_TYPES.map((type) => {
				const row = figures.byType.find((r) => r.key === type);
				return {
					key: type,
					label: tDyn(`lao_type_${type}`, locale, type),
					planned: row?.itemsPlanned ?? 0,
					reported: row?.reportedItems ?? 0
				};
			}),
			{ ...common, selected: filters.laoTypes }
		),
		map: buildChoroplethOption(provinceValues(figures.byProvince, metric), {
			...common,
			metric: { th: t(`metric_${metric}`, 'th'), en: t(`metric_${metric}`, 'en') },
			format: METRIC_FORMAT[metric],
			min: 0,
			...(METRIC_FORMAT[metric] === 'percent' ? { max: 100 } : {}),
			selected: filters.provinces,
			points: points(figures.points, metric)
		})
	};
}
