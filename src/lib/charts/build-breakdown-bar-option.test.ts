import type { BarSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { buildBreakdownBarOption } from './build-breakdown-bar-option.ts';
import { buildCompletionBarOption } from './build-completion-bar-option.ts';
import { buildPlannedVsDisbursedOption } from './build-planned-vs-disbursed-option.ts';
import { tooltipFormatter } from './test-helpers.ts';

// The seeds by มิติ: plans 7/15/6/7 items, reports 11/29/5/7 (tests/db/overview-filters.suite.ts).
const DIMS = [
	{ key: '1', label: 'มิติ 1', planned: 7, reported: 11 },
	{ key: '2', label: 'มิติ 2', planned: 15, reported: 29 },
	{ key: '3', label: 'มิติ 3', planned: 6, reported: 5 },
	{ key: '4', label: 'มิติ 4', planned: 7, reported: 7 }
];

describe('buildBreakdownBarOption', () => {
	it('draws planned and reported items per group, ids are the keys', () => {
		const option = buildBreakdownBarOption(DIMS, { locale: 'th' });
		const series = option.series as BarSeriesOption[];
		expect(series.map((s) => [s.id, s.name, s.data])).toEqual([
			[
				'planned_items',
				'รายการตามแผน',
				[
					{ id: '1', value: 7 },
					{ id: '2', value: 15 },
					{ id: '3', value: 6 },
					{ id: '4', value: 7 }
				]
			],
			[
				'reported_items',
				'รายการที่รายงาน',
				[
					{ id: '1', value: 11 },
					{ id: '2', value: 29 },
					{ id: '3', value: 5 },
					{ id: '4', value: 7 }
				]
			]
		]);
		expect((option.yAxis as { data: string[] }).data).toEqual(['มิติ 1', 'มิติ 2', 'มิติ 3', 'มิติ 4']);
		expect(tooltipFormatter(option)({ dataIndex: 1 })).toBe(
			'มิติ 2<br>รายการตามแผน: 15<br>รายการที่รายงาน: 29'
		);
	});

	it('fades what is not selected, in every crossfilter chart', () => {
		const dims = buildBreakdownBarOption(DIMS, { locale: 'en', selected: ['2'] });
		const [planned] = dims.series as BarSeriesOption[];
		const years = buildPlannedVsDisbursedOption(
			[
				{ fiscalYear: 2566, planned: 0, disbursed: 627_872 },
				{ fiscalYear: 2568, planned: 185_000, disbursed: 0 }
			],
			{ locale: 'en', selected: ['2568'] }
		);
		const completion = buildCompletionBarOption(
			[{ key: '2566', label: '2566', done: 48, reported: 52 }],
			{ locale: 'en', selected: ['2568'] }
		);
		expect([
			planned?.data,
			(years.series as BarSeriesOption[])[0]?.data,
			(completion.series as BarSeriesOption[])[0]?.data
		]).toEqual([
			[
				{ id: '1', value: 7, itemStyle: { opacity: 0.3 } },
				{ id: '2', value: 15 },
				{ id: '3', value: 6, itemStyle: { opacity: 0.3 } },
				{ id: '4', value: 7, itemStyle: { opacity: 0.3 } }
			],
			[
				{ id: '2566', value: 0, itemStyle: { opacity: 0.3 } },
				{ id: '2568', value: 185_000 }
			],
			[{ id: '2566', value: 92.3, itemStyle: { opacity: 0.3 } }]
		]);
	});
});
