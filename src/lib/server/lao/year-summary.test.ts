import { describe, expect, it } from 'vitest';
import { yearSummaries } from './year-summary.ts';

describe('yearSummaries', () => {
	it('sums each stage per year in satang, counts shared-cell amounts apart, and marks "no report"', () => {
		const years = yearSummaries({
			plan: [
				{
					id: 1,
					dimension: 1,
					name: 'ก',
					documentId: 1,
					line: 10,
					isSynthetic: false,
					budgets: [
						{ fiscalYear: 2567, amount: 0.1, line: 10 },
						{ fiscalYear: 2568, amount: null, line: 10 }
					]
				}
			],
			annual: [
				{
					id: 1,
					fiscalYear: 2567,
					dimension: 1,
					name: 'ก',
					documentId: 2,
					line: 5,
					isSynthetic: false,
					amount: 0.2,
					amountLine: 5
				},
				{
					id: 2,
					fiscalYear: 2567,
					dimension: 1,
					name: 'ข',
					documentId: 2,
					line: 6,
					isSynthetic: false,
					amount: 0.1,
					amountLine: 6
				}
			],
			report: [
				{
					id: 1,
					fiscalYear: 2568,
					dimension: 1,
					name: 'ก',
					documentId: 3,
					line: 7,
					isSynthetic: false,
					budget: 100,
					disbursed: 40.5,
					status: 'not_done'
				}
			],
			annualYears: [2567],
			reportYears: [2568]
		});
		expect(
			years.map((y) => [
				y.fiscalYear,
				y.plannedBaht,
				y.planUnassigned,
				y.annualBaht,
				y.annualFiled,
				y.reportFiled,
				y.notDone,
				y.disbursedBaht
			])
		).toEqual([
			[2567, 0.1, 0, 0.3, true, false, 0, 0],
			[2568, 0, 1, 0, false, true, 1, 40.5]
		]);
	});
});
