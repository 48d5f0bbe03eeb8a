import { describe, expect, it } from 'vitest';
import type { Breakdown, ViewFigures } from '../overview.ts';
import { EMPTY_FILTERS } from '../state/url-filters.ts';
import { buildViewChartOptions } from './build-view-chart-options.ts';

const row = (key: string, f: Partial<Breakdown>): Breakdown => ({
	key,
	laosCovered: 0,
	laosReporting: 0,
	itemsPlanned: 0,
	zeroBudgetItems: 0,
	plannedBaht: 0,
	reportedItems: 0,
	done: 0,
	notDone: 0,
	disbursedBaht: 0,
	includesSynthetic: false,
	...f
});

/** The seeds' release: Ang Thong's FY2566 report, Phichai's FY2568 annual plan. */
const FIGURES: ViewFigures = {
	years: [
		{
			fiscalYear: 2566,
			laosCovered: 0,
			laosReporting: 1,
			itemsPlanned: 0,
			plannedBaht: 0,
			reportedItems: 52,
			done: 48,
			notDone: 4,
			completionRate: 48 / 52,
			zeroBudgetShare: null,
			disbursedBaht: 627_872,
			includesSynthetic: false
		},
		{
			fiscalYear: 2568,
			laosCovered: 1,
			laosReporting: 0,
			itemsPlanned: 35,
			plannedBaht: 185_000,
			reportedItems: 0,
			done: 0,
			notDone: 0,
			completionRate: null,
			zeroBudgetShare: 29 / 35,
			disbursedBaht: 0,
			includesSynthetic: false
		}
	],
	byDimension: [row('1', { itemsPlanned: 7, reportedItems: 11 })],
	byType: [row('town_municipality', { itemsPlanned: 35 })],
	byProvince: [
		row('15', { reportedItems: 52, done: 48, notDone: 4 }),
		row('52', { itemsPlanned: 35 })
	],
	points: null
};

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
