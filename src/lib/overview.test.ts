import { describe, expect, it } from 'vitest';
import { completionByProvince, totalsFor, type YearFigures } from './overview.ts';

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

describe('overview reductions', () => {
	it('totals all years, and one year', () => {
		expect(totalsFor(YEARS, null)).toEqual({
			itemsPlanned: 35,
			plannedBaht: 185000,
			reportedItems: 52,
			done: 48,
			notDone: 4,
			disbursedBaht: 627872,
			completionRate: 48 / 52,
			laosCovered: 1,
			laosReporting: 1,
			includesSynthetic: false
		});
		expect(totalsFor(YEARS, 2568)).toMatchObject({
			itemsPlanned: 35,
			reportedItems: 0,
			completionRate: null
		});
		expect(totalsFor(YEARS, 2570)).toMatchObject({ itemsPlanned: 0, laosCovered: 0 });
	});

	it('colours provinces by completion, null where nothing was reported', () => {
		const rows = [
			{
				provinceCode: '15',
				fiscalYear: 2566,
				reportedItems: 52,
				done: 48,
				notDone: 4,
				itemsPlanned: 0,
				zeroBudgetItems: 0
			},
			{
				provinceCode: '52',
				fiscalYear: 2568,
				reportedItems: 0,
				done: 0,
				notDone: 0,
				itemsPlanned: 35,
				zeroBudgetItems: 29
			}
		];
		expect(completionByProvince(rows, null)).toEqual([
			{ code: '15', value: 92.3 },
			{ code: '52', value: null }
		]);
		expect(completionByProvince(rows, 2568)).toEqual([{ code: '52', value: null }]);
	});
});
