import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../state/url-filters.ts';
import { buildViewChartOptions } from './build-view-chart-options.ts';
import { SEED_FIGURES as FIGURES } from './test-helpers.ts';

const seriesData = (option: unknown, index = 0) =>
	((option as { series: { data: unknown[] }[] }).series[index]?.data ?? []).map((d) =>
		typeof d === 'object' && d !== null && 'value' in d ? (d as { value: unknown }).value : d
	);

describe('buildViewChartOptions', () => {
	it('draws each chart of the view from its figures, in the reader’s language', () => {
		const charts = buildViewChartOptions(
			FIGURES,
			{ ...EMPTY_FILTERS, fiscalYears: [2568] },
			{ locale: 'th', metric: 'completion_rate' }
		);
		expect([
			seriesData(charts.years, 0),
			seriesData(charts.years, 1),
			seriesData(charts.dimension, 0),
			seriesData(charts.dimension, 1),
			(charts.dimension.yAxis as { data: string[] }).data,
			seriesData(charts.type, 0).length
		]).toEqual([
			[0, 185_000],
			[627_872, 0],
			[7, 0, 0, 0],
			[11, 0, 0, 0],
			['มิติ 1', 'มิติ 2', 'มิติ 3', 'มิติ 4'],
			7
		]);
		// The selected year stays as it is; the other is faded.
		const [y2566, y2568] = (charts.years.series as { data: { itemStyle?: unknown }[] }[])[0]!.data;
		expect([y2566?.itemStyle !== undefined, y2568?.itemStyle]).toEqual([true, undefined]);
	});
});
