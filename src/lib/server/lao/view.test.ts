import { describe, expect, it } from 'vitest';
import type { AnnualEntry, PlanEntry, ReportEntry } from '../../components/lao/types.ts';
import { followThrough } from './follow.ts';
import { followView } from './view.ts';

const base = { isSynthetic: false };
const plan: PlanEntry[] = [
	{
		...base,
		id: 1,
		dimension: 1,
		name: 'โครงการอบรมคุณธรรมจริยธรรมพนักงาน',
		documentId: 1,
		line: 11,
		budgets: [{ fiscalYear: 2568, amount: 50_000, line: 11 }]
	},
	{
		...base,
		id: 2,
		dimension: 2,
		name: 'มาตรการเปิดเผยข้อมูลการจัดซื้อจัดจ้าง',
		documentId: 1,
		line: 12,
		budgets: [{ fiscalYear: 2568, amount: 0, line: 12 }]
	}
];
const annual: AnnualEntry[] = [
	// Spelt as in the plan: exact, its name not carried.
	{
		...base,
		id: 3,
		fiscalYear: 2568,
		dimension: 1,
		name: plan[0]!.name,
		documentId: 2,
		line: 21,
		amount: 45_000,
		amountLine: 21
	},
	// OCR-damaged (ม → น): matched, not exact, its name carried for the table to show.
	{
		...base,
		id: 4,
		fiscalYear: 2568,
		dimension: 2,
		name: 'นาตรการเปิดเผยข้อมูลการจัดซื้อจัดจ้าง',
		documentId: 2,
		line: 22,
		amount: null,
		amountLine: 23
	}
];
const report: ReportEntry[] = [
	{
		...base,
		id: 5,
		fiscalYear: 2568,
		dimension: 1,
		name: plan[0]!.name,
		documentId: 3,
		line: 31,
		budget: 45_000,
		disbursed: 44_500,
		status: 'done'
	}
];

describe('followView', () => {
	const full = followThrough({ plan, annual, report, annualYears: [2568], reportYears: [2568] });
	const view = followView(full);

	it('keeps every thread, year, amount, line and link the table shows', () => {
		expect(view.years).toEqual(full.years);
		expect(view.counts).toEqual(full.counts);
		expect(view.threads.map((t) => [t.name, t.dimension, t.years.length])).toEqual(
			full.threads.map((t) => [t.name, t.dimension, t.years.length])
		);
		const [first, second] = view.threads;
		expect(first!.years[0]).toEqual({
			fiscalYear: 2568,
			planned: { amount: 50_000, line: 11, documentId: 1 },
			annual: {
				item: { documentId: 2, amount: 45_000, amountLine: 21, name: null },
				score: 1,
				exact: true
			},
			report: {
				item: { documentId: 3, disbursed: 44_500, line: 31, status: 'done', name: null },
				score: 1,
				exact: true
			},
			planFiled: true,
			annualFiled: true,
			reportFiled: true
		});
		expect(second!.years[0]!.annual).toMatchObject({
			item: { documentId: 2, amount: null, amountLine: 23, name: annual[1]!.name },
			exact: false
		});
		expect(second!.years[0]!.annual!.score).toBeLessThan(1);
		expect(second!.years[0]!.report).toBe(null);
	});

	it('carries no plan entry, id, budget or flag the table never reads', () => {
		const text = JSON.stringify(view);
		for (const key of ['"plan"', '"budgets"', '"id"', '"isSynthetic"', '"budget"', '"against"']) {
			expect(text).not.toContain(key);
		}
		// The exact names appear once per thread, not once per stage.
		expect(text.split(plan[0]!.name).length - 1).toBe(1);
		expect(text.length).toBeLessThan(JSON.stringify(full).length * 0.7);
	});
});
