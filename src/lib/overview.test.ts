import { describe, expect, it } from 'vitest';
import {
	includesSynthetic,
	metricValue,
	provinceValues,
	totalsFor,
	type Breakdown,
	type YearFigures
} from './overview.ts';

// The figures of the three real samples, as the overview pre-aggregate computes them.
const YEARS: YearFigures[] = [
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
		disbursedBaht: 627872,
		includesSynthetic: false
	},
	{
		fiscalYear: 2568,
		laosCovered: 1,
		laosReporting: 0,
		itemsPlanned: 35,
		plannedBaht: 185000,
		reportedItems: 0,
		done: 0,
		notDone: 0,
		completionRate: null,
		zeroBudgetShare: 29 / 35,
		disbursedBaht: 0,
		includesSynthetic: false
	}
];

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

// อบจ.อ่างทอง's report (15) and เทศบาลเมืองพิชัย's annual plan (52).
const PROVINCES = [
	row('15', { reportedItems: 52, done: 48, notDone: 4, disbursedBaht: 627_872 }),
	row('52', { itemsPlanned: 35, zeroBudgetItems: 29, plannedBaht: 185_000 })
];

describe('overview reductions', () => {
	it('totals all years, and the chosen years', () => {
		expect(totalsFor(YEARS, [])).toEqual({
			itemsPlanned: 35,
			plannedBaht: 185000,
			reportedItems: 52,
			done: 48,
			notDone: 4,
			disbursedBaht: 627872,
			completionRate: 48 / 52,
			zeroBudgetShare: 29 / 35,
			laosCovered: 1,
			laosReporting: 1,
			includesSynthetic: false
		});
		expect(totalsFor(YEARS, [2568])).toMatchObject({
			itemsPlanned: 35,
			reportedItems: 0,
			completionRate: null
		});
		expect(totalsFor(YEARS, [2570])).toMatchObject({ itemsPlanned: 0, laosCovered: 0 });
		expect(totalsFor(YEARS, [2566, 2568]).reportedItems).toBe(52);
	});

	it('colours provinces by the chosen metric, null where there is nothing to divide', () => {
		expect(
			(['completion_rate', 'not_done', 'zero_budget_share', 'disbursed_ratio'] as const).map((m) =>
				provinceValues(PROVINCES, m)
			)
		).toEqual([
			[
				{ code: '15', value: 92.3 },
				{ code: '52', value: null }
			],
			[
				{ code: '15', value: 4 },
				{ code: '52', value: null }
			],
			[
				{ code: '15', value: null },
				{ code: '52', value: 82.9 }
			],
			[
				{ code: '15', value: null },
				{ code: '52', value: 0 }
			]
		]);
		expect(
			metricValue({ ...PROVINCES[0]!, itemsPlanned: 10, plannedBaht: 1_930_000 }, 'disbursed_ratio')
		).toBe(32.5);
	});

	it('says whether any painted figure is synthetic', () => {
		const figures = {
			years: YEARS,
			byDimension: [],
			byType: [],
			byProvince: PROVINCES,
			points: null
		};
		expect([
			includesSynthetic(figures),
			includesSynthetic({ ...figures, byType: [row('x', { includesSynthetic: true })] })
		]).toEqual([false, true]);
	});
});
